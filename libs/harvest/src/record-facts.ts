import {
  PublicRelations,
  canonicalLicenseUrl,
  isOpenLicense,
  nlLomLicense,
  noRelations,
} from '@bouwsteen/assets';
import { obkDisciplinePath } from '@bouwsteen/taxonomy/pure';
import { OaiRecordRow } from './oai-records.repository';
import {
  NO_QUALIFICATION_NAMES,
  NamedCode,
  QualificationNames,
  namedCodes,
} from './qualification-names';

/** What both metadata formats say about a record, decided once. */
export interface RecordFacts {
  row: OaiRecordRow;
  /** The public building-block page: the object's identifier and location. */
  pageUrl: string;
  oaiIdentifier: string;
  /** The licence's canonical URI (all rights reserved: none). */
  licenseUrl?: string;
  nlLomLicense: string;
  openAccess: boolean;
  paid: boolean;
  /** Its listed relations (assets' read surface), each related block named by its page. */
  relations: PublicRelations;
  pageOf: (id: string) => string;
  /** Its sectors that have an OBK discipline (all, by the mapping's review), with their labels. */
  disciplines: { code: string; label: string }[];
  /** Its crebo and keuzedeel codes, each with its name when the qualification structure has it. */
  qualifications: { crebos: NamedCode[]; electives: NamedCode[] };
}

export function recordFacts(
  row: OaiRecordRow,
  pageOf: (id: string) => string,
  oaiIdentifier: string,
  relations: PublicRelations = noRelations(),
  sectorLabel: (code: string) => string = (code) => code,
  names: QualificationNames = NO_QUALIFICATION_NAMES,
): RecordFacts {
  return {
    row,
    pageUrl: pageOf(row.id),
    oaiIdentifier,
    licenseUrl: canonicalLicenseUrl(row.license),
    nlLomLicense: nlLomLicense(row.license),
    openAccess: isOpenLicense(row.license),
    paid: (row.price_cents ?? 0) > 0,
    relations,
    pageOf,
    disciplines: row.sectors
      .filter((code) => obkDisciplinePath(code).length > 0)
      .map((code) => ({ code, label: sectorLabel(code) })),
    qualifications: {
      crebos: namedCodes(row.crebo_codes, names.crebos),
      electives: namedCodes(row.elective_codes, names.electives),
    },
  };
}
