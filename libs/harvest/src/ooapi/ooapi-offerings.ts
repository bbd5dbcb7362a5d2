import { OfferingQuery } from './ooapi-parameters';

/** An offering as OOAPI shows it (toOffering): the fields its filters and sorts read. */
export interface ShownOffering {
  offeringId: string;
  name: { value: string }[];
  description: { value: string }[];
  teachingLanguage: string;
  modeOfDelivery?: string[];
  resultExpected: boolean;
  startDate: string;
  endDate: string;
  [field: string]: unknown;
}

const SORT_VALUES: Record<OfferingQuery['sort'][number]['field'], (o: ShownOffering) => string> = {
  offeringId: (offering) => offering.offeringId,
  name: (offering) => offering.name[0]?.value ?? '',
  startDate: (offering) => offering.startDate,
  endDate: (offering) => offering.endDate,
};

/**
 * A course's offerings as the spec's parameters select them: starting on or after `since`
 * (today unless asked, so future ones by default), ending on or before `until`, and the
 * shared filters; in the order asked, the id last.
 */
export function selectOfferings<T extends ShownOffering>(
  offerings: T[],
  query: OfferingQuery,
): T[] {
  const q = query.q?.toLowerCase();
  const kept = offerings.filter(
    (offering) =>
      offering.startDate >= query.since &&
      (query.until === undefined || offering.endDate <= query.until) &&
      (query.resultExpected === undefined || offering.resultExpected === query.resultExpected) &&
      (query.teachingLanguage === undefined ||
        offering.teachingLanguage === query.teachingLanguage) &&
      (query.modesOfDelivery === undefined ||
        (offering.modeOfDelivery ?? []).some((mode) => query.modesOfDelivery!.includes(mode))) &&
      (q === undefined ||
        [...offering.name, ...offering.description].some((text) =>
          text.value.toLowerCase().includes(q),
        )),
  );
  const keys = [...query.sort, { field: 'offeringId' as const, descending: false }];
  return kept.sort((a, b) => {
    for (const key of keys) {
      const order = SORT_VALUES[key.field](a).localeCompare(SORT_VALUES[key.field](b));
      if (order !== 0) return key.descending ? -order : order;
    }
    return 0;
  });
}
