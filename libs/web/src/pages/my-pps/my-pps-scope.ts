import { Principal } from '@bouwsteen/auth';
import { ForbiddenError } from '@bouwsteen/common';
import { PpsPolicy, PpsSummaryDto } from '@bouwsteen/organisations';

/**
 * The PPS a signed-in person works for on these pages: the one asked for when they may edit
 * it (PpsPolicy), else their first; an admin picks any. Undefined: an admin who has not picked.
 */
export function workingPps(
  principal: Principal,
  directory: readonly PpsSummaryDto[],
  requested: unknown,
): PpsSummaryDto | undefined {
  const id = typeof requested === 'string' && requested ? requested : principal.ppsIds[0];
  if (!id) return undefined;
  const pps = directory.find((entry) => entry.id === id);
  if (!pps) return undefined;
  if (!PpsPolicy.canEdit(principal, pps.id))
    throw new ForbiddenError('You are not an editor of this PPS');
  return pps;
}

/** The PPS this person may edit, for a picker (admins: all of them). */
export function editablePps(
  principal: Principal,
  directory: readonly PpsSummaryDto[],
): PpsSummaryDto[] {
  return directory.filter((pps) => PpsPolicy.canEdit(principal, pps.id));
}
