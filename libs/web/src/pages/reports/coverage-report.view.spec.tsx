import { parse } from 'node-html-parser';
import type {
  CoverageReportDto,
  CoveredElectiveDto,
  CoveredQualificationDto,
} from '@bouwsteen/reports';
import { CoverageSection } from './coverage-report.view';

const qualification = (
  crebo: string,
  row: Partial<CoveredQualificationDto> = {},
): CoveredQualificationDto => ({
  crebo,
  title: `Kwalificatie ${crebo}`,
  level: 3,
  dossierTitle: 'Dossier',
  current: true,
  curricula: 0,
  modules: 0,
  national: { curricula: 0, modules: 0 },
  gap: true,
  servedElsewhere: false,
  ...row,
});

const elective = (code: string, row: Partial<CoveredElectiveDto> = {}): CoveredElectiveDto => ({
  code,
  title: `Keuzedeel ${code}`,
  studyLoadSbu: 240,
  current: true,
  modules: 0,
  nationalModules: 0,
  gap: true,
  servedElsewhere: false,
  qualificationCount: 0,
  qualifications: [],
  ...row,
});

function render(coverage: Partial<CoverageReportDto> = {}) {
  const report: CoverageReportDto = {
    scope: { id: 'flevoland', name: 'Flevoland' },
    illustrative: false,
    qualifications: {
      total: 3,
      withMaterial: 1,
      servedElsewhere: 1,
      nowhere: 1,
      expired: 1,
      items: [
        qualification('25001', {
          curricula: 1,
          national: { curricula: 1, modules: 0 },
          gap: false,
        }),
        qualification('25002', { national: { curricula: 1, modules: 2 }, servedElsewhere: true }),
        qualification('25003'),
        qualification('25004', { current: false, gap: false }),
      ],
    },
    electives: {
      total: 17,
      withModule: 1,
      servedElsewhere: 1,
      nowhere: 15,
      expired: 0,
      items: [
        elective('K0001', { modules: 1, nationalModules: 1, gap: false }),
        elective('K0002', {
          nationalModules: 2,
          servedElsewhere: true,
          qualificationCount: 4,
          qualifications: ['25001', '25002'],
        }),
        ...Array.from({ length: 15 }, (_, n) => elective(`K${String(100 + n).padStart(4, '0')}`)),
      ],
    },
    ...coverage,
  };
  return parse(CoverageSection({ coverage: report }) as string);
}

const text = (node: { text: string }) => node.text.replace(/\s+/g, ' ').trim();

describe('CoverageSection', () => {
  it('agrees the verb with the number: "1 van 17 keuzedelen heeft", "2 van 3 … hebben"', () => {
    const root = render();
    expect(text(root)).toContain(
      '1 van 3 kwalificaties heeft een curriculum of module van een PPS in Flevoland; 1 van 17 keuzedelen heeft een module.',
    );
    const more = render({ qualifications: baseCounts(2, 3) });
    expect(text(more)).toContain('2 van 3 kwalificaties hebben een curriculum');
  });

  it('lists the gaps served elsewhere first, each linking to its page, then those served nowhere', () => {
    const root = render();
    const summaries = root.querySelectorAll('summary').map(text);
    expect(summaries.slice(0, 4)).toEqual([
      'Elders wel materiaal (1)',
      'Nergens materiaal (1)',
      'Elders wel materiaal (1)',
      'Nergens materiaal (15)',
    ]);
    const [qualElsewhere, qualNowhere, electElsewhere] = root.querySelectorAll('details');
    const elsewhere = qualElsewhere.querySelector('a')!;
    expect(elsewhere.getAttribute('href')).toBe('/kwalificaties/25002');
    expect(text(qualElsewhere)).toContain('elders: 1 curriculum en 2 modules');
    expect(qualNowhere.querySelector('a')!.getAttribute('href')).toBe('/kwalificaties/25003');
    // Expired: in no list of gaps, and said not to count.
    expect(root.querySelector('a[href="/kwalificaties/25004"]')).toBeNull();
    expect(text(root)).toContain(
      'Niet meegeteld, want niet meer te volgen: 1 kwalificatie zonder instroom.',
    );
    expect(electElsewhere.querySelector('a')!.getAttribute('href')).toBe(
      '/kwalificaties/keuzedelen/K0002',
    );
    expect(text(electElsewhere)).toContain(
      'elders: 2 modules · bij Kwalificatie 25001 (niveau 3), Kwalificatie 25002 (niveau 3) en 2 andere kwalificaties',
    );
  });

  it('shows at most 100 names per list and sends the reader to the download for the rest', () => {
    const many = Array.from({ length: 130 }, (_, n) => qualification(String(26000 + n)));
    const root = render({ qualifications: { ...baseCounts(0, 130), items: many } });
    const nowhere = root.querySelectorAll('details')[1];
    expect(nowhere.querySelectorAll('li')).toHaveLength(100);
    expect(text(nowhere)).toContain('En nog 30: de download van de dekking heeft ze allemaal.');
  });

  it('says so when the data is the illustrative reference set, and only then', () => {
    expect(text(render({ illustrative: true }))).toContain('Voorbeeldgegevens');
    expect(text(render())).not.toContain('Voorbeeldgegevens');
  });
});

function baseCounts(withMaterial: number, total: number) {
  return {
    total,
    withMaterial,
    servedElsewhere: 0,
    nowhere: total - withMaterial,
    expired: 0,
    items: [qualification('25001', { curricula: 1, gap: false })],
  };
}
