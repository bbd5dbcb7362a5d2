import { ObkConcept } from './obk-levels';

/**
 * Our sectors (vocabulary `sectors`) as the discipline ("vakgebied") classification Edurep
 * requires, mapping version 1 of 2026-12-06. Change the entries only with a new version.
 *
 * Source. The target is the OnderwijsBegrippenKader (OBK, OBK_SOURCE), the
 * vocabulary Edurep accepts for classification purpose `discipline` (NL-LOM 1.0.1, field 9,
 * "Vakgebieden"; Edurep:Metadata/en). The OBK ids used here are the ones Edurep's own mapping of
 * educational levels names (kennisnet/edurep-xslt `mapping_educationallevel_20071115.xsl`, and
 * the page Edurep:Metadata/Leerniveau/en): MBO `f3ac3fbb-…`. Edurep's published out-feed
 * records carry a discipline classification with no taxon path at all, so they show no
 * discipline ids either.
 *
 * Not known. The OBK concepts for the mbo disciplines themselves (the vakgebieden/domeinen of
 * the mbo, e.g. "Techniek en procesindustrie", "Zorg en welzijn") and their ids are not in the
 * material this mapping was made from. Rather than invent ids, every sector maps to the nearest
 * documented OBK concept, MBO (`obk`, marked `exact: false` with the discipline it stands for in
 * `intended`), and the record names the sector itself in a second taxon path of our own
 * vocabulary (`SECTOR_SOURCE`), so a harvester loses no information. When the OBK ids become
 * known, replace `obk` with the discipline's path, set `exact: true`, and raise the version.
 */
export const OBK_DISCIPLINES_VERSION = '1 (2026-12-06)';

/** The classification system of our own sectors, as a LOM taxonPath names its source. */
export const SECTOR_SOURCE = 'Bouwsteen: sectoren van het mbo (vocabulaire sectors)';

export interface DisciplineMapping {
  /** The OBK path (broadest first) the record's discipline classification carries. */
  obk: ObkConcept[];
  /** Whether `obk` is the discipline itself (true) or the nearest documented concept. */
  exact: boolean;
  /** The mbo discipline the sector is, in words, while its OBK id is not known. */
  intended: string;
}

const MBO: ObkConcept = { id: 'f3ac3fbb-5eae-49e0-8494-0a44855fff25', label: 'MBO' };

const nearest = (intended: string): DisciplineMapping => ({ obk: [MBO], exact: false, intended });

export const OBK_DISCIPLINES: Readonly<Record<string, DisciplineMapping>> = {
  techniek: nearest('Techniek en installatie'),
  ict: nearest('ICT'),
  zorg: nearest('Zorg en welzijn'),
  groen: nearest('Groen (agri, tuinbouw)'),
  food: nearest('Voeding en procestechniek'),
  logistiek: nearest('Logistiek en mobiliteit'),
  luchtvaart: nearest('Luchtvaart'),
  bouw: nearest('Bouw en infra'),
  energie: nearest('Energie'),
  maakindustrie: nearest('Maakindustrie'),
  hout: nearest('Hout en meubel'),
  handel: nearest('Handel'),
  horeca: nearest('Horeca en toerisme'),
  sport: nearest('Sport en bewegen'),
  onderwijs: nearest('Onderwijs en kinderopvang'),
  veiligheid: nearest('Veiligheid'),
  media: nearest('Media en creatieve industrie'),
};

/** The OBK path of a sector's discipline; [] for a sector the mapping does not name. */
export function obkDisciplinePath(sector: string): ObkConcept[] {
  return Object.hasOwn(OBK_DISCIPLINES, sector) ? OBK_DISCIPLINES[sector].obk : [];
}

/** Whether some of the sectors has a discipline in OBK: what Edurep's discipline needs. */
export function hasObkDiscipline(sectors: readonly string[]): boolean {
  return sectors.some((sector) => obkDisciplinePath(sector).length > 0);
}
