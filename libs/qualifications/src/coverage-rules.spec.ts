import type { ElectiveCoverage, QualificationCoverage } from './coverage.repository';
import {
  electiveServedElsewhere,
  hasMaterial,
  isElectiveGap,
  isGap,
  servedElsewhere,
} from './coverage-rules';

const qualification = (extra: Partial<QualificationCoverage>): QualificationCoverage => ({
  crebo: '25831',
  title: 'Eerste monteur',
  level: 3,
  dossierCrebo: '23153',
  dossierTitle: 'Elektrotechniek',
  curricula: 0,
  modules: 0,
  electives: 0,
  electivesWithModule: 0,
  current: true,
  ...extra,
});
const elective = (extra: Partial<ElectiveCoverage>): ElectiveCoverage => ({
  code: 'K0771',
  title: 'Warmtepompen',
  studyLoadSbu: 240,
  certificate: false,
  modules: 0,
  current: true,
  ...extra,
});

describe('coverage rules', () => {
  it('calls a current qualification without curriculum or module a gap, a closed one not', () => {
    expect(isGap(qualification({}))).toBe(true);
    expect(isGap(qualification({ modules: 1 }))).toBe(false);
    expect(isGap(qualification({ current: false }))).toBe(false);
    expect(hasMaterial(qualification({ curricula: 1 }))).toBe(true);
  });

  it('says a province gap is served elsewhere only when some other PPS has material', () => {
    expect(servedElsewhere(qualification({ national: { curricula: 0, modules: 2 } }))).toBe(true);
    expect(servedElsewhere(qualification({ national: { curricula: 0, modules: 0 } }))).toBe(false);
    expect(servedElsewhere(qualification({}))).toBe(false);
    expect(
      servedElsewhere(qualification({ modules: 1, national: { curricula: 1, modules: 1 } })),
    ).toBe(false);
  });

  it('treats keuzedelen the same way', () => {
    expect(isElectiveGap(elective({}))).toBe(true);
    expect(isElectiveGap(elective({ current: false }))).toBe(false);
    expect(electiveServedElsewhere(elective({ nationalModules: 1 }))).toBe(true);
    expect(electiveServedElsewhere(elective({ modules: 1, nationalModules: 1 }))).toBe(false);
  });
});
