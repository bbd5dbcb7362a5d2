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
  /** Still open for intake (no end of intake, or one today or later); see coverage-rules.ts. */
  current: boolean;
  /** The end of intake (YYYY-MM-DD), when the file gives one. */
  intakeEnds?: string | null;
  /** With a province's scope: the same counts over every PPS (what exists elsewhere). */
  national?: { curricula: number; modules: number };
}

export interface ElectiveCoverage {
  code: string;
  title: string;
  studyLoadSbu: number | null;
  certificate: boolean;
  modules: number;
  /** Still valid (no end date, or one today or later). */
  current: boolean;
  /** With a province's scope: modules carrying it over every PPS. */
  nationalModules?: number;
}

/** Published blocks naming codes the imported structure does not know. */
export interface UnknownCodes {
  blocks: number;
  codes: number;
  /** The first of those codes, by code (crebos and keuzedeel codes together). */
  shown: string[];
}

/** Which PPS count: every one, or those working in a province. */
export type CoverageScope = { province?: string };

/** A page of rows that match words, with what the two tabs (all, gaps only) would count. */
export interface CoveragePage<Row> {
  rows: Row[];
  /** Rows matching the words. */
  matching: number;
  /** Of those, the gaps (isGap / isElectiveGap in coverage-rules.ts). */
  matchingGaps: number;
}

/** How a page of qualifications is narrowed, ordered and cut. */
export interface QualificationQuery {
  /** Lower case without accents (searchable()); every one must occur. */
  words: string[];
  gapsOnly: boolean;
  order: 'dossier' | 'naam' | 'minst-materiaal';
  offset: number;
  limit: number;
}

export interface ElectiveQuery {
  words: string[];
  gapsOnly: boolean;
  offset: number;
  limit: number;
}

/**
 * Lower case without the accents Dutch titles carry, as searchable() does in TypeScript (the
 * database has no unaccent extension; these are the letters SBB's titles use).
 */
const plain = (sql: string) =>
  `translate(lower(${sql}), 'áàâäãåéèêëíìîïóòôöõúùûüýÿçñ', 'aaaaaaeeeeiiiiooooouuuuyycn')`;

/** Every word of `$param` (text[]) occurs in `haystack`. */
const allWords = (haystack: string, param: string) =>
  `NOT EXISTS (SELECT 1 FROM unnest(${param}::text[]) AS w(word) WHERE position(w.word IN ${plain(haystack)}) = 0)`;

const QUALIFICATION_ORDERS: Record<QualificationQuery['order'], string> = {
  dossier: 'r."dossierTitle", r.level NULLS LAST, r.title, r.crebo',
  naam: 'lower(r.title), r.title, r.crebo',
  // The least served first: fewest curricula and modules, then the smallest share of
  // keuzedelen with a module (none counts as 0), then by name.
  'minst-materiaal': `r.curricula + r.modules,
     CASE WHEN r.electives = 0 THEN 0 ELSE r."electivesWithModule"::float / r.electives END,
     lower(r.title), r.crebo`,
};

/**
 * The listed published blocks that name a code, one row per (block, code): equality joins on
 * these scale with the blocks that carry codes, where an array-overlap join would compare every
 * qualification with every block. `$1`: a province, or null for every PPS.
 */
const NAMED = `
  named_crebo AS (
    SELECT a.id, a.component_ids, code
      FROM asset_published a JOIN pps_public p ON p.id = a.pps_id
      CROSS JOIN LATERAL unnest(a.crebo_codes) AS code
     WHERE a.listed AND a.kind = 'curriculum' AND a.crebo_codes <> '{}'
       AND ($1::text IS NULL OR $1 = ANY (p.provinces))),
  named_elective AS (
    SELECT a.id, code
      FROM asset_published a JOIN pps_public p ON p.id = a.pps_id
      CROSS JOIN LATERAL unnest(a.elective_codes) AS code
     WHERE a.listed AND a.kind = 'module' AND a.elective_codes <> '{}'
       AND ($1::text IS NULL OR $1 = ANY (p.provinces)))`;

/**
 * Coverage of the qualifications in `chosen` (crebo, dossier_crebo), by the rule above, as
 * QualificationCoverage rows in `rows`. `$1`: the province, as for NAMED.
 */
