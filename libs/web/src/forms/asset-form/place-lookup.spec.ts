import { withPlaces } from './place-lookup';

const form = (...locations: Record<string, unknown>[]) => ({
  title: 'Werkplaats',
  infrastructure: { model: 'central', locations },
});

describe('the place picker of the infrastructure form', () => {
  it('places a location by its town, however it is written', () => {
    const value = withPlaces(form({ name: 'Hal', address: { city: 'den  helder' } }));
    expect(value.infrastructure).toMatchObject({
      model: 'central',
      locations: [{ name: 'Hal', address: { city: 'den  helder' }, lat: 52.96, lng: 4.76 }],
    });
  });

  it("places a town written with a postcode, without 's-/Den, or with accents lost", () => {
    const located = (city: string) =>
      (
        withPlaces(form({ name: 'Hal', address: { city } })).infrastructure as never as {
          locations: { lat?: number; lng?: number }[];
        }
      ).locations[0];
    expect(located('1941 AA Beverwijk')).toMatchObject({ lat: 52.49, lng: 4.66 });
    expect(located('Hertogenbosch')).toMatchObject({ lat: 51.69, lng: 5.3 });
    expect(located('DEN BOSCH')).toMatchObject({ lat: 51.69, lng: 5.3 });
    expect(located('s-Gravenhage')).toMatchObject({ lat: 52.08, lng: 4.3 });
    expect(located('Haag')).toMatchObject({ lat: 52.08, lng: 4.3 });
    expect(located('Ijmuiden')).toMatchObject({ lat: 52.46, lng: 4.61 });
    // A town the list lacks, with a postcode whose area it knows: placed by the postcode.
    expect(located('Spaarndam 1034 AB')).toMatchObject({ lat: 52.37, lng: 4.9 });
  });

  it('places a postcode by its area, and fills in the town it lies in', () => {
    const value = withPlaces(form({ name: 'Campus', address: { postalCode: '1941 AA' } }));
    expect(value.infrastructure).toMatchObject({
      locations: [{ address: { postalCode: '1941 AA', city: 'Beverwijk' }, lat: 52.49 }],
    });
  });

  it('keeps coordinates typed by hand, whatever the town says', () => {
    const typed = { name: 'Hal', address: { city: 'Haarlem' }, lat: 52.1, lng: 4.2 };
    expect(withPlaces(form(typed)).infrastructure).toMatchObject({ locations: [typed] });
  });

  it('keeps a place it does not know as typed, without coordinates (a draft saves so)', () => {
    const typed = [
      { name: 'A', address: { city: 'Atlantis' } },
      { name: 'B', address: { postalCode: '9999 ZZ' } },
      { name: 'C' },
    ];
    expect(
      (withPlaces(form(...typed)).infrastructure as { locations: unknown[] }).locations,
    ).toEqual(typed);
  });

  it('leaves other kinds alone', () => {
    const module = { title: 'Les', module: { moduleType: 'lesmodule' } };
    expect(withPlaces(module)).toBe(module);
  });
});
