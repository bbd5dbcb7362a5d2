import { ValidateBy, type ValidationArguments } from 'class-validator';

/**
 * Where a point in the Netherlands can lie: the European part, islands included (Cadzand to
 * Bad Nieuweschans, Vaals to Rottumeroog), with a little room. The Caribbean parts are outside
 * what Bouwsteen covers (the PPS of Noord-Holland and Flevoland and their partners) and have a
 * country code of their own (BQ, AW, CW, SX), so they are not in it.
 */
export const NETHERLANDS = { south: 50.7, north: 53.6, west: 3.3, east: 7.3 } as const;

function inside(lat: number, lng: number): boolean {
  return (
    lat >= NETHERLANDS.south &&
    lat <= NETHERLANDS.north &&
    lng >= NETHERLANDS.west &&
    lng <= NETHERLANDS.east
  );
}

/**
 * What is wrong with a point said to lie in the Netherlands: the two numbers swapped (`4.9,
 * 52.3` is a place in the Netherlands read the other way round), the latitude or the longitude
 * outside the country, or both. Nothing for a point inside, or one that is not two numbers.
 */
export function coordinateFault(
  lat: unknown,
  lng: unknown,
): 'swapped' | 'lat' | 'lng' | 'both' | undefined {
  if (typeof lat !== 'number' || typeof lng !== 'number') return undefined;
  if (!Number.isFinite(lat) || !Number.isFinite(lng) || inside(lat, lng)) return undefined;
  if (inside(lng, lat)) return 'swapped';
  const latOut = lat < NETHERLANDS.south || lat > NETHERLANDS.north;
  const lngOut = lng < NETHERLANDS.west || lng > NETHERLANDS.east;
  return latOut && lngOut ? 'both' : latOut ? 'lat' : 'lng';
}

/** A location is checked against the Netherlands when no other country is given for it. */
function inNetherlands(location: Record<string, unknown>): boolean {
  const address = location.address as Record<string, unknown> | undefined;
  const country = typeof address?.country === 'string' ? address.country.toUpperCase() : 'NL';
  return country === 'NL';
}

function faultOf(args: ValidationArguments): ReturnType<typeof coordinateFault> {
  const location = args.object as Record<string, unknown>;
  return inNetherlands(location) ? coordinateFault(location.lat, location.lng) : undefined;
}

/** On a latitude: the pair of a location in the Netherlands is not the wrong way round. */
export function NotSwapped(): PropertyDecorator {
  return ValidateBy({
    name: 'latLngSwapped',
    validator: {
      validate: (_value, args) => faultOf(args!) !== 'swapped',
      defaultMessage: () =>
        'latitude and longitude seem swapped: the point lies in the Netherlands the other way round',
    },
  });
}

/** On a latitude or longitude: it lies in the Netherlands, for a location there. */
export function InNetherlands(part: 'lat' | 'lng'): PropertyDecorator {
  return ValidateBy({
    name: 'inNetherlands',
    validator: {
      validate: (_value, args) => {
        const fault = faultOf(args!);
        return !(fault === part || fault === 'both');
      },
      defaultMessage: () =>
        `lies outside the Netherlands (latitude ${NETHERLANDS.south}–${NETHERLANDS.north}, longitude ${NETHERLANDS.west}–${NETHERLANDS.east}); give the address's country for a place abroad`,
    },
  });
}
