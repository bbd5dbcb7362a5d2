import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CoreTask, QualificationFile, fileCounts } from './qualification-file';

/** One import of a qualification file, as the import page lists it. */
export interface QualificationImport {
  id: string;
  sourceName: string;
  sourceHash: string;
  reference: boolean;
  importedBy: string | null;
  importedAt: Date;
  dossiers: number;
  qualifications: number;
  electives: number;
  warnings: string[];
}

export interface QualificationRow {
  crebo: string;
  title: string;
  level: number | null;
  validFrom: string | null;
  intakeEnds: string | null;
  dossierCrebo: string;
  dossierTitle: string;
}

export interface QualificationDetail extends QualificationRow {
  dossierVersion: string | null;
  /** The dossier's basisdeel, then the qualification's own profieldeel. */
  sharedCoreTasks: CoreTask[];
  ownCoreTasks: CoreTask[];
}

export interface ElectiveRow {
  code: string;
  title: string;
  studyLoadSbu: number | null;
  level: number | null;
  certificate: boolean;
  validFrom: string | null;
  validUntil: string | null;
}

/** A qualification a keuzedeel combines with; `title` is null when it is not in the structure. */
export interface ElectiveQualification {
  crebo: string;
  title: string | null;
  level: number | null;
}

/** What a code means, for pages and feeds that show names instead of codes. */
export interface CodeNames {
  /** Qualification crebos, and dossier crebos where a block names its dossier. */
  crebos: Map<string, { title: string; level: number | null; dossier: boolean }>;
  electives: Map<string, { title: string; studyLoadSbu: number | null }>;
}

interface ImportRow {
  id: string;
  source_name: string;
  source_hash: string;
  reference: boolean;
  imported_by: string | null;
  imported_at: Date;
  dossiers: number;
  qualifications: number;
  electives: number;
  warnings: string[];
}

const toImport = (row: ImportRow): QualificationImport => ({
  id: row.id,
  sourceName: row.source_name,
  sourceHash: row.source_hash,
  reference: row.reference,
  importedBy: row.imported_by,
  importedAt: row.imported_at,
  dossiers: row.dossiers,
  qualifications: row.qualifications,
  electives: row.electives,
  warnings: row.warnings,
});

/**
 * What a crebo is called: its qualification, or else (a block may name a dossier) its dossier.
 * One rule for the names on pages, the feeds' names and the import's check of renamed codes.
 */
const CREBO_NAMES = `(
  SELECT crebo, title, level, false AS dossier FROM qualification
  UNION ALL
  SELECT crebo, title, NULL::smallint, true FROM qualification_dossier d
   WHERE NOT EXISTS (SELECT 1 FROM qualification q WHERE q.crebo = d.crebo)
) AS named`;

const QUALIFICATION_COLUMNS = `q.crebo, q.title, q.level, to_char(q.valid_from, 'YYYY-MM-DD') AS "validFrom",
  to_char(q.intake_ends, 'YYYY-MM-DD') AS "intakeEnds", q.dossier_crebo AS "dossierCrebo",
  d.title AS "dossierTitle"`;
const ELECTIVE_COLUMNS = `e.code, e.title, e.study_load_sbu AS "studyLoadSbu", e.level, e.certificate,
  to_char(e.valid_from, 'YYYY-MM-DD') AS "validFrom", to_char(e.valid_until, 'YYYY-MM-DD') AS "validUntil"`;

/**
 * The queries of the qualification structure: qualification_import, qualification_dossier,
 * qualification, elective and elective_qualification, the tables of this library.
 */
