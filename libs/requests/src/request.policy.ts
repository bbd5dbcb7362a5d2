import type { Principal } from '@bouwsteen/auth/pure';
import { PpsPolicy } from '@bouwsteen/organisations/pure';

/**
 * Who may read a PPS's requests for material (name, e-mail, school, purpose: personal data):
 * the editors of the PPS the request was sent to, and admins. Nobody else, teachers and other
 * PPS's editors included; anyone may send one.
 */
export const RequestPolicy = {
  mayRead(principal: Principal | undefined, ppsId: string): boolean {
    return PpsPolicy.canEdit(principal, ppsId);
  },
};
