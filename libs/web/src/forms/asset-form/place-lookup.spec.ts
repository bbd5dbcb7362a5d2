import { FieldCode } from '@bouwsteen/common/pure';
import { coveredByPlace, placeProblems, withPlaces } from './place-lookup';

const form = (...locations: Record<string, unknown>[]) => ({
  title: 'Werkplaats',
  infrastructure: { model: 'central', locations },
});

describe('the place picker of the infrastructure form', () => {
  it('places a location by its town, however it is written', () => {
    const value = withPlaces(form({ name: 'Hal', address: { city: 'den  helder' } }));
    expect(value.infrastructure).toMatchObject({
      model: 'central',
      locations: [{ name: 'Hal', address: { city: 'den  helder' }, lat: 52.956, lng: 4.76 }],
    });
    expect(placeProblems(value)).toEqual([]);
  });

  it('places a postcode by its area, and fills in the town it lies in', () => {
    const value = withPlaces(form({ name: 'Campus', address: { postalCode: '1941 AA' } }));
    expect(value.infrastructure).toMatchObject({
      locations: [{ address: { postalCode: '1941 AA', city: 'Beverwijk' }, lat: 52.486 }],
    });
  });

  it('keeps coordinates typed by hand, whatever the town says', () => {
    const typed = { name: 'Hal', address: { city: 'Haarlem' }, lat: 52.1, lng: 4.2 };
    expect(withPlaces(form(typed)).infrastructure).toMatchObject({ locations: [typed] });
  });

  it('names a place it does not know at the field typed, keeping what was typed', () => {
    const value = withPlaces(
      form(
        { name: 'A', address: { city: 'Atlantis' } },
        { name: 'B', address: { postalCode: '9999 ZZ' } },
        { name: 'C' },
      ),
    );
    expect((value.infrastructure as { locations: unknown[] }).locations[0]).toEqual({
      name: 'A',
      address: { city: 'Atlantis' },
    });
    expect(placeProblems(value).map((p) => [p.field, p.code])).toEqual([
      ['infrastructure.locations.0.address.city', FieldCode.UnknownPlace],
      ['infrastructure.locations.1.address.postalCode', FieldCode.UnknownPlace],
      ['infrastructure.locations.2.address.city', FieldCode.PlaceNeeded],
    ]);
  });

  it("stands in for validation's missing coordinates of the same location only", () => {
    const covered = coveredByPlace(placeProblems(form({ name: 'A', address: { city: 'X' } })));
    expect(
      covered({ field: 'infrastructure.locations.0.lat', message: '', code: 'isDefined' }),
    ).toBe(true);
    expect(
      covered({ field: 'infrastructure.locations.0.lng', message: '', code: 'isDefined' }),
    ).toBe(true);
    expect(
      covered({ field: 'infrastructure.locations.1.lat', message: '', code: 'isDefined' }),
    ).toBe(false);
    expect(
      covered({ field: 'infrastructure.locations.0.name', message: '', code: 'isDefined' }),
    ).toBe(false);
  });

  it('leaves other kinds alone', () => {
    const module = { title: 'Les', module: { moduleType: 'lesmodule' } };
    expect(withPlaces(module)).toBe(module);
    expect(placeProblems(module)).toEqual([]);
  });
});
