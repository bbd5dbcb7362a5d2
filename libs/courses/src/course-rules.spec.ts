import { ItemFacts, errors, itemState, totals, warnings } from './course-rules';

const item = (overrides: Partial<ItemFacts>): ItemFacts => ({
  position: 1,
  assetId: 'a',
  kind: 'module',
  title: 'A',
  status: 'published',
  version: 1,
  latestVersion: 1,
  studyLoadHours: 10,
  priceCents: 1000,
  certification: 'none',
  stackable: null,
  deliveryModes: ['online'],
  levels: ['mbo-3'],
  nonCommercial: false,
  prerequisiteIds: [],
  ...overrides,
});

describe('course rules', () => {
  it('adds study load (already in hours) and prices plus extras; infrastructure adds neither', () => {
    const result = totals(
      [
        item({ studyLoadHours: 28 }),
        item({ assetId: 'b', studyLoadHours: 12, priceCents: null }),
        item({ assetId: 'c', kind: 'infrastructure', studyLoadHours: 99, priceCents: 99 }),
      ],
      500,
    );
    expect(result.studyLoadHours).toBe(40);
    expect(result.priceCents).toBe(1500);
  });

  it('stacks certificates only when there are two or more and all are stackable', () => {
    const one = totals([item({ certification: 'micro-credential', stackable: true })], 0);
    expect(one.certificatesStack).toBe(false);
    const two = totals(
      [
        item({ certification: 'micro-credential', stackable: true }),
        item({ assetId: 'b', certification: 'mbo-certificaat', stackable: false }),
      ],
      0,
    );
    expect(two.certificatesStack).toBe(false);
  });

  it('knows when a pinned version is behind or withdrawn', () => {
    expect(itemState({ status: 'published', version: 1, latestVersion: 2 })).toBe(
      'update-available',
    );
    expect(itemState({ status: 'archived', version: 2, latestVersion: 2 })).toBe('withdrawn');
    expect(itemState({ status: 'published', version: 2, latestVersion: 2 })).toBe('current');
  });

  it('does not warn about a one-step level rise or a prerequisite that comes first', () => {
    expect(
      warnings([
        item({ levels: ['mbo-2'] }),
        item({ assetId: 'b', levels: ['mbo-3'], prerequisiteIds: ['a'] }),
      ]),
    ).toEqual([]);
  });

  it('refuses an NC module only when the course costs money', () => {
    expect(errors([item({ nonCommercial: true, priceCents: 0 })], 0)).toEqual([]);
    expect(errors([item({ nonCommercial: true, priceCents: 0 })], 100)[0]).toMatchObject({
      code: 'nonCommercialInPaidCourse',
      message: expect.stringContaining('non-commercial'),
    });
  });

  it('spans the level range over every level of every module, not each one’s highest', () => {
    expect(totals([item({ levels: ['mbo-2', 'mbo-3', 'mbo-4'] })], 0).levelRange).toEqual({
      lowest: 'mbo-2',
      highest: 'mbo-4',
    });
    expect(
      totals(
        [
          item({ levels: ['mbo-3', 'mbo-4'] }),
          item({ assetId: 'b', levels: ['entree', 'mbo-2'] }),
          item({ assetId: 'c', kind: 'infrastructure', levels: ['hbo'] }),
        ],
        0,
      ).levelRange,
    ).toEqual({ lowest: 'entree', highest: 'mbo-4' });
    expect(totals([item({ levels: [] })], 0).levelRange).toBeNull();
  });

  it('names the NC module’s own price when that price is what makes the course paid', () => {
    const [own] = errors(
      [item({ nonCommercial: true, priceCents: 25000 }), item({ assetId: 'b', priceCents: 0 })],
      0,
    );
    expect(own).toMatchObject({
      field: 'items.0.assetId',
      code: 'nonCommercialInPaidCourse',
      values: { modulePriceCents: 25000 },
    });
    const [course] = errors(
      [item({ nonCommercial: true, priceCents: null }), item({ assetId: 'b', priceCents: 1000 })],
      500,
    );
    expect(course).toMatchObject({
      field: 'items.0.assetId',
      code: 'nonCommercialInPaidCourse',
      values: { coursePriceCents: 1500 },
    });
  });

  it('names each warning by its code, with what the Dutch sentence needs', () => {
    const found = warnings([
      item({ levels: ['mbo-2'], prerequisiteIds: ['z'] }),
      item({ assetId: 'b', levels: ['mbo-4'], latestVersion: 3 }),
      item({ assetId: 'c', kind: 'infrastructure', status: 'archived' }),
    ]);
    expect(found.map(({ field, code, values }) => ({ field, code, values }))).toEqual([
      { field: 'items.0.assetId', code: 'prerequisiteNotEarlier', values: { title: 'z' } },
      { field: 'items.1.assetId', code: 'levelJump', values: { from: 'mbo-2', to: 'mbo-4' } },
      { field: 'items.1.version', code: 'updateAvailable', values: { version: 3 } },
      { field: 'items.2.assetId', code: 'withdrawn', values: undefined },
    ]);
  });
});