const COUNTS = `
  curricula AS (
    SELECT q.crebo, n.id, n.component_ids
      FROM chosen q JOIN named_crebo n ON n.code IN (q.crebo, q.dossier_crebo)),
  modules AS (
    SELECT eq.crebo, n.id
      FROM chosen q JOIN elective_qualification eq ON eq.crebo = q.crebo
      JOIN named_elective n ON n.code = eq.elective_code
    UNION
    SELECT c.crebo, part.id
      FROM curricula c CROSS JOIN LATERAL unnest(c.component_ids) AS part(id)
      JOIN asset_published a ON a.id = part.id AND a.listed AND a.kind = 'module'
      JOIN pps_public p ON p.id = a.pps_id
     WHERE $1::text IS NULL OR $1 = ANY (p.provinces)),
  curricula_count AS (SELECT crebo, count(DISTINCT id)::int AS n FROM curricula GROUP BY crebo),
  modules_count AS (SELECT crebo, count(*)::int AS n FROM modules GROUP BY crebo),
  elective_modules AS (SELECT code, count(DISTINCT id)::int AS n FROM named_elective GROUP BY code),
  electives_count AS (
    SELECT eq.crebo, count(*)::int AS n, count(em.code)::int AS with_module
      FROM chosen q JOIN elective_qualification eq ON eq.crebo = q.crebo
      LEFT JOIN elective_modules em ON em.code = eq.elective_code
     GROUP BY eq.crebo),
  rows AS (
    SELECT q.crebo, q.title, q.level, q.dossier_crebo AS "dossierCrebo", d.title AS "dossierTitle",
           coalesce(cc.n, 0) AS curricula, coalesce(mc.n, 0) AS modules,
           coalesce(ec.n, 0) AS electives, coalesce(ec.with_module, 0) AS "electivesWithModule",
           (q.intake_ends IS NULL OR q.intake_ends >= current_date) AS current,
           to_char(q.intake_ends, 'YYYY-MM-DD') AS "intakeEnds"
      FROM chosen c JOIN qualification q ON q.crebo = c.crebo
      JOIN qualification_dossier d ON d.crebo = q.dossier_crebo
      LEFT JOIN curricula_count cc ON cc.crebo = q.crebo
      LEFT JOIN modules_count mc ON mc.crebo = q.crebo
      LEFT JOIN electives_count ec ON ec.crebo = q.crebo)`;

/** isGap (coverage-rules.ts) in SQL, over a row `r` of COUNTS: open for intake, nothing serves it. */
const GAP = `(r.current AND r.curricula + r.modules = 0)`;
/** isElectiveGap in SQL: still valid, no module carries it. */
const ELECTIVE_GAP = `(r.current AND r.modules = 0)`;

