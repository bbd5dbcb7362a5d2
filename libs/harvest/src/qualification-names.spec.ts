import type { AssetDto } from '@bouwsteen/assets';
import { LabelBook } from '@bouwsteen/taxonomy/pure';
import { assetJsonLd } from './asset-json-ld';
import { toCourse, toProgram } from './ooapi/ooapi-mapping';
import type { CourseRow, ProgramRow } from './ooapi/ooapi-records.repository';
import { QualificationNames, codesOf, namedCodes } from './qualification-names';

/** What the qualification structure holds in these examples: 25831 and K0771, not 99999. */
const names: QualificationNames = {
  crebos: new Map([['25831', { title: 'Eerste monteur elektrotechnische installaties' }]]),
  electives: new Map([['K0771', { title: 'Installeren en onderhouden van warmtepompen' }]]),
};
const context = { page: (id: string) => `https://x.nl/${id}`, rootId: 'r', names };

describe('qualification and keuzedeel names in the feeds', () => {
  it('names a code the structure holds and keeps a code it lacks as a code alone', () => {
    expect(namedCodes(['25831', '99999'], names.crebos)).toEqual([
      { code: '25831', name: 'Eerste monteur elektrotechnische installaties' },
      { code: '99999' },
    ]);
    expect(
      codesOf([
        { crebo_codes: ['25831'], elective_codes: ['K0771'] },
        { crebo_codes: ['25831', '99999'] },
      ]),
    ).toEqual({ crebos: ['25831', '99999'], electives: ['K0771'] });
  });

  it('puts the name in JSON-LD targetName, the code in targetCode', () => {
    const asset = {
      id: '6f1d2c3e-0a4b-4c5d-8e9f-0123456789ab',
      kind: 'curriculum',
      status: 'published',
      title: 'Leerroute monteur',
      summary: 'Een curriculum.',
      keywords: [],
      license: 'CC-BY-4.0',
      curriculum: { creboCodes: ['25831', '99999'], electiveCodes: ['K0771'] },
      pps: { id: 'p', name: 'PPS', leadInstitution: { id: 'o', name: 'ROC' } },
      version: { number: 1, publishedAt: null },
      updatedAt: '2026-01-01T00:00:00.000Z',
    } as unknown as AssetDto;
    const node = assetJsonLd(
      asset,
      new LabelBook(new Map()),
      (path) => `https://x.nl${path}`,
      undefined,
      names,
    ) as { educationalAlignment: { targetName: string; targetCode: string }[] };
    expect(
      node.educationalAlignment.map(({ targetName, targetCode }) => [targetCode, targetName]),
    ).toEqual([
      ['25831', 'Eerste monteur elektrotechnische installaties'],
      ['99999', 'Crebo 99999'],
      ['K0771', 'Installeren en onderhouden van warmtepompen'],
    ]);
  });

  it('links a code the structure holds to its public page, not a dossier nor an unknown code', () => {
    const asset = {
      id: '6f1d2c3e-0a4b-4c5d-8e9f-0123456789ab',
      kind: 'curriculum',
      status: 'published',
      title: 'Leerroute monteur',
      summary: 'Een curriculum.',
      keywords: [],
      license: 'CC-BY-4.0',
      curriculum: { creboCodes: ['25831', '23000', '99999'], electiveCodes: ['K0771', 'K9999'] },
      pps: { id: 'p', name: 'PPS', leadInstitution: { id: 'o', name: 'ROC' } },
      version: { number: 1, publishedAt: null },
      updatedAt: '2026-01-01T00:00:00.000Z',
    } as unknown as AssetDto;
    const withDossier: QualificationNames = {
      crebos: new Map([
        ...names.crebos,
        ['23000', { title: 'Elektrotechnische installaties', dossier: true }],
      ]),
      electives: names.electives,
    };
    const node = assetJsonLd(
      asset,
      new LabelBook(new Map()),
      (path) => `https://x.nl${path}`,
      undefined,
      withDossier,
    ) as { educationalAlignment: { targetCode: string; targetUrl?: string }[] };
    expect(
      node.educationalAlignment.map(({ targetCode, targetUrl }) => [targetCode, targetUrl]),
    ).toEqual([
      ['25831', 'https://x.nl/kwalificaties/25831'],
      ['23000', undefined],
      ['99999', undefined],
      ['K0771', 'https://x.nl/kwalificaties/keuzedelen/K0771'],
      ['K9999', undefined],
    ]);
  });

  it("puts the names in OOAPI's x-bouwsteen consumer, codes staying where the spec has them", () => {
    const base = {
      id: '6f1d2c3e-0a4b-4c5d-8e9f-0123456789ab',
      title: 'Blok',
      summary: 'Wat het is.',
      description: null,
      language: 'nl',
      levels: ['mbo-3'],
      license: 'CC-BY-4.0',
      pps_id: 'p',
      pps_name: 'PPS',
    };
    const course = toCourse(
      {
        ...base,
        module_type: null,
        study_load_hours: null,
        delivery_modes: [],
        price_cents: null,
        elective_codes: ['K0771'],
        details: {},
      } as CourseRow,
      context,
    ) as { otherCodes: unknown; consumers: Record<string, unknown>[] };
    expect(course.otherCodes).toEqual([{ codeType: 'x-keuzedeel', code: 'K0771' }]);
    expect(course.consumers[0].electives).toEqual([
      { code: 'K0771', name: 'Installeren en onderhouden van warmtepompen' },
    ]);
    const program = toProgram(
      {
        ...base,
        crebo_codes: ['25831', '99999'],
        elective_codes: ['K0771'],
        learning_paths: [],
        component_ids: [],
        details: {},
      } as ProgramRow,
      context,
    ) as { primaryCode: unknown; otherCodes: unknown; consumers: Record<string, unknown>[] };
    expect(program.primaryCode).toEqual({ codeType: 'crohoCreboCode', code: '25831' });
    // The keuzedelen a curriculum offers, as a course carries its own.
    expect(program.otherCodes).toEqual([
      { codeType: 'crohoCreboCode', code: '99999' },
      { codeType: 'x-keuzedeel', code: 'K0771' },
    ]);
    expect(program.consumers[0].qualifications).toEqual([
      { code: '25831', name: 'Eerste monteur elektrotechnische installaties' },
      { code: '99999' },
    ]);
    expect(program.consumers[0].electives).toEqual([
      { code: 'K0771', name: 'Installeren en onderhouden van warmtepompen' },
    ]);
  });
});
