import { ObkConcept } from './obk-levels';

/**
 * Our sectors (vocabulary `sectors`) as the discipline ("vakgebied") classification Edurep
 * requires, mapping version 2 of 2026-12-06. Change the entries only with a new version.
 *
 * Source. The target is the OnderwijsBegrippenKader (OBK, OBK_SOURCE), the vocabulary Edurep
 * accepts for classification purpose `discipline` (NL-LOM 1.0.1, field 9, "Vakgebieden"). The mbo
 * disciplines there are the opleidingsdomeinen (and their studierichtingen); their OBK ids and
 * names are those of Edurep's own mapping of the mbo domains to OBK, kennisnet/edurep-xslt
 * `mapping-xslt/mapping_opleidingsdomeinen_en_studierichtingen_mbo_2010.xsl` (the domains
 * numbered 1–16 as in the ministry's list of opleidingsdomeinen). A sector that is one domain
 * maps to it; a sector that is a studierichting of a domain maps to the path domain →
 * studierichting; a sector wider or other than one domain maps to the domain that holds most of
 * its qualifications (`exact: false`, with what it stands for in `intended`). The record also
 * names the sector itself in a taxon path of our own vocabulary (`SECTOR_SOURCE`), so a harvester
 * loses nothing.
 *
 * Version 1 mapped every sector to the concept MBO, since these ids were not yet at hand.
 */
export const OBK_DISCIPLINES_VERSION = '2 (2026-12-06)';

/** The classification system of our own sectors, as a LOM taxonPath names its source. */
export const SECTOR_SOURCE = 'Bouwsteen: sectoren van het mbo (vocabulaire sectors)';

export interface DisciplineMapping {
  /** The OBK path (broadest first) the record's discipline classification carries. */
  obk: ObkConcept[];
  /** Whether `obk` is the discipline itself (true) or the nearest concept OBK has. */
  exact: boolean;
  /** The mbo discipline the sector is, in words. */
  intended: string;
}

/** The mbo opleidingsdomeinen in OBK (Edurep's mapping, domains 1–16) that our sectors use. */
const DOMAIN = {
  bouw: { id: '17b41166-ab49-4a56-bcf1-32317da752ef', label: 'Bouw en infra' },
  afbouwHout: { id: '3ed67cca-37f6-4d7b-b1eb-872f6671caf7', label: 'Afbouw, hout en onderhoud' },
  techniek: { id: 'c6c55e80-9fae-440b-b50a-4a1f70432734', label: 'Techniek en procesindustrie' },
  media: { id: '2c366888-5642-4262-922d-f84908767235', label: 'Media en vormgeving' },
  ict: {
    id: 'fd8df586-d10e-4cd2-8ef7-c0c93f0bc5cd',
    label: 'Informatie en communicatietechnologie',
  },
  logistiek: {
    id: '9ca10565-ec88-44b7-abc2-582dfdea5abc',
    label: 'Transport, scheepvaart en logistiek',
  },
  handel: { id: '3912477b-4bd1-40ca-aeba-eb7a748728b8', label: 'Handel en ondernemerschap' },
  veiligheidSport: { id: '8aa21fc6-4da8-4bdf-9de2-d9e5e707d003', label: 'Veiligheid en sport' },
  horeca: { id: 'bac03586-16fe-4384-98f5-8e0d6845ec72', label: 'Horeca en bakkerij' },
  zorg: { id: '750580b3-11c3-46a8-9bc2-dd5a6e7612b6', label: 'Zorg en welzijn' },
  voedselNatuur: {
    id: '5e86dc82-1981-48df-bbe5-abd4a9b3767b',
    label: 'Voedsel, natuur en leefomgeving',
  },
} satisfies Record<string, ObkConcept>;

/** Studierichtingen (second level) of those domains that a sector is. */
const RICHTING = {
  installatietechniek: { id: '2bc0df5e-8a3e-4327-993d-7e7d785866b7', label: 'Installatietechniek' },
  procesindustrie: { id: 'bc899047-ae76-4414-a6df-e25c743def3f', label: 'Procesindustrie' },
  vliegtuigbouwkunde: { id: 'ee14b214-78a5-4436-ac08-acda03de24af', label: 'Vliegtuigbouwkunde' },
  publiekeVeiligheid: { id: '244d522c-fc3b-4d37-8826-ff82eb9cbe07', label: 'Publieke veiligheid' },
  sportBewegen: { id: '7b3bbad5-34b2-4b5d-9c83-e3b64a3efed0', label: 'Sport en bewegen' },
} satisfies Record<string, ObkConcept>;

const exactly = (intended: string, ...obk: ObkConcept[]): DisciplineMapping => ({
  obk,
  exact: true,
  intended,
});
const nearest = (intended: string, ...obk: ObkConcept[]): DisciplineMapping => ({
  obk,
  exact: false,
  intended,
});

export const OBK_DISCIPLINES: Readonly<Record<string, DisciplineMapping>> = {
  techniek: exactly('Techniek en installatie', DOMAIN.techniek),
  ict: exactly('ICT', DOMAIN.ict),
  zorg: exactly('Zorg en welzijn', DOMAIN.zorg),
  groen: exactly('Groen (agri, tuinbouw)', DOMAIN.voedselNatuur),
  food: exactly('Voeding en procestechniek', DOMAIN.techniek, RICHTING.procesindustrie),
  logistiek: exactly('Logistiek en mobiliteit', DOMAIN.logistiek),
  luchtvaart: exactly('Luchtvaart', DOMAIN.techniek, RICHTING.vliegtuigbouwkunde),
  bouw: exactly('Bouw en infra', DOMAIN.bouw),
  // Energy in the mbo is the installation of heat pumps, solar power and the grid.
  energie: nearest('Energie', DOMAIN.techniek, RICHTING.installatietechniek),
  maakindustrie: nearest('Maakindustrie', DOMAIN.techniek),
  hout: exactly('Hout en meubel', DOMAIN.afbouwHout),
  handel: exactly('Handel', DOMAIN.handel),
  // Hospitality; tourism is a domain of its own, but the sector's qualifications are horeca.
  horeca: nearest('Horeca en toerisme', DOMAIN.horeca),
  sport: exactly('Sport en bewegen', DOMAIN.veiligheidSport, RICHTING.sportBewegen),
  // Onderwijsassistent and pedagogisch medewerker kinderopvang belong to Zorg en welzijn.
  onderwijs: nearest('Onderwijs en kinderopvang', DOMAIN.zorg),
  veiligheid: exactly('Veiligheid', DOMAIN.veiligheidSport, RICHTING.publiekeVeiligheid),
  media: exactly('Media en creatieve industrie', DOMAIN.media),
};

/** The OBK path of a sector's discipline; [] for a sector the mapping does not name. */
export function obkDisciplinePath(sector: string): ObkConcept[] {
  return Object.hasOwn(OBK_DISCIPLINES, sector) ? OBK_DISCIPLINES[sector].obk : [];
}

/** Whether some of the sectors has a discipline in OBK: what Edurep's discipline needs. */
export function hasObkDiscipline(sectors: readonly string[]): boolean {
  return sectors.some((sector) => obkDisciplinePath(sector).length > 0);
}
