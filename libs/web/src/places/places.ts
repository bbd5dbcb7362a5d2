/**
 * Dutch places the site knows by name and postcode area, with their centre (to 2 decimals, about
 * a kilometre): the map's "search around" and the infrastructure form's place picker read this
 * one list. A fixed list instead of a geocoder: no address leaves the site. It holds every
 * municipality (gemeente) of Noord-Holland and Flevoland, where the PPS of the analysis are,
 * their larger towns, and the larger towns of the rest of the country. Postcode areas (inclusive
 * ranges of a postcode's first four digits) are given only where they are known for certain; a
 * place without one is still found by its name.
 */
export interface Place {
  key: string;
  name: string;
  lat: number;
  lng: number;
  /** Inclusive ranges of four-digit postcodes. */
  postcodes: [number, number][];
  /** Other names the place goes by ("Den Bosch"), matched as its name is. */
  aliases: string[];
}

type Row = [
  name: string,
  lat: number,
  lng: number,
  postcodes?: [number, number][],
  aliases?: string[],
];

/** Noord-Holland: its 44 municipalities, then towns people name instead of their municipality. */
const NOORD_HOLLAND: Row[] = [
  ['Aalsmeer', 52.26, 4.76],
  ['Alkmaar', 52.63, 4.75, [[1811, 1826]]],
  ['Amstelveen', 52.31, 4.87, [[1181, 1189]]],
  ['Amsterdam', 52.37, 4.9, [[1011, 1109]]],
  ['Bergen', 52.67, 4.7, [], ['Bergen NH', 'Bergen (NH)']],
  ['Beverwijk', 52.49, 4.66, [[1941, 1948]]],
  ['Blaricum', 52.27, 5.24],
  ['Bloemendaal', 52.4, 4.63],
  ['Castricum', 52.55, 4.67],
  ['Diemen', 52.34, 4.96],
  ['Dijk en Waard', 52.67, 4.83],
  ['Drechterland', 52.7, 5.18, [], ['Hoogkarspel']],
  ['Edam-Volendam', 52.5, 5.05, [], ['Edam']],
  ['Enkhuizen', 52.7, 5.29, [[1601, 1602]]],
  ['Gooise Meren', 52.29, 5.16],
  ['Haarlem', 52.39, 4.64, [[2011, 2037]]],
  ['Haarlemmermeer', 52.3, 4.69],
  ['Heemskerk', 52.51, 4.67],
  ['Heemstede', 52.36, 4.62],
  ['Heiloo', 52.6, 4.7],
  ['Den Helder', 52.96, 4.76, [[1781, 1789]]],
  ['Hilversum', 52.23, 5.17, [[1211, 1223]]],
  ['Hollands Kroon', 52.86, 4.86, [], ['Anna Paulowna']],
  ['Hoorn', 52.64, 5.06, [[1621, 1628]]],
  ['Huizen', 52.3, 5.24],
  ['Koggenland', 52.62, 4.96, [], ['Avenhorn', 'De Goorn']],
  ['Landsmeer', 52.43, 4.92],
  ['Laren', 52.26, 5.23, [], ['Laren NH', 'Laren (NH)']],
  ['Medemblik', 52.77, 5.11],
  ['Oostzaan', 52.44, 4.88],
  ['Opmeer', 52.71, 4.94],
  ['Ouder-Amstel', 52.3, 4.91, [], ['Ouderkerk aan de Amstel']],
  ['Purmerend', 52.5, 4.95, [[1441, 1448]]],
  ['Schagen', 52.79, 4.8, [[1741, 1742]]],
  ['Stede Broec', 52.7, 5.24, [], ['Bovenkarspel']],
  ['Texel', 53.05, 4.8, [], ['Den Burg']],
  ['Uitgeest', 52.53, 4.71],
  ['Uithoorn', 52.24, 4.83],
  ['Velsen', 52.46, 4.63],
  ['Waterland', 52.46, 5.04, [], ['Monnickendam']],
  ['Wijdemeren', 52.2, 5.07, [], ['Loosdrecht']],
  ['Wormerland', 52.5, 4.81, [], ['Wormer']],
  ['Zaanstad', 52.46, 4.8],
  ['Zandvoort', 52.37, 4.53],
  ['Badhoevedorp', 52.34, 4.78],
  ['Bussum', 52.27, 5.16],
  ['Heerhugowaard', 52.67, 4.83, [[1701, 1706]]],
  ['Hoofddorp', 52.3, 4.69, [[2131, 2136]]],
  ['IJmuiden', 52.46, 4.61],
  ['Krommenie', 52.5, 4.76],
  ['Naarden', 52.3, 5.16],
  ['Nieuw-Vennep', 52.26, 4.63],
  ['Volendam', 52.5, 5.07],
  ['Weesp', 52.31, 5.04],
  ['Wormerveer', 52.49, 4.79],
  ['Zaandam', 52.44, 4.83, [[1501, 1509]]],
];

