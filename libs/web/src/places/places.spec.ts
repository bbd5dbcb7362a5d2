import { PLACES, placeKey, placeNamed, placeOfPostcode } from './places';

describe('the bundled place list', () => {
  it('knows at least 100 places, each once, each with a key of its own', () => {
    expect(PLACES.length).toBeGreaterThanOrEqual(100);
    expect(new Set(PLACES.map((place) => place.key)).size).toBe(PLACES.length);
    expect(new Set(PLACES.map((place) => placeKey(place.name))).size).toBe(PLACES.length);
  });

  it('has every place inside the Netherlands, to 2 decimals', () => {
    for (const place of PLACES) {
      expect({ place: place.name, lat: place.lat >= 50.75 && place.lat <= 53.56 }).toEqual({
        place: place.name,
        lat: true,
      });
      expect({ place: place.name, lng: place.lng >= 3.35 && place.lng <= 7.23 }).toEqual({
        place: place.name,
        lng: true,
      });
      expect(Math.round(place.lat * 100) / 100).toBe(place.lat);
      expect(Math.round(place.lng * 100) / 100).toBe(place.lng);
    }
  });

  it('knows every municipality of Noord-Holland and Flevoland', () => {
    const municipalities = [
      ...['Aalsmeer', 'Alkmaar', 'Amstelveen', 'Amsterdam', 'Bergen', 'Beverwijk', 'Blaricum'],
      ...['Bloemendaal', 'Castricum', 'Diemen', 'Dijk en Waard', 'Drechterland', 'Edam-Volendam'],
      ...['Enkhuizen', 'Gooise Meren', 'Haarlem', 'Haarlemmermeer', 'Heemskerk', 'Heemstede'],
      ...['Heiloo', 'Den Helder', 'Hilversum', 'Hollands Kroon', 'Hoorn', 'Huizen', 'Koggenland'],
      ...['Landsmeer', 'Laren', 'Medemblik', 'Oostzaan', 'Opmeer', 'Ouder-Amstel', 'Purmerend'],
      ...['Schagen', 'Stede Broec', 'Texel', 'Uitgeest', 'Uithoorn', 'Velsen', 'Waterland'],
      ...['Wijdemeren', 'Wormerland', 'Zaanstad', 'Zandvoort'],
      ...['Almere', 'Dronten', 'Lelystad', 'Noordoostpolder', 'Urk', 'Zeewolde'],
    ];
    expect(municipalities).toHaveLength(50);
    expect(municipalities.filter((name) => placeNamed(name)?.name !== name)).toEqual([]);
  });

  it('matches names however they are written', () => {
    expect(placeNamed('  den-HELDER ')?.name).toBe('Den Helder');
    expect(placeNamed('Helder')?.name).toBe('Den Helder');
    expect(placeNamed("'s-Hertogenbosch")?.name).toBe("'s-Hertogenbosch");
    expect(placeNamed('s Hertogenbosch')?.name).toBe("'s-Hertogenbosch");
    expect(placeNamed('Den Bosch')?.name).toBe("'s-Hertogenbosch");
    expect(placeNamed("'s-Gravenhage")?.name).toBe('Den Haag');
    expect(placeNamed('Bergen (NH)')?.name).toBe('Bergen');
    expect(placeNamed('1011 AB Amsterdam')?.name).toBe('Amsterdam');
    expect(placeNamed('Amsterdam 1011AB')?.name).toBe('Amsterdam');
    expect(placeNamed('ÍJmuiden')?.name).toBe('IJmuiden');
    expect(placeNamed('Atlantis')).toBeUndefined();
    expect(placeNamed('')).toBeUndefined();
    expect(placeNamed("'s-")).toBeUndefined();
  });

  it('finds a postcode in one area only', () => {
    const areas = PLACES.flatMap((place) =>
      place.postcodes.map(([from, to]) => ({ name: place.name, from, to })),
    );
    for (const a of areas)
      for (const b of areas)
        if (a !== b)
          expect({ a, b, overlap: a.from <= b.to && b.from <= a.to }).toMatchObject({
            overlap: false,
          });
    expect(placeOfPostcode('1941AA')?.name).toBe('Beverwijk');
    expect(placeOfPostcode('9999 ZZ')).toBeUndefined();
  });
});
