import { normaliseText } from '@bouwsteen/common';
import type { PpsSummaryDto } from '@bouwsteen/organisations';
import type { Option } from '../../forms/fields';

/** A posted admin form, as the body parser hands it over. */
export type Form = Record<string, unknown>;

export function str(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** A one-line field as typed or pasted (see normaliseText). */
export function oneLine(value: unknown): string {
  return normaliseText(str(value), { singleLine: true }).trim();
}

export function ids(value: unknown): string[] {
  return (Array.isArray(value) ? value : []).filter(
    (entry): entry is string => typeof entry === 'string' && entry !== '',
  );
}

/** The lead institutions of all PPS, by name: who an account or a PPS can belong to. */
export function organisationOptions(directory: readonly PpsSummaryDto[]): Option[] {
  const leads = new Map(directory.map((pps) => [pps.leadInstitution.id, pps.leadInstitution.name]));
  return [...leads]
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label, 'nl'));
}