/** Flevoland: its 6 municipalities, and Emmeloord, the town of the Noordoostpolder. */
const FLEVOLAND: Row[] = [
  ['Almere', 52.35, 5.26, [[1311, 1363]]],
  ['Dronten', 52.53, 5.72, [[8251, 8253]]],
  ['Lelystad', 52.52, 5.47, [[8211, 8245]]],
  ['Noordoostpolder', 52.71, 5.75],
  ['Urk', 52.66, 5.6, [[8321, 8322]]],
  ['Zeewolde', 52.33, 5.54, [[3891, 3899]]],
  ['Emmeloord', 52.71, 5.75, [[8301, 8305]]],
];

/** The larger towns of the other provinces. */
const ELSEWHERE: Row[] = [
  ['Alphen aan den Rijn', 52.13, 4.66],
  ['Almelo', 52.36, 6.66],
  ['Amersfoort', 52.16, 5.39],
  ['Apeldoorn', 52.21, 5.97],
  ['Arnhem', 51.98, 5.91],
  ['Assen', 52.99, 6.56],
  ['Barneveld', 52.14, 5.58],
  ['Bergen op Zoom', 51.5, 4.29],
  ['Breda', 51.59, 4.78],
  ['Capelle aan den IJssel', 51.93, 4.58],
  ['Culemborg', 51.96, 5.23],
  ['Delft', 52.01, 4.36],
  ['Deventer', 52.26, 6.16],
  ['Doetinchem', 51.97, 6.29],
  ['Dordrecht', 51.81, 4.67],
  ['Drachten', 53.11, 6.1],
  ['Ede', 52.04, 5.66],
  ['Eindhoven', 51.44, 5.48],
  ['Emmen', 52.78, 6.9],
  ['Enschede', 52.22, 6.89],
  ['Goes', 51.5, 3.89],
  ['Gorinchem', 51.83, 4.97],
  ['Gouda', 52.01, 4.71],
  ['Groningen', 53.22, 6.57],
  ['Den Haag', 52.08, 4.3, [], ["'s-Gravenhage"]],
  ['Hardenberg', 52.58, 6.62],
  ['Harderwijk', 52.34, 5.62],
  ['Heerenveen', 52.96, 5.92],
  ['Heerlen', 50.89, 5.98],
  ['Helmond', 51.48, 5.66],
  ['Hengelo', 52.27, 6.79],
  ["'s-Hertogenbosch", 51.69, 5.3, [], ['Den Bosch']],
  ['Hoogeveen', 52.72, 6.48],
  ['Houten', 52.03, 5.17],
  ['Kampen', 52.56, 5.91],
  ['Katwijk', 52.2, 4.41],
  ['Leeuwarden', 53.2, 5.8],
  ['Leiden', 52.16, 4.49],
  ['Leidschendam', 52.08, 4.39],
  ['Maastricht', 50.85, 5.69],
  ['Meppel', 52.7, 6.19],
  ['Middelburg', 51.5, 3.61],
  ['Naaldwijk', 51.99, 4.21],
  ['Nieuwegein', 52.03, 5.08],
  ['Nijmegen', 51.84, 5.86],
  ['Oss', 51.77, 5.52],
  ['Papendrecht', 51.83, 4.69],
  ['Ridderkerk', 51.87, 4.6],
  ['Rijswijk', 52.04, 4.32],
  ['Roermond', 51.19, 5.99],
  ['Roosendaal', 51.53, 4.46],
  ['Rotterdam', 51.92, 4.48],
  ['Schiedam', 51.92, 4.4],
  ['Sittard', 51.0, 5.87, [], ['Sittard-Geleen']],
  ['Sneek', 53.03, 5.66],
  ['Spijkenisse', 51.85, 4.33],
  ['Terneuzen', 51.34, 3.83],
  ['Tiel', 51.89, 5.43],
  ['Tilburg', 51.56, 5.09],
  ['Utrecht', 52.09, 5.12],
  ['Veenendaal', 52.03, 5.56],
  ['Venlo', 51.37, 6.17],
  ['Vlaardingen', 51.91, 4.34],
  ['Vlissingen', 51.44, 3.57],
  ['Waalwijk', 51.68, 5.07],
  ['Wageningen', 51.97, 5.67],
  ['Weert', 51.25, 5.71],
  ['Woerden', 52.09, 4.88],
  ['Zeist', 52.09, 5.23],
  ['Zoetermeer', 52.06, 4.49],
  ['Zwolle', 52.52, 6.09],
];

