import type { ElectiveCoverage, QualificationCoverage } from '@bouwsteen/qualifications';
import {
  electiveHasModule,
  electiveServedElsewhere,
  hasMaterial,
  isElectiveGap,
  isGap,
  servedElsewhere,
} from '@bouwsteen/qualifications/pure';
import type { CoverageReportDto } from './dto/report.dto';

/** Qualifications a keuzedeel row names; the count says how many there are in all. */
const QUALIFICATIONS_NAMED = 3;

/** Said wherever the report shows the bundled illustration (the qualification pages say the same). */
export const ILLUSTRATIVE_NOTE =
  'Voorbeeldgegevens, niet de officiële kwalificatiestructuur van SBB';

export interface CoverageFacts {
  scope: { id: string; name: string };
  qualifications: QualificationCoverage[];
  electives: ElectiveCoverage[];
  /** Per keuzedeel code, the crebos it combines with (by crebo). */
  crebosOfElectives: ReadonlyMap<string, readonly string[]>;
  /** The structure is the bundled reference set, not SBB's. */
  illustrative: boolean;
}

/**
 * The province's "dekking" by the rules of coverage-rules.ts: the headline counts current
 * qualifications and keuzedelen only (an ended intake or an expired keuzedeel is nobody's gap),
 * and splits the gaps into those served by a PPS elsewhere (reuse before funding) and those
 * nobody serves (what is left to fund). Each row carries the flags, so the page and the CSV
 * read them instead of applying the rules again.
 */
export function coverageReport(facts: CoverageFacts): CoverageReportDto {
  const qualifications = facts.qualifications.map((row) => ({
    crebo: row.crebo,
    title: row.title,
    level: row.level,
    dossierTitle: row.dossierTitle,
    current: row.current,
    curricula: row.curricula,
    modules: row.modules,
    national: {
      curricula: row.national?.curricula ?? row.curricula,
      modules: row.national?.modules ?? row.modules,
    },
    gap: isGap(row),
    servedElsewhere: servedElsewhere(row),
  }));
  const electives = facts.electives.map((row) => {
    const crebos = facts.crebosOfElectives.get(row.code) ?? [];
    return {
      code: row.code,
      title: row.title,
      studyLoadSbu: row.studyLoadSbu,
      current: row.current,
      modules: row.modules,
      nationalModules: row.nationalModules ?? row.modules,
      gap: isElectiveGap(row),
      servedElsewhere: electiveServedElsewhere(row),
      qualificationCount: crebos.length,
      qualifications: crebos.slice(0, QUALIFICATIONS_NAMED),
    };
  });
  const currentQualifications = facts.qualifications.filter((row) => row.current);
  const currentElectives = facts.electives.filter((row) => row.current);
  const elsewhere = qualifications.filter((row) => row.servedElsewhere).length;
  const electivesElsewhere = electives.filter((row) => row.servedElsewhere).length;
  return {
    scope: facts.scope,
    illustrative: facts.illustrative,
    qualifications: {
      total: currentQualifications.length,
      withMaterial: currentQualifications.filter(hasMaterial).length,
      servedElsewhere: elsewhere,
      nowhere: qualifications.filter((row) => row.gap).length - elsewhere,
      expired: facts.qualifications.length - currentQualifications.length,
      items: qualifications,
    },
    electives: {
      total: currentElectives.length,
      withModule: currentElectives.filter(electiveHasModule).length,
      servedElsewhere: electivesElsewhere,
      nowhere: electives.filter((row) => row.gap).length - electivesElsewhere,
      expired: facts.electives.length - currentElectives.length,
      items: electives,
    },
  };
}
