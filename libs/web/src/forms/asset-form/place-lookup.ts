import { FieldCode, FieldError } from '@bouwsteen/common/pure';
import { placeNamed, placeOfPostcode } from '../../places/places';

type Json = Record<string, unknown>;

const LOCATIONS = 'infrastructure.locations';

function locationsOf(value: Json): Json[] | undefined {
  const section = value.infrastructure as Json | undefined;
  const locations = section?.locations;
  return Array.isArray(locations) ? (locations as Json[]) : undefined;
}

function typed(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

function hasCoordinates(location: Json): boolean {
  return location.lat !== undefined || location.lng !== undefined;
}

/**
 * The infrastructure form asks where a location is by town or postcode; the coordinates the
 * map needs come from the bundled place list (the postcode's area first, it is the more
 * precise). Coordinates typed by hand win. A postcode alone also fills in the town. Returns a
 * copy; a place the list does not know is left for placeProblems to name.
 */
export function withPlaces(value: Json): Json {
  const locations = locationsOf(value);
  if (!locations) return value;
  const resolved = locations.map((location) => {
    if (hasCoordinates(location)) return location;
    const address = (location.address ?? {}) as Json;
    const place = placeOfPostcode(typed(address.postalCode)) ?? placeNamed(typed(address.city));
    if (!place) return location;
    const city = typed(address.city) ? address.city : place.name;
    return { ...location, address: { ...address, city }, lat: place.lat, lng: place.lng };
  });
  return {
    ...value,
    infrastructure: { ...(value.infrastructure as Json), locations: resolved },
  };
}

/**
 * A location withPlaces could not place, at the field to fix: the town (or the postcode, when
 * only that was typed) with what was typed kept, or — nothing typed — the town.
 */
export function placeProblems(value: Json): FieldError[] {
  return (locationsOf(value) ?? []).flatMap((location, index): FieldError[] => {
    if (hasCoordinates(location)) return [];
    const address = (location.address ?? {}) as Json;
    const [city, postcode] = [typed(address.city), typed(address.postalCode)];
    const at = `${LOCATIONS}.${index}.address.${!city && postcode ? 'postalCode' : 'city'}`;
    return city || postcode
      ? [{ field: at, message: 'place not in the bundled list', code: FieldCode.UnknownPlace }]
      : [{ field: at, message: 'town or postcode needed', code: FieldCode.PlaceNeeded }];
  });
}

/**
 * Validation's "lat/lng missing" (and a missing town) of a location placeProblems already
 * named: one message per location, at the field to fix, not three.
 */
export function coveredByPlace(problems: FieldError[]): (error: FieldError) => boolean {
  const entries = new Set(
    problems.map((problem) => /^infrastructure\.locations\.\d+/.exec(problem.field)?.[0]),
  );
  return (error) => {
    const match = /^(infrastructure\.locations\.\d+)\.(lat|lng|address\.city|address)$/.exec(
      error.field,
    );
    return !!match && entries.has(match[1]);
  };
}