/** "Den Helder", "den helder", "DEN-HELDER" and "Bergen (NH)" alike: letters and digits only. */
function folded(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * A name as it is matched: folded, without a leading "'s-" or "Den" (people write
 * "Hertogenbosch", "s Hertogenbosch" and "Helder" too), and without a postcode typed with it
 * ("1941 AA Beverwijk").
 */
export function placeKey(text: string): string {
  return folded(text)
    .replace(/\b\d{4} ?[a-z]{2}\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(s|den) (?=\S)/, '');
}

function keyOf(name: string): string {
  return folded(name).replace(/ /g, '-');
}

/** Every place, by name (Dutch order): the map's choice lists them so. */
export const PLACES: Place[] = [...NOORD_HOLLAND, ...FLEVOLAND, ...ELSEWHERE]
  .map(([name, lat, lng, postcodes = [], aliases = []]) => ({
    key: keyOf(name),
    name,
    lat,
    lng,
    postcodes,
    aliases,
  }))
  .sort((a, b) => placeKey(a.name).localeCompare(placeKey(b.name), 'nl'));

const BY_KEY = new Map<string, Place>();
for (const place of PLACES)
  for (const name of [place.name, ...place.aliases])
    if (!BY_KEY.has(placeKey(name))) BY_KEY.set(placeKey(name), place);

/** The place a postcode ("1941 AA", "1941AA", "1941") lies in, if the list has its area. */
export function placeOfPostcode(postcode: string): Place | undefined {
  const digits = /^\s*(\d{4})\s*([a-z]{2})?\s*$/i.exec(postcode)?.[1];
  if (!digits) return undefined;
  const number = Number(digits);
  return PLACES.find((place) =>
    place.postcodes.some(([from, to]) => number >= from && number <= to),
  );
}

/**
 * The place of that name (or another name it goes by), however it was capitalised, accented or
 * hyphenated, with or without "'s-"/"Den", and with a postcode in the same field or not.
 */
export function placeNamed(name: string): Place | undefined {
  const wanted = placeKey(name);
  return wanted ? BY_KEY.get(wanted) : undefined;
}

/** A postcode typed in the town's field ("1941 AA Beverwijk"), to place it by when needed. */
export function postcodeIn(text: string): string | undefined {
  return /\b(\d{4}) ?([a-z]{2})\b/i.exec(text)?.[1];
}
