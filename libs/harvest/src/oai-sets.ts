import { KIND_LABELS } from '@bouwsteen/taxonomy/pure';
import { HarvestFilter, OaiRecordRow } from './oai-records.repository';

export const KINDS = ['module', 'curriculum', 'infrastructure', 'practice'] as const;

/**
 * What goes to Edurep: modules, the learning material a teacher looks for. Curricula are left
 * out until they carry an OBK discipline (Edurep requires one at aggregation level 3 and 4);
 * places and good practices are not learning material.
 */
export const EDUREP_KINDS = ['module'];

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
  if (spec === 'edurep') return { kinds: EDUREP_KINDS };
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
    ...(EDUREP_KINDS.includes(row.kind) ? ['edurep'] : []),
  ];
}

/** Every set, named in Dutch, for ListSets. */
export function allSets(
  pps: { id: string; name: string }[],
  provinces: { code: string; label: string }[],
): OaiSet[] {
  return [
    { spec: 'edurep', name: 'Voor Edurep: modules (NL-LOM)' },
    { spec: 'kind', name: 'Per soort bouwsteen' },
    ...KINDS.map((kind) => ({ spec: `kind:${kind}`, name: KIND_LABELS[kind].many })),
    { spec: 'pps', name: 'Per PPS' },
    ...pps.map((item) => ({ spec: `pps:${item.id}`, name: item.name })),
    { spec: 'province', name: 'Per provincie' },
    ...provinces.map((item) => ({ spec: `province:${item.code}`, name: item.label })),
  ];
}
