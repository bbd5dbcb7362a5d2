import {
  DocumentRow,
  SearchDocument,
  documentsJson,
  moduleElectiveCodes,
  qualificationCrebos,
  toSearchDocument,
} from './search-document';

const row = (overrides: Partial<DocumentRow> = {}): DocumentRow => ({
  id: '5b1f0d3e-8d1c-4c3a-9a43-3f2f0f6e0a11',
  kind: 'module',
  version: 2,
  published_at: new Date('2026-10-01T08:00:00Z'),
  reuse_count: 3,
  pps_id: '0c3c4f8a-1111-4e0e-8f7a-2b9a7d4c5e61',
  pps_name: 'Techniek Flevoland',
  provinces: ['flevoland'],
  pps_configurations: ['hybride-leeromgeving'],
  pps_building_blocks: ['praktijkleren'],
  lead_id: '7d2e9c10-2222-4a6b-9c3d-4e5f6a7b8c91',
  lead_name: 'MBO College Lelystad',
  title: 'Veilig werken met cobots',
  summary: 'Risicoanalyse van een cobot-werkplek, met "aanhalingstekens" en een é.',
  description: 'Studenten beoordelen wachtwoordbeheer en veiligheidsrisico’s.',
  keywords: ['cobot', 'veiligheid'],
  language: 'nl',
  sectors: ['techniek'],
  levels: ['4'],
  themes: ['automatisering'],
  challenges: [],
  license: 'CC-BY-4.0',
  crebo_codes: ['25336'],
  elective_codes: [],
  module_type: 'e-learning',
  study_load_hours: '12.50',
  price_cents: 19500,
  audiences: ['student'],
  learning_mode: 'blended',
  delivery_modes: ['online'],
  certification: 'none',
  building_blocks: ['praktijkleren', 'digitale-leeromgeving'],
  configurations: [],
  details: {
    learningOutcomes: [{ text: 'Voert een risicoanalyse uit' }],
    locations: [{ name: 'Lelystad', lat: 52.52, lng: 5.47 }],
  },
  ...overrides,
});

describe('search documents as JSON', () => {
  it('sends exactly what JSON.stringify would, written once when the document was built', () => {
    const documents = [row(), row({ id: 'a6c1', details: {}, description: null })].map((item) =>
      toSearchDocument(item),
    );
    expect(documentsJson(documents)).toBe(JSON.stringify(documents));
    expect(JSON.parse(documentsJson(documents))[0]).toMatchObject({
      _geo: { lat: 52.52, lng: 5.47 },
      contentHash: documents[0].contentHash,
    });
    expect(documents[1]).not.toHaveProperty('_geo');
    expect(documentsJson([])).toBe('[]');
  });

  it('cannot go stale: a built document is frozen, and a changed copy is written anew', () => {
    const document = toSearchDocument(row());
    expect(Object.isFrozen(document)).toBe(true);
    expect(() => ((document as { title: string }).title = 'Anders')).toThrow(TypeError);
    const copy: SearchDocument = { ...document, title: 'Anders' };
    expect(documentsJson([copy])).toBe(JSON.stringify([copy]));
  });

  it('hashes every field, so any stale field shows in the drift check', () => {
    const base = toSearchDocument(row()).contentHash;
    expect(toSearchDocument(row()).contentHash).toBe(base);
    expect(toSearchDocument(row({ reuse_count: 4 })).contentHash).not.toBe(base);
    expect(toSearchDocument(row({ provinces: ['noord-holland'] })).contentHash).not.toBe(base);
  });
});

describe('the qualifications a block serves directly (the "kwalificatie" facet)', () => {
  const structure = new Map([
    ['K0771', ['25831', '25832']],
    ['K0730', ['25831']],
  ]);

  it('gives a curriculum the crebos it names, a dossier crebo as named', () => {
    expect(
      qualificationCrebos(
        { kind: 'curriculum', crebo_codes: ['25831', '23153'], elective_codes: ['K0771'] },
        structure,
      ),
    ).toEqual(['23153', '25831']);
  });

  it('gives a module the crebos its keuzedeel combines with, not the ones it names itself', () => {
    expect(
      qualificationCrebos(
        { kind: 'module', crebo_codes: ['99999'], elective_codes: ['K0771', 'K0730'] },
        structure,
      ),
    ).toEqual(['25831', '25832']);
    // A keuzedeel the structure does not know serves nothing yet.
    expect(
      qualificationCrebos(
        { kind: 'module', crebo_codes: [], elective_codes: ['K9999'] },
        structure,
      ),
    ).toEqual([]);
  });

  it('gives other kinds none, and asks only for the keuzedelen of modules', () => {
    expect(
      qualificationCrebos(
        { kind: 'practice', crebo_codes: ['25831'], elective_codes: ['K0771'] },
        structure,
      ),
    ).toEqual([]);
    expect(
      moduleElectiveCodes([
        row({ kind: 'module', elective_codes: ['K0771'] }),
        row({ kind: 'module', elective_codes: ['K0771', 'K0730'] }),
        row({ kind: 'curriculum', elective_codes: ['K0001'] }),
      ]),
    ).toEqual(['K0771', 'K0730']);
  });

  it('puts them in the document and its hash: a changed structure makes the document stale', () => {
    const module = row({ kind: 'module', elective_codes: ['K0771'] });
    const before = toSearchDocument(module, new Map([['K0771', ['25831']]]));
    const after = toSearchDocument(module, new Map([['K0771', ['25831', '25832']]]));
    expect(before.qualificationCrebos).toEqual(['25831']);
    expect(after.qualificationCrebos).toEqual(['25831', '25832']);
    expect(after.contentHash).not.toBe(before.contentHash);
  });
});
