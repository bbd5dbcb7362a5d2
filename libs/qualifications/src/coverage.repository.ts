import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/**
 * Coverage: which listed published blocks serve which qualification and keuzedeel. Read from
 * the assets' and organisations' read surfaces (asset_published, pps_public) joined with this
 * library's tables. The rule, in one place:
 * - a **curriculum serves a qualification** when it names the qualification's crebo or its
 *   dossier's crebo;
 * - a **module serves a qualification** when it carries a keuzedeel that combines with the
 *   qualification, or is part of a curriculum that serves it;
 * - a **keuzedeel has reusable material** when a listed published module carries its code
 *   (a curriculum that names it offers it, but is no module someone else can take).
 */

export interface ServingBlock {
  id: string;
  title: string;
  kind: string;
  ppsId: string;
  ppsName: string;
  creboCodes: string[];
  electiveCodes: string[];
  componentIds: string[];
  /** Core task codes (B1-K1 …) a curriculum says it covers. */
  coreTaskCodes: string[];
}

export interface QualificationCoverage {
  crebo: string;
  title: string;
  level: number | null;
  dossierCrebo: string;
  dossierTitle: string;
  curricula: number;
  modules: number;
  /** Keuzedelen combining with it, and how many of those have at least one module. */
  electives: number;
  electivesWithModule: number;
}

export interface ElectiveCoverage {
  code: string;
  title: string;
  studyLoadSbu: number | null;
  certificate: boolean;
  modules: number;
}

/** Which PPS count: every one, or those working in a province. */
export type CoverageScope = { province?: string };

const BLOCKS = `
  SELECT a.id, a.kind, a.crebo_codes, a.elective_codes, a.component_ids
    FROM asset_published a JOIN pps_public p ON p.id = a.pps_id
   WHERE a.listed AND ($1::text IS NULL OR $1 = ANY (p.provinces))`;

