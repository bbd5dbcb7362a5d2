import type { ElectiveCoverage, QualificationCoverage } from '@bouwsteen/qualifications';
import { ILLUSTRATIVE_NOTE, coverageReport } from './coverage-report';
import { asCsvRows } from './report-rows';

const qualification = (
  crebo: string,
  counts: Partial<QualificationCoverage> = {},
): QualificationCoverage => ({
  crebo,
  title: `Kwalificatie ${crebo}`,
  level: 3,
  dossierCrebo: '23000',
  dossierTitle: 'Dossier',
  curricula: 0,
  modules: 0,
  electives: 0,
  electivesWithModule: 0,
  current: true,
  national: { curricula: 0, modules: 0 },
  ...counts,
});

const elective = (code: string, counts: Partial<ElectiveCoverage> = {}): ElectiveCoverage => ({
  code,
  title: `Keuzedeel ${code}`,
  studyLoadSbu: 240,
  certificate: false,
  modules: 0,
  current: true,
  nationalModules: 0,
  ...counts,
});

describe('coverageReport', () => {
  const report = coverageReport({
    scope: { id: 'flevoland', name: 'Flevoland' },
    qualifications: [
      qualification('25001', { curricula: 1, national: { curricula: 2, modules: 0 } }),
      // A gap here that a PPS in another province serves: to reuse, not to fund.
      qualification('25002', { national: { curricula: 1, modules: 3 } }),
      qualification('25003'),
      // Intake ended: no gap, and not counted, though nobody serves it.
      qualification('25004', { current: false }),
    ],
    electives: [
      elective('K0001', { modules: 1, nationalModules: 1 }),
      elective('K0002', { nationalModules: 2 }),
      elective('K0003'),
      elective('K0004', { current: false, nationalModules: 1 }),
    ],
    crebosOfElectives: new Map([['K0002', ['25001', '25002', '25003', '25004', '25005']]]),
    illustrative: true,
  });

  it('counts current qualifications only and splits the gaps into elsewhere and nowhere', () => {
    const { items, ...headline } = report.qualifications;
    expect(headline).toEqual({
      total: 3,
      withMaterial: 1,
      servedElsewhere: 1,
      nowhere: 1,
      expired: 1,
    });
    expect(
      items.map((row) => [row.crebo, row.current, row.gap, row.servedElsewhere, row.national]),
    ).toEqual([
      ['25001', true, false, false, { curricula: 2, modules: 0 }],
      ['25002', true, true, true, { curricula: 1, modules: 3 }],
      ['25003', true, true, false, { curricula: 0, modules: 0 }],
      ['25004', false, false, false, { curricula: 0, modules: 0 }],
    ]);
  });

  it('does the same for keuzedelen, naming the first three qualifications with the count', () => {
    const { items, ...headline } = report.electives;
    expect(headline).toEqual({
      total: 3,
      withModule: 1,
      servedElsewhere: 1,
      nowhere: 1,
      expired: 1,
    });
    expect(items.map((row) => [row.code, row.gap, row.servedElsewhere])).toEqual([
      ['K0001', false, false],
      ['K0002', true, true],
      ['K0003', true, false],
      ['K0004', false, false],
    ]);
    expect(items[1]).toMatchObject({
      nationalModules: 2,
      qualificationCount: 5,
      qualifications: ['25001', '25002', '25003'],
    });
    expect(items[0]).toMatchObject({ qualificationCount: 0, qualifications: [] });
  });

  it('says when the structure is the illustration, in JSON and on every CSV row', () => {
    expect(report.illustrative).toBe(true);
    const rows = asCsvRows(report);
    expect(rows).toHaveLength(8);
    for (const row of rows) expect(row.note).toBe(ILLUSTRATIVE_NOTE);
    expect(rows[1]).toMatchObject({
      type: 'kwalificatie',
      code: '25002',
      current: true,
      covered: false,
      gap: true,
      nationalCurricula: 1,
      nationalModules: 3,
      servedElsewhere: true,
    });
    expect(rows[5]).toMatchObject({ type: 'keuzedeel', code: 'K0002', qualifications: 5 });
    const real = asCsvRows({ ...report, illustrative: false });
    expect(real.every((row) => !('note' in row))).toBe(true);
  });

  it('without a province (national rows absent) nothing is served elsewhere', () => {
    const national = coverageReport({
      scope: { id: 'x', name: 'X' },
      qualifications: [qualification('25003', { national: undefined })],
      electives: [elective('K0003', { nationalModules: undefined })],
      crebosOfElectives: new Map(),
      illustrative: false,
    });
    expect(national.qualifications).toMatchObject({ servedElsewhere: 0, nowhere: 1 });
    expect(national.electives.items[0]).toMatchObject({ nationalModules: 0, gap: true });
  });
});
