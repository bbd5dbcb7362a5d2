import { KIND_LABELS } from '@bouwsteen/taxonomy/pure';
import { HarvestFilter, OaiRecordRow } from './oai-records.repository';

export const KINDS = ['module', 'curriculum', 'infrastructure', 'practice'] as const;

export interface OaiSet {
  spec: string;
  name: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The records a setSpec selects, or undefined for a set that does not exist. The parents
 * (`kind`, `pps`, `province`) hold everything below them, as OAI-PMH's hierarchy says.
 */
export function filterForSet(spec: string): HarvestFilter | undefined {
  if (spec === 'kind' || spec === 'pps' || spec === 'province') return {};
  if (spec === 'edurep') return { feed: 'edurep' };
  const [parent, child, ...rest] = spec.split(':');
  if (rest.length || child === undefined) return undefined;
  if (parent === 'kind' && (KINDS as readonly string[]).includes(child)) return { kinds: [child] };
  if (parent === 'pps' && UUID.test(child)) return { ppsId: child };
  if (parent === 'province' && /^[a-z-]{2,40}$/.test(child)) return { province: child };
  return undefined;
}

/** The sets a record's header names (the leaves: a harvester of a parent gets it as well). */
export function setsOf(row: OaiRecordRow): string[] {
  return [
    `kind:${row.kind}`,
    `pps:${row.pps_id}`,
    ...row.provinces.map((province) => `province:${province}`),
    ...(inEdurepSet(row) ? ['edurep'] : []),
  ];
}

/**
 * Whether the record belongs to the `edurep` set as this header shows it: taken by the feed
 * (modules and curricula with Edurep's mandatory fields: assets' completeness.ts decides, at
 * publishing), or a deleted record of it (archived, or no longer taken, after being in it).
 */
function inEdurepSet(row: OaiRecordRow): boolean {
  return row.edurep_ever && (row.deleted || row.edurep_missing?.length === 0);
}

/** Every set, named in Dutch, for ListSets. */
export function allSets(
  pps: { id: string; name: string }[],
  provinces: { code: string; label: string }[],
): OaiSet[] {
  return [
    { spec: 'edurep', name: 'Voor Edurep: complete modules en curricula (NL-LOM)' },
    { spec: 'kind', name: 'Per soort bouwsteen' },
    ...KINDS.map((kind) => ({ spec: `kind:${kind}`, name: KIND_LABELS[kind].many })),
    { spec: 'pps', name: 'Per PPS' },
    ...pps.map((item) => ({ spec: `pps:${item.id}`, name: item.name })),
    { spec: 'province', name: 'Per provincie' },
    ...provinces.map((item) => ({ spec: `province:${item.code}`, name: item.label })),
  ];
}
