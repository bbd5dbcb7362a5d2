/**
 * Dutch places the site knows by name and postcode area, with their centre (rounded): the map's
 * "search around" and the infrastructure form's place picker read this one list. A short fixed
 * list instead of a geocoder: no address leaves the site. Postcode areas are the four-digit
 * ranges of each town (a postcode's first four digits); Noord-Holland and Flevoland first, as
 * the PPS of the analysis are there.
 */
export interface Place {
  key: string;
  name: string;
  lat: number;
  lng: number;
  /** Inclusive ranges of four-digit postcodes. */
  postcodes: [number, number][];
}

export const PLACES: Place[] = [
  { key: 'alkmaar', name: 'Alkmaar', lat: 52.632, lng: 4.753, postcodes: [[1811, 1826]] },
  { key: 'almere', name: 'Almere', lat: 52.351, lng: 5.265, postcodes: [[1311, 1363]] },
  { key: 'amstelveen', name: 'Amstelveen', lat: 52.311, lng: 4.87, postcodes: [[1181, 1189]] },
  { key: 'amsterdam', name: 'Amsterdam', lat: 52.368, lng: 4.904, postcodes: [[1011, 1109]] },
  { key: 'beverwijk', name: 'Beverwijk', lat: 52.486, lng: 4.657, postcodes: [[1941, 1948]] },
  { key: 'den-helder', name: 'Den Helder', lat: 52.956, lng: 4.76, postcodes: [[1781, 1789]] },
  { key: 'dronten', name: 'Dronten', lat: 52.525, lng: 5.718, postcodes: [[8251, 8253]] },
  { key: 'emmeloord', name: 'Emmeloord', lat: 52.711, lng: 5.748, postcodes: [[8301, 8305]] },
  { key: 'enkhuizen', name: 'Enkhuizen', lat: 52.703, lng: 5.292, postcodes: [[1601, 1602]] },
  { key: 'haarlem', name: 'Haarlem', lat: 52.387, lng: 4.646, postcodes: [[2011, 2037]] },
  {
    key: 'heerhugowaard',
    name: 'Heerhugowaard',
    lat: 52.668,
    lng: 4.83,
    postcodes: [[1701, 1706]],
  },
  { key: 'hilversum', name: 'Hilversum', lat: 52.229, lng: 5.167, postcodes: [[1211, 1223]] },
  { key: 'hoofddorp', name: 'Hoofddorp', lat: 52.303, lng: 4.689, postcodes: [[2131, 2136]] },
  { key: 'hoorn', name: 'Hoorn', lat: 52.643, lng: 5.06, postcodes: [[1621, 1628]] },
  { key: 'lelystad', name: 'Lelystad', lat: 52.519, lng: 5.471, postcodes: [[8211, 8245]] },
  { key: 'purmerend', name: 'Purmerend', lat: 52.505, lng: 4.96, postcodes: [[1441, 1448]] },
  { key: 'schagen', name: 'Schagen', lat: 52.787, lng: 4.799, postcodes: [[1741, 1742]] },
  { key: 'urk', name: 'Urk', lat: 52.662, lng: 5.601, postcodes: [[8321, 8322]] },
  { key: 'zaandam', name: 'Zaandam', lat: 52.439, lng: 4.827, postcodes: [[1501, 1509]] },
  { key: 'zeewolde', name: 'Zeewolde', lat: 52.33, lng: 5.542, postcodes: [[3891, 3899]] },
];

/** "Den Helder", "den helder", "DEN-HELDER" and "'s-Hertogenbosch"-like spellings alike. */
function folded(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The place a postcode ("1941 AA", "1941AA", "1941") lies in, if the list has its area. */
export function placeOfPostcode(postcode: string): Place | undefined {
  const digits = /^\s*(\d{4})\s*([a-z]{2})?\s*$/i.exec(postcode)?.[1];
  if (!digits) return undefined;
  const number = Number(digits);
  return PLACES.find((place) =>
    place.postcodes.some(([from, to]) => number >= from && number <= to),
  );
}

/** The place of that name, however it was capitalised or hyphenated. */
export function placeNamed(name: string): Place | undefined {
  const wanted = folded(name);
  return wanted ? PLACES.find((place) => folded(place.name) === wanted) : undefined;
}
