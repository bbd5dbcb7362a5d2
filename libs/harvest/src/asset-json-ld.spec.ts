import type { AssetDto } from '@bouwsteen/assets';
import { LabelBook } from '@bouwsteen/taxonomy/pure';
import { assetJsonLd, courseModes, isoHours, jsonLdTypes, pruneEmpty } from './asset-json-ld';
import { isFeedPath } from './feed-cors';
import { toCourse } from './ooapi/ooapi-mapping';
import type { CourseRow } from './ooapi/ooapi-records.repository';

describe('schema.org values', () => {
  it('writes hours as ISO 8601 durations', () => {
    expect(isoHours(8)).toBe('PT8H');
    expect(isoHours(1.5)).toBe('PT1H30M');
    expect(isoHours(0.25)).toBe('PT15M');
    expect(isoHours(0)).toBe('PT0H');
  });

  it('maps delivery modes to course modes once each', () => {
    expect(courseModes(['on-site', 'workplace', 'online', 'hybrid'])).toEqual([
      'onsite',
      'online',
      'blended',
    ]);
  });

  it('gives every kind a type of its own beside LearningResource', () => {
    expect(jsonLdTypes('module')).toEqual(['LearningResource', 'Course']);
    expect(jsonLdTypes('curriculum')).toEqual([
      'LearningResource',
      'EducationalOccupationalProgram',
    ]);
    expect(jsonLdTypes('infrastructure')).toEqual(['LearningResource', 'Place']);
    expect(jsonLdTypes('practice')).toEqual(['LearningResource', 'CreativeWork']);
  });

  it('drops empty strings, nulls, empty lists and nodes with nothing but a type', () => {
    expect(
      pruneEmpty({
        a: '',
        b: null,
        c: [],
        d: { '@type': 'Place', name: '' },
        e: ['', 'x', null],
        f: 0,
        g: false,
        h: { '@type': 'Place', name: 'Hal' },
      }),
    ).toEqual({ e: ['x'], f: 0, g: false, h: { '@type': 'Place', name: 'Hal' } });
  });

  it('describes a block with an empty description by its summary, and says nothing empty', () => {
    const asset = {
      id: '6f1d2c3e-0a4b-4c5d-8e9f-0123456789ab',
      kind: 'practice',
      status: 'published',
      title: 'Samen met bedrijven roosteren',
      summary: 'Hoe een PPS de stages met de partners plant.',
      description: '',
      keywords: [],
      license: 'all-rights-reserved',
      pps: { id: 'p', name: 'PPS', leadInstitution: { id: 'o', name: 'ROC' } },
      version: { number: 1, publishedAt: null },
      updatedAt: '2026-01-01T00:00:00.000Z',
    } as unknown as AssetDto;
    const node = assetJsonLd(asset, new LabelBook(new Map()), (path) => `https://x.nl${path}`);
    expect(node).toMatchObject({
      description: 'Hoe een PPS de stages met de partners plant.',
      copyrightNotice: '© PPS. Alle rechten voorbehouden.',
    });
    expect(node).not.toHaveProperty('license');
    expect(JSON.stringify(node)).not.toMatch(/:(""|null|\[\]|\{\})/);
  });
});

describe('OOAPI values', () => {
  it('describes a course with an empty description by its summary', () => {
    const row = {
      id: '6f1d2c3e-0a4b-4c5d-8e9f-0123456789ab',
      title: 'Module',
      summary: 'Wat de module is.',
      description: '',
      language: 'nl',
      levels: ['mbo-3'],
      license: 'CC-BY-4.0',
      pps_id: 'p',
      pps_name: 'PPS',
      module_type: null,
      study_load_hours: null,
      delivery_modes: [],
      price_cents: null,
      elective_codes: [],
      details: {},
    } as CourseRow;
    const course = toCourse(row, { page: (id) => `https://x.nl/${id}`, rootId: 'r' });
    expect(course.description).toEqual([{ language: 'nl-NL', value: 'Wat de module is.' }]);
    expect(course).not.toHaveProperty('otherCodes');
  });
});

describe('feed CORS', () => {
  it('covers OAI-PMH and OOAPI only', () => {
    for (const path of ['/oai', '/oai/', '/ooapi', '/ooapi/v5', '/ooapi/v5/courses'])
      expect([path, isFeedPath(path)]).toEqual([path, true]);
    for (const path of ['/oaix', '/ooapix', '/api/v1/assets', '/bouwstenen/x', '/'])
      expect([path, isFeedPath(path)]).toEqual([path, false]);
  });
});
