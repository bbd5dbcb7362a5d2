import { isOpenLicense, licenseUrl, nlLomLicense } from '@bouwsteen/assets';
import { OaiRecordRow } from './oai-records.repository';

/** What both metadata formats say about a record, decided once. */
export interface RecordFacts {
  row: OaiRecordRow;
  /** The public building-block page: the object's identifier and location. */
  pageUrl: string;
  oaiIdentifier: string;
  licenseUrl?: string;
  nlLomLicense: string;
  openAccess: boolean;
  paid: boolean;
}

export function recordFacts(
  row: OaiRecordRow,
  pageUrl: string,
  oaiIdentifier: string,
): RecordFacts {
  return {
    row,
    pageUrl,
    oaiIdentifier,
    licenseUrl: licenseUrl(row.license),
    nlLomLicense: nlLomLicense(row.license),
    openAccess: isOpenLicense(row.license),
    paid: (row.price_cents ?? 0) > 0,
  };
}