@Injectable()
export class CoverageRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Per qualification: curricula and modules serving it, keuzedelen with and without a module. */
  async qualifications(scope: CoverageScope, limit: number): Promise<QualificationCoverage[]> {
    return (await this.dataSource.query(
      `WITH blocks AS (${BLOCKS}),
       curricula AS (
         SELECT q.crebo, b.id, b.component_ids
           FROM qualification q
           JOIN blocks b ON b.kind = 'curriculum' AND b.crebo_codes && ARRAY[q.crebo, q.dossier_crebo]),
       modules AS (
         SELECT eq.crebo, b.id
           FROM elective_qualification eq
           JOIN blocks b ON b.kind = 'module' AND eq.elective_code = ANY (b.elective_codes)
         UNION
         SELECT c.crebo, b.id
           FROM curricula c CROSS JOIN LATERAL unnest(c.component_ids) AS part(id)
           JOIN blocks b ON b.id = part.id AND b.kind = 'module'),
       elective_modules AS (
         SELECT e.code, count(b.id)::int AS modules
           FROM elective e LEFT JOIN blocks b ON b.kind = 'module' AND e.code = ANY (b.elective_codes)
          GROUP BY e.code)
       SELECT q.crebo, q.title, q.level, q.dossier_crebo AS "dossierCrebo", d.title AS "dossierTitle",
              (SELECT count(DISTINCT c.id)::int FROM curricula c WHERE c.crebo = q.crebo) AS curricula,
              (SELECT count(DISTINCT m.id)::int FROM modules m WHERE m.crebo = q.crebo) AS modules,
              (SELECT count(*)::int FROM elective_qualification eq WHERE eq.crebo = q.crebo) AS electives,
              (SELECT count(*)::int FROM elective_qualification eq
                 JOIN elective_modules em ON em.code = eq.elective_code AND em.modules > 0
                WHERE eq.crebo = q.crebo) AS "electivesWithModule"
         FROM qualification q JOIN qualification_dossier d ON d.crebo = q.dossier_crebo
        ORDER BY d.title, q.level NULLS LAST, q.title, q.crebo
        LIMIT $2`,
      [scope.province ?? null, limit],
    )) as QualificationCoverage[];
  }

  /** Per keuzedeel (all, or those of one qualification): how many modules carry it. */
  async electives(
    scope: CoverageScope & { crebo?: string },
    limit: number,
  ): Promise<ElectiveCoverage[]> {
    return (await this.dataSource.query(
      `WITH blocks AS (${BLOCKS})
       SELECT e.code, e.title, e.study_load_sbu AS "studyLoadSbu", e.certificate,
              count(b.id)::int AS modules
         FROM elective e
         LEFT JOIN blocks b ON b.kind = 'module' AND e.code = ANY (b.elective_codes)
        WHERE $2::text IS NULL
           OR EXISTS (SELECT 1 FROM elective_qualification eq WHERE eq.elective_code = e.code AND eq.crebo = $2)
        GROUP BY e.code
        ORDER BY e.code
        LIMIT $3`,
      [scope.province ?? null, scope.crebo ?? null, limit],
    )) as ElectiveCoverage[];
  }

  /**
   * The listed published blocks that serve a qualification (by the rule above), with their
   * PPS, curricula first, then by title. Bounded by `limit`.
   */
  async servingBlocks(crebo: string, limit: number): Promise<ServingBlock[]> {
    return (await this.dataSource.query(
      `WITH target AS (SELECT crebo, dossier_crebo FROM qualification WHERE crebo = $1),
       curricula AS (
         SELECT a.id, a.component_ids FROM asset_published a, target t
          WHERE a.listed AND a.kind = 'curriculum' AND a.crebo_codes && ARRAY[t.crebo, t.dossier_crebo]),
       chosen AS (
         SELECT id FROM curricula
         UNION
         SELECT a.id FROM asset_published a
          WHERE a.listed AND a.kind = 'module' AND a.elective_codes && ARRAY(
                SELECT elective_code FROM elective_qualification WHERE crebo = $1)
         UNION
         SELECT part.id FROM curricula c CROSS JOIN LATERAL unnest(c.component_ids) AS part(id))
       SELECT a.id, a.title, a.kind, a.pps_id AS "ppsId", p.name AS "ppsName",
              a.crebo_codes AS "creboCodes", a.elective_codes AS "electiveCodes",
              a.component_ids AS "componentIds",
              coalesce(ARRAY(SELECT task->>'code' FROM jsonb_array_elements(
                CASE WHEN jsonb_typeof(a.details->'coreTasks') = 'array' THEN a.details->'coreTasks' ELSE '[]' END) AS task
                WHERE task->>'code' IS NOT NULL), '{}') AS "coreTaskCodes"
         FROM chosen JOIN asset_published a ON a.id = chosen.id AND a.listed
         JOIN pps_public p ON p.id = a.pps_id
        ORDER BY a.kind = 'curriculum' DESC, a.title, a.id
        LIMIT $2`,
      [crebo, limit],
    )) as ServingBlock[];
  }

  /** The listed published modules carrying a keuzedeel, by title (bounded). */
  async modulesOfElective(code: string, limit: number): Promise<ServingBlock[]> {
    return (await this.dataSource.query(
      `SELECT a.id, a.title, a.kind, a.pps_id AS "ppsId", p.name AS "ppsName",
              a.crebo_codes AS "creboCodes", a.elective_codes AS "electiveCodes",
              a.component_ids AS "componentIds", '{}'::text[] AS "coreTaskCodes"
         FROM asset_published a JOIN pps_public p ON p.id = a.pps_id
        WHERE a.listed AND a.elective_codes && ARRAY[$1]::text[]
        ORDER BY a.kind = 'module' DESC, a.title, a.id
        LIMIT $2`,
      [code, limit],
    )) as ServingBlock[];
  }
}