@Injectable()
export class QualificationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Writes a file's contents in one transaction (the caller's). A dossier in the file replaces
   * the stored one with its qualifications; a keuzedeel replaces the stored one with its
   * qualifications; what the file does not name stays. The first import that is not the
   * reference set removes the reference set's rows first: its codes are illustrations.
   */
  async write(
    manager: EntityManager,
    file: QualificationFile,
    source: { name: string; hash: string; reference: boolean; importedBy: string | null },
  ): Promise<QualificationImport> {
    // One import at a time: two files written at once would interleave their replacements.
    await manager.query(`LOCK TABLE qualification_import IN SHARE ROW EXCLUSIVE MODE`);
    if (!source.reference) {
      await manager.query(
        `DELETE FROM elective WHERE import_id IN (SELECT id FROM qualification_import WHERE reference)`,
      );
      await manager.query(
        `DELETE FROM qualification_dossier
          WHERE import_id IN (SELECT id FROM qualification_import WHERE reference)`,
      );
    }
    const counts = fileCounts(file);
    const [record] = (await manager.query(
      `INSERT INTO qualification_import
         (source_name, source_hash, reference, imported_by, dossiers, qualifications, electives, warnings)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
      [
        source.name,
        source.hash,
        source.reference,
        source.importedBy,
        counts.dossiers,
        counts.qualifications,
        counts.electives,
        JSON.stringify(file.warnings),
      ],
    )) as ImportRow[];
    const dossiers = file.dossiers.map((d) => ({
      crebo: d.crebo,
      title: d.title,
      version: d.version,
      status: d.status,
      valid_from: d.validFrom,
      intake_ends: d.intakeEnds,
      core_tasks: d.coreTasks,
    }));
    // Replacing a dossier drops its qualifications (cascade); the file's are inserted after.
    await manager.query(
      `DELETE FROM qualification_dossier WHERE crebo IN (SELECT jsonb_array_elements_text($1::jsonb))`,
      [JSON.stringify(dossiers.map((d) => d.crebo))],
    );
    // A qualification moved to another dossier of this file leaves its old one.
    const qualifications = file.dossiers.flatMap((d) =>
      d.qualifications.map((q) => ({
        crebo: q.crebo,
        dossier_crebo: d.crebo,
        title: q.title,
        level: q.level,
        valid_from: q.validFrom,
        intake_ends: q.intakeEnds,
        core_tasks: q.coreTasks,
      })),
    );
    await manager.query(
      `DELETE FROM qualification WHERE crebo IN (SELECT jsonb_array_elements_text($1::jsonb))`,
      [JSON.stringify(qualifications.map((q) => q.crebo))],
    );
    await manager.query(
      `INSERT INTO qualification_dossier (crebo, title, version, status, valid_from, intake_ends, core_tasks, import_id)
       SELECT crebo, title, version, status, valid_from, intake_ends, core_tasks, $2
         FROM jsonb_to_recordset($1::jsonb) AS x(crebo text, title text, version text, status text,
              valid_from date, intake_ends date, core_tasks jsonb)`,
      [JSON.stringify(dossiers), record.id],
    );
    await manager.query(
      `INSERT INTO qualification (crebo, dossier_crebo, title, level, valid_from, intake_ends, core_tasks, import_id)
       SELECT crebo, dossier_crebo, title, level, valid_from, intake_ends, core_tasks, $2
         FROM jsonb_to_recordset($1::jsonb) AS x(crebo text, dossier_crebo text, title text,
              level smallint, valid_from date, intake_ends date, core_tasks jsonb)`,
      [JSON.stringify(qualifications), record.id],
    );
    const electives = file.electives.map((e) => ({
      code: e.code,
      title: e.title,
      study_load_sbu: e.studyLoadSbu,
      level: e.level,
      certificate: e.certificate,
      valid_from: e.validFrom,
      valid_until: e.validUntil,
    }));
    await manager.query(
      `DELETE FROM elective WHERE code IN (SELECT jsonb_array_elements_text($1::jsonb))`,
      [JSON.stringify(electives.map((e) => e.code))],
    );
    await manager.query(
      `INSERT INTO elective (code, title, study_load_sbu, level, certificate, valid_from, valid_until, import_id)
       SELECT code, title, study_load_sbu, level, certificate, valid_from, valid_until, $2
         FROM jsonb_to_recordset($1::jsonb) AS x(code text, title text, study_load_sbu integer,
              level smallint, certificate boolean, valid_from date, valid_until date)`,
      [JSON.stringify(electives), record.id],
    );
    await manager.query(
      `INSERT INTO elective_qualification (elective_code, crebo)
       SELECT code, crebo FROM jsonb_to_recordset($1::jsonb) AS x(code text, crebo text)`,
      [
        JSON.stringify(
          file.electives.flatMap((e) => e.crebos.map((crebo) => ({ code: e.code, crebo }))),
        ),
      ],
    );
    return toImport(record);
  }

  /** The latest imports, newest first (bounded). */
  async imports(limit: number): Promise<QualificationImport[]> {
    const rows = (await this.dataSource.query(
      `SELECT * FROM qualification_import ORDER BY imported_at DESC, id LIMIT $1`,
      [limit],
    )) as ImportRow[];
    return rows.map(toImport);
  }

  /** Whether any import other than the reference set has been made. */
  async hasOperatorImport(): Promise<boolean> {
    const [row] = (await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM qualification_import WHERE NOT reference) AS found`,
    )) as { found: boolean }[];
    return row.found;
  }

  /** The hash of the reference set last loaded, if any. */
  async lastReferenceHash(): Promise<string | null> {
    const [row] = (await this.dataSource.query(
      `SELECT source_hash FROM qualification_import WHERE reference ORDER BY imported_at DESC LIMIT 1`,
    )) as { source_hash: string }[];
    return row?.source_hash ?? null;
  }

  /** The names of these codes (crebos of qualifications or dossiers, keuzedeel codes). */
  async names(crebos: string[], electiveCodes: string[]): Promise<CodeNames> {
    const names: CodeNames = { crebos: new Map(), electives: new Map() };
    if (crebos.length > 0) {
      const rows = (await this.dataSource.query(
        `SELECT crebo, title, level, dossier FROM ${CREBO_NAMES} WHERE crebo = ANY($1)`,
        [crebos],
      )) as { crebo: string; title: string; level: number | null; dossier: boolean }[];
      for (const row of rows)
        names.crebos.set(row.crebo, { title: row.title, level: row.level, dossier: row.dossier });
    }
    if (electiveCodes.length > 0) {
      const rows = (await this.dataSource.query(
        `SELECT code, title, study_load_sbu FROM elective WHERE code = ANY($1)`,
        [electiveCodes],
      )) as { code: string; title: string; study_load_sbu: number | null }[];
      for (const row of rows)
        names.electives.set(row.code, { title: row.title, studyLoadSbu: row.study_load_sbu });
    }
    return names;
  }

  /** All qualifications with their dossier, by dossier title then level (bounded by SBB's ~800). */
  async qualifications(limit: number): Promise<QualificationRow[]> {
    return (await this.dataSource.query(
      `SELECT ${QUALIFICATION_COLUMNS}
         FROM qualification q JOIN qualification_dossier d ON d.crebo = q.dossier_crebo
        ORDER BY d.title, q.level NULLS LAST, q.title, q.crebo
        LIMIT $1`,
      [limit],
    )) as QualificationRow[];
  }

  async qualification(crebo: string): Promise<QualificationDetail | null> {
    const [row] = (await this.dataSource.query(
      `SELECT ${QUALIFICATION_COLUMNS}, d.version AS "dossierVersion",
              d.core_tasks AS "sharedCoreTasks", q.core_tasks AS "ownCoreTasks"
         FROM qualification q JOIN qualification_dossier d ON d.crebo = q.dossier_crebo
        WHERE q.crebo = $1`,
      [crebo],
    )) as QualificationDetail[];
    return row ?? null;
  }

  /** The keuzedelen that combine with a qualification, by code. */
  async electivesOf(crebo: string): Promise<ElectiveRow[]> {
    return (await this.dataSource.query(
      `SELECT ${ELECTIVE_COLUMNS}
         FROM elective e JOIN elective_qualification eq ON eq.elective_code = e.code
        WHERE eq.crebo = $1 ORDER BY e.code`,
      [crebo],
    )) as ElectiveRow[];
  }

  /** One import, as its result page shows it. */
  async importRecord(id: string): Promise<QualificationImport | null> {
    const [row] = (await this.dataSource.query(`SELECT * FROM qualification_import WHERE id = $1`, [
      id,
    ])) as ImportRow[];
    return row ? toImport(row) : null;
  }

  async elective(code: string): Promise<ElectiveRow | null> {
    const [row] = (await this.dataSource.query(
      `SELECT ${ELECTIVE_COLUMNS} FROM elective e WHERE e.code = $1`,
      [code],
    )) as ElectiveRow[];
    return row ?? null;
  }

  /**
   * The qualifications a keuzedeel combines with, by level and title; a crebo whose dossier is
   * not (yet) imported is kept, without a name (SBB lists keuzedelen apart from dossiers).
   */
  async qualificationsOfElective(
    code: string,
    limit: number,
  ): Promise<{ rows: ElectiveQualification[]; total: number }> {
    const rows = (await this.dataSource.query(
      `SELECT eq.crebo, q.title, q.level, count(*) OVER ()::int AS total
         FROM elective_qualification eq LEFT JOIN qualification q ON q.crebo = eq.crebo
        WHERE eq.elective_code = $1
        ORDER BY q.title IS NULL, q.level NULLS LAST, q.title, eq.crebo
        LIMIT $2`,
      [code, limit],
    )) as (ElectiveQualification & { total: number })[];
    return {
      rows: rows.map(({ total: _total, ...row }) => row),
      total: rows[0]?.total ?? 0,
    };
  }

  /** How many keuzedelen combine with a qualification (its page shows a bounded part). */
  async electiveCount(crebo: string): Promise<number> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS n FROM elective_qualification WHERE crebo = $1`,
      [crebo],
    )) as { n: number }[];
    return row.n;
  }

  /** Whether the data shown is the bundled reference set: loaded, and no operator's import since. */
  async onlyReference(): Promise<boolean> {
    const [row] = (await this.dataSource.query(
      `SELECT bool_and(reference) AS only FROM qualification_import`,
    )) as { only: boolean | null }[];
    return row.only === true;
  }

  /**
   * For each keuzedeel code asked, the crebos of the qualifications it combines with.
   * `manager`: read through the caller's transaction (the search relay's round).
   */
  async crebosOfElectives(
    codes: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, string[]>> {
    if (codes.length === 0) return new Map();
    const rows = (await manager.query(
      `SELECT elective_code, array_agg(crebo ORDER BY crebo) AS crebos
         FROM elective_qualification WHERE elective_code = ANY($1) GROUP BY elective_code`,
      [codes],
    )) as { elective_code: string; crebos: string[] }[];
    return new Map(rows.map((row) => [row.elective_code, row.crebos]));
  }

  /**
   * The keuzedelen whose combinations a file's import may change: those it names (replaced
   * whole) and, for an operator's file, the reference set's (removed whole). Takes the import
   * lock first, as write() does, so no other import changes the answer before this one writes.
   */
  async electivesReplacedBy(
    manager: EntityManager,
    file: QualificationFile,
    reference: boolean,
  ): Promise<string[]> {
    await manager.query(`LOCK TABLE qualification_import IN SHARE ROW EXCLUSIVE MODE`);
    const named = file.electives.map((elective) => elective.code);
    if (reference) return [...new Set(named)];
    const rows = (await manager.query(
      `SELECT code FROM elective WHERE import_id IN (SELECT id FROM qualification_import WHERE reference)`,
    )) as { code: string }[];
    return [...new Set([...named, ...rows.map((row) => row.code)])];
  }

  /**
   * The crebos whose name a file's import may change: the file's dossiers and qualifications,
   * the qualifications now stored under its dossiers (replaced with them) and, for an
   * operator's file, every crebo of the reference set (removed whole). Call after
   * electivesReplacedBy, which takes the import lock.
   */
  async crebosReplacedBy(
    manager: EntityManager,
    file: QualificationFile,
    reference: boolean,
  ): Promise<string[]> {
    const dossiers = file.dossiers.map((dossier) => dossier.crebo);
    const named = file.dossiers.flatMap((dossier) => [
      dossier.crebo,
      ...dossier.qualifications.map((qualification) => qualification.crebo),
    ]);
    const rows = (await manager.query(
      `SELECT crebo FROM qualification WHERE dossier_crebo = ANY($1::text[])
       UNION SELECT crebo FROM qualification_dossier
        WHERE NOT $2 AND import_id IN (SELECT id FROM qualification_import WHERE reference)
       UNION SELECT crebo FROM qualification
        WHERE NOT $2 AND import_id IN (SELECT id FROM qualification_import WHERE reference)`,
      [dossiers, reference],
    )) as { crebo: string }[];
    return [...new Set([...named, ...rows.map((row) => row.crebo)])];
  }

  /**
   * What each code is called now, read in the import's transaction: a crebo by its
   * qualification (else its dossier), a keuzedeel by its title; a code without one is absent.
   */
  async titles(
    manager: EntityManager,
    crebos: string[],
    electiveCodes: string[],
  ): Promise<Map<string, string>> {
    const rows = (await manager.query(
      `SELECT crebo AS code, title FROM ${CREBO_NAMES} WHERE crebo = ANY($1::text[])
       UNION ALL
       SELECT code, title FROM elective WHERE code = ANY($2::text[])`,
      [crebos, electiveCodes],
    )) as { code: string; title: string }[];
    return new Map(rows.map((row) => [row.code, row.title]));
  }

  /**
   * The listed published modules carrying one of these keuzedelen (assets' read surface): the
   * blocks whose search documents hold the keuzedelen's qualifications.
   */
  async modulesCarrying(manager: EntityManager, codes: string[]): Promise<string[]> {
    if (codes.length === 0) return [];
    const rows = (await manager.query(
      `SELECT id FROM asset_published WHERE listed AND kind = 'module' AND elective_codes && $1::text[]`,
      [codes],
    )) as { id: string }[];
    return rows.map((row) => row.id);
  }

  /** Every qualification and dossier by crebo, with its title and level (bounded by SBB's ~800). */
  async directory(limit: number): Promise<CodeNames['crebos']> {
    const rows = (await this.dataSource.query(
      `SELECT crebo, title, level, dossier FROM ${CREBO_NAMES} LIMIT $1`,
      [limit],
    )) as { crebo: string; title: string; level: number | null; dossier: boolean }[];
    return new Map(
      rows.map((row) => [row.crebo, { title: row.title, level: row.level, dossier: row.dossier }]),
    );
  }
}