@Injectable()
export class CoverageRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Per qualification: curricula and modules serving it, keuzedelen with and without a module. */
  async qualifications(scope: CoverageScope, limit: number): Promise<QualificationCoverage[]> {
    return (await this.dataSource.query(
      `WITH ${NAMED}, chosen AS (SELECT crebo, dossier_crebo FROM qualification), ${COUNTS}
       SELECT r.* FROM rows r ORDER BY ${QUALIFICATION_ORDERS.dossier} LIMIT $2`,
      [scope.province ?? null, limit],
    )) as QualificationCoverage[];
  }

  /**
   * One page of the qualifications (every PPS) whose name or crebo, or their dossier's, holds
   * every word: narrowed, ordered and cut here, so the page costs the same at any size of the
   * structure; with the counts for both tabs.
   */
  async qualificationPage(query: QualificationQuery): Promise<CoveragePage<QualificationCoverage>> {
    const found = (await this.dataSource.query(
      `WITH ${NAMED},
       chosen AS (
         SELECT q.crebo, q.dossier_crebo
           FROM qualification q JOIN qualification_dossier d ON d.crebo = q.dossier_crebo
          WHERE ${allWords(`q.title || ' ' || q.crebo || ' ' || d.title || ' ' || q.dossier_crebo`, '$2')}),
       ${COUNTS},
       counted AS (
         SELECT count(*)::int AS matching, count(*) FILTER (WHERE ${GAP})::int AS gaps FROM rows r)
       SELECT c.matching, c.gaps, page.*
         FROM counted c LEFT JOIN LATERAL (
           SELECT r.* FROM rows r WHERE NOT $3 OR ${GAP}
            ORDER BY ${QUALIFICATION_ORDERS[query.order]}
            OFFSET $4 LIMIT $5) page ON true`,
      [null, query.words, query.gapsOnly, query.offset, query.limit],
    )) as (QualificationCoverage & { matching: number; gaps: number })[];
    return {
      rows: found
        .filter((row) => row.crebo !== null)
        .map(({ matching: _m, gaps: _g, ...row }) => row),
      matching: found[0]?.matching ?? 0,
      matchingGaps: found[0]?.gaps ?? 0,
    };
  }

  /** Per keuzedeel (all, or those of one qualification): how many modules carry it. */
  async electives(
    scope: CoverageScope & { crebo?: string },
    limit: number,
  ): Promise<ElectiveCoverage[]> {
    return (await this.dataSource.query(
      `WITH ${NAMED},
       elective_modules AS (SELECT code, count(DISTINCT id)::int AS n FROM named_elective GROUP BY code)
       SELECT e.code, e.title, e.study_load_sbu AS "studyLoadSbu", e.certificate,
              coalesce(em.n, 0) AS modules,
              (e.valid_until IS NULL OR e.valid_until >= current_date) AS current
         FROM elective e
         LEFT JOIN elective_modules em ON em.code = e.code
        WHERE $2::text IS NULL
           OR EXISTS (SELECT 1 FROM elective_qualification eq WHERE eq.elective_code = e.code AND eq.crebo = $2)
        ORDER BY e.code
        LIMIT $3`,
      [scope.province ?? null, scope.crebo ?? null, limit],
    )) as ElectiveCoverage[];
  }

  /**
   * One page of the keuzedelen (every PPS) whose code or name holds every word, by code, with
   * the counts for both tabs (all, without a module).
   */
  async electivePage(query: ElectiveQuery): Promise<CoveragePage<ElectiveCoverage>> {
    const found = (await this.dataSource.query(
      `WITH ${NAMED},
       elective_modules AS (SELECT code, count(DISTINCT id)::int AS n FROM named_elective GROUP BY code),
       rows AS (
         SELECT e.code, e.title, e.study_load_sbu AS "studyLoadSbu", e.certificate,
                coalesce(em.n, 0) AS modules,
                (e.valid_until IS NULL OR e.valid_until >= current_date) AS current
           FROM elective e LEFT JOIN elective_modules em ON em.code = e.code
          WHERE ${allWords(`e.code || ' ' || e.title`, '$2')}),
       counted AS (
         SELECT count(*)::int AS matching, count(*) FILTER (WHERE ${ELECTIVE_GAP})::int AS gaps
           FROM rows r)
       SELECT c.matching, c.gaps, page.*
         FROM counted c LEFT JOIN LATERAL (
           SELECT r.* FROM rows r WHERE NOT $3 OR ${ELECTIVE_GAP}
            ORDER BY r.code OFFSET $4 LIMIT $5) page ON true`,
      [null, query.words, query.gapsOnly, query.offset, query.limit],
    )) as (ElectiveCoverage & { matching: number; gaps: number })[];
    return {
      rows: found
        .filter((row) => row.code !== null)
        .map(({ matching: _m, gaps: _g, ...row }) => row),
      matching: found[0]?.matching ?? 0,
      matchingGaps: found[0]?.gaps ?? 0,
    };
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

  /**
   * The published blocks (listed or not) that name a crebo or keuzedeel code the structure
   * does not know: after an import, what an admin should look at. `limit` codes are named.
   */
  async unknownCodes(limit: number): Promise<UnknownCodes> {
    const [row] = (await this.dataSource.query(
      `WITH unknown AS (
         SELECT a.id, code FROM asset_published a CROSS JOIN LATERAL unnest(a.crebo_codes) AS code
          WHERE a.crebo_codes <> '{}'
            AND NOT EXISTS (SELECT 1 FROM qualification q WHERE q.crebo = code)
            AND NOT EXISTS (SELECT 1 FROM qualification_dossier d WHERE d.crebo = code)
         UNION ALL
         SELECT a.id, code FROM asset_published a CROSS JOIN LATERAL unnest(a.elective_codes) AS code
          WHERE a.elective_codes <> '{}'
            AND NOT EXISTS (SELECT 1 FROM elective e WHERE e.code = code))
       SELECT (SELECT count(DISTINCT id)::int FROM unknown) AS blocks,
              (SELECT count(DISTINCT code)::int FROM unknown) AS codes,
              ARRAY(SELECT DISTINCT code FROM unknown ORDER BY code LIMIT $1) AS shown`,
      [limit],
    )) as UnknownCodes[];
    return row;
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
