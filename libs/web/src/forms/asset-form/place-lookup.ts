import { placeNamed, placeOfPostcode, postcodeIn } from '../../places/places';

type Json = Record<string, unknown>;

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
 * precise; then the town, also when a postcode was typed with it). Coordinates typed by hand
 * win. A postcode alone also fills in the town. Returns a copy. A place the list does not know
 * is kept as typed, without coordinates: a draft saves so, and publishing asks for a point on
 * the map (completeness.ts in the assets library).
 */
export function withPlaces(value: Json): Json {
  const locations = locationsOf(value);
  if (!locations) return value;
  const resolved = locations.map((location) => {
    if (hasCoordinates(location)) return location;
    const address = (location.address ?? {}) as Json;
    const town = typed(address.city);
    const place =
      placeOfPostcode(typed(address.postalCode)) ??
      placeNamed(town) ??
      placeOfPostcode(postcodeIn(town) ?? '');
    if (!place) return location;
    const city = town ? address.city : place.name;
    return { ...location, address: { ...address, city }, lat: place.lat, lng: place.lng };
  });
  return {
    ...value,
    infrastructure: { ...(value.infrastructure as Json), locations: resolved },
  };
}
