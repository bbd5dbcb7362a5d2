import { Inject, Injectable, Optional } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Clock, DomainException, NotFoundError, TtlCache } from '@bouwsteen/common';
import { OutboxWriter, PUBLIC_FACE, PublicFace, TransactionRunner } from '@bouwsteen/database';
import { EntityManager } from 'typeorm';
import {
  CoverageRepository,
  CoverageScope,
  ElectiveCoverage,
  QualificationCoverage,
  ServingBlock,
  UnknownCodes,
} from './coverage.repository';
import { CREBO, ELECTIVE_CODE } from './qualification-file';
import { QualificationError } from './qualification.errors';
import { refusalText } from './qualification-messages';
import {
  ElectiveOverviewFilter,
  ElectiveOverviewPage,
  OverviewFilter,
  OverviewPage,
  searchable,
} from './qualification-overview';
import {
  CodeNames,
  ElectiveQualification,
  ElectiveRow,
  QualificationDetail,
  QualificationImport,
  QualificationRow,
  QualificationsRepository,
} from './qualifications.repository';
import { QualificationFileRefusal, parseSbbXml } from './sbb-xml';

/** Far above SBB's whole export of dossiers and keuzedelen; the upload and the CLI both hold it. */
export const QUALIFICATION_FILE_MAX_BYTES = 64 * 1024 * 1024;
/** SBB's structure holds some 800 qualifications and 1,500 keuzedelen; lists stop well above. */
const LIST_LIMIT = 5000;
const BLOCK_LIMIT = 500;
/** What a keuzedeel's or qualification's page lists of the other side; the rest is counted. */
export const PAGE_LIST_LIMIT = 200;
/**
 * Pages that name many qualifications at once (the search facet) keep the whole directory this
 * long; an import through this process forgets it at once, other processes within this time.
 */
const DIRECTORY_TTL_MS = 30_000;

/** A page number and size as the rows to skip and take. */
function window(page: { number: number; size: number }): { offset: number; limit: number } {
  const limit = Math.min(Math.max(Math.floor(page.size), 1), 200);
  return { offset: (Math.max(Math.floor(page.number), 1) - 1) * limit, limit };
}

/** A qualification or dossier by its crebo, as names() gives it. */
export type QualificationName = { title: string; level: number | null; dossier: boolean };

export interface ElectivePage {
  elective: ElectiveRow;
  /** At most PAGE_LIST_LIMIT of the qualifications it combines with; `qualificationsTotal` all. */
  qualifications: ElectiveQualification[];
  qualificationsTotal: number;
  /** The listed published modules (and curricula) carrying it, modules first. */
  blocks: ServingBlock[];
}

export interface QualificationPage {
  qualification: QualificationDetail;
  /** At most PAGE_LIST_LIMIT of its keuzedelen; `electivesTotal` counts them all. */
  electives: ElectiveCoverage[];
  electivesTotal: number;
  blocks: ServingBlock[];
}

/**
 * The qualification structure: importing SBB's file (operators, the CLI, the reference set at
 * seed) and the questions asked of it — names of codes, coverage per qualification and keuzedeel.
 */
@Injectable()
export class QualificationsService {
  constructor(
    private readonly qualifications: QualificationsRepository,
    private readonly coverage: CoverageRepository,
    private readonly transactions: TransactionRunner,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    // Assets stamps the blocks that name renamed codes (the port keeps assets' tables there).
    @Optional() @Inject(PUBLIC_FACE) private readonly publicFace?: PublicFace,
  ) {}

  private directoryCache = this.newDirectoryCache();

  private newDirectoryCache(): TtlCache<ReadonlyMap<string, QualificationName>> {
    return new TtlCache(DIRECTORY_TTL_MS, 1, () => this.clock.now().getTime());
  }

  /**
   * Reads and stores a file. Refuses (422, with the Dutch reason in `detail`) what cannot be
   * read; what can be read is stored, with a warning per thing left out.
   */
  async importFile(
    content: Buffer,
    source: { name: string; importedBy: string | null; reference?: boolean },
  ): Promise<QualificationImport> {
    if (content.length > QUALIFICATION_FILE_MAX_BYTES)
      throw new DomainException(QualificationError.FileTooLarge);
    let file;
    try {
      // Decoded and parsed piece by piece: the file is never held as one string.
      file = parseSbbXml(content);
    } catch (error) {
      if (error instanceof QualificationFileRefusal)
        throw new DomainException(
          QualificationError.FileRefused,
          refusalText(error.code, error.line),
        );
      throw error;
    }
    const hash = createHash('sha256').update(content).digest('hex');
    const reference = source.reference ?? false;
    const result = await this.transactions.run(async (manager) => {
      const replaced = await this.qualifications.electivesReplacedBy(manager, file, reference);
      const crebos = await this.qualifications.crebosReplacedBy(manager, file, reference);
      const before = await this.qualifications.titles(manager, crebos, replaced);
      const written = await this.qualifications.write(manager, file, {
        name: source.name.slice(0, 200),
        hash,
        reference,
        importedBy: source.importedBy,
      });
      // A module's search document holds the qualifications its keuzedeel combines with: the
      // modules carrying a replaced keuzedeel are indexed again, once this import commits.
      const modules = await this.qualifications.modulesCarrying(manager, replaced);
      await this.outbox.enqueueMany(manager, 'asset', modules);
      // The feeds carry the names: blocks naming a code whose name changed (or came or went)
      // get a new datestamp, so incremental harvests fetch them again. An unchanged file
      // stamps nothing.
      const after = await this.qualifications.titles(manager, crebos, replaced);
      const renamed = (code: string) => before.get(code) !== after.get(code);
      await this.publicFace?.codesRenamed(
        manager,
        crebos.filter(renamed),
        replaced.filter(renamed),
      );
      return written;
    });
    this.directoryCache = this.newDirectoryCache();
    return result;
  }

  /**
   * Loads the bundled reference set unless an operator imported SBB's own file, or this very
   * set is already loaded (so every `npm start` may ask). Returns whether it loaded.
   */
  async loadReference(content: Buffer, name: string): Promise<boolean> {
    if (await this.qualifications.hasOperatorImport()) return false;
    const hash = createHash('sha256').update(content).digest('hex');
    if ((await this.qualifications.lastReferenceHash()) === hash) return false;
    await this.importFile(content, { name, importedBy: null, reference: true });
    return true;
  }

  imports(limit = 20): Promise<QualificationImport[]> {
    return this.qualifications.imports(Math.min(Math.max(limit, 1), 100));
  }

  /** Names for the codes blocks carry; codes that are not well-formed are not asked for. */
  names(crebos: readonly string[], electiveCodes: readonly string[]): Promise<CodeNames> {
    return this.qualifications.names(
      [...new Set(crebos.filter((code) => CREBO.test(code)))],
      [...new Set(electiveCodes.filter((code) => ELECTIVE_CODE.test(code)))],
    );
  }

  list(): Promise<QualificationRow[]> {
    return this.qualifications.qualifications(LIST_LIMIT);
  }

  /**
   * Coverage per qualification; with a province, each row also carries the counts over every
   * PPS, so a gap in the province can say that material exists elsewhere (to reuse, not redo).
   */
  async coverageOfQualifications(scope: CoverageScope = {}): Promise<QualificationCoverage[]> {
    if (!scope.province) return this.coverage.qualifications({}, LIST_LIMIT);
    const [scoped, all] = await Promise.all([
      this.coverage.qualifications(scope, LIST_LIMIT),
      this.coverage.qualifications({}, LIST_LIMIT),
    ]);
    const national = new Map(all.map((row) => [row.crebo, row]));
    return scoped.map((row) => ({
      ...row,
      national: {
        curricula: national.get(row.crebo)?.curricula ?? 0,
        modules: national.get(row.crebo)?.modules ?? 0,
      },
    }));
  }

  /** Coverage per keuzedeel; with a province, also the modules over every PPS. */
  async coverageOfElectives(scope: CoverageScope = {}): Promise<ElectiveCoverage[]> {
    if (!scope.province) return this.coverage.electives({}, LIST_LIMIT);
    const [scoped, all] = await Promise.all([
      this.coverage.electives(scope, LIST_LIMIT),
      this.coverage.electives({}, LIST_LIMIT),
    ]);
    const national = new Map(all.map((row) => [row.code, row.modules]));
    return scoped.map((row) => ({ ...row, nationalModules: national.get(row.code) ?? 0 }));
  }

  /** A qualification with its keuzedelen (and their modules count) and the blocks serving it. */
  async page(crebo: string): Promise<QualificationPage> {
    const qualification = CREBO.test(crebo) ? await this.qualifications.qualification(crebo) : null;
    if (!qualification)
      throw new NotFoundError(QualificationError.NotFound, 'qualification', crebo);
    const [electives, electivesTotal, blocks] = await Promise.all([
      this.coverage.electives({ crebo }, PAGE_LIST_LIMIT),
      this.qualifications.electiveCount(crebo),
      this.coverage.servingBlocks(crebo, BLOCK_LIMIT),
    ]);
    return { qualification, electives, electivesTotal, blocks };
  }

  /** Published blocks naming codes the structure does not know (the first 30 codes named). */
  unknownCodes(): Promise<UnknownCodes> {
    return this.coverage.unknownCodes(30);
  }

  /** Whether a crebo is a dossier's (and not also a qualification's). */
  async isDossier(crebo: string): Promise<boolean> {
    if (!CREBO.test(crebo)) return false;
    const found = (await this.qualifications.names([crebo], [])).crebos.get(crebo);
    return found?.dossier === true;
  }

  electivesOf(crebo: string): Promise<ElectiveRow[]> {
    return this.qualifications.electivesOf(crebo);
  }

  modulesOfElective(code: string): Promise<ServingBlock[]> {
    return ELECTIVE_CODE.test(code)
      ? this.coverage.modulesOfElective(code, BLOCK_LIMIT)
      : Promise.resolve([]);
  }

  /** One page of the overview of qualifications with their coverage, narrowed and ordered. */
  async overview(
    filter: OverviewFilter,
    page: { number: number; size: number },
  ): Promise<OverviewPage> {
    const found = await this.coverage.qualificationPage({
      words: filter.words.map(searchable),
      gapsOnly: filter.gapsOnly,
      order: filter.order,
      ...window(page),
    });
    return {
      rows: found.rows,
      total: filter.gapsOnly ? found.matchingGaps : found.matching,
      matching: found.matching,
      matchingWithoutMaterial: found.matchingGaps,
    };
  }

  /** One page of the overview of keuzedelen with how many modules carry each. */
  async electiveOverview(
    filter: ElectiveOverviewFilter,
    page: { number: number; size: number },
  ): Promise<ElectiveOverviewPage> {
    const found = await this.coverage.electivePage({
      words: filter.words.map(searchable),
      gapsOnly: filter.gapsOnly,
      ...window(page),
    });
    return {
      rows: found.rows,
      total: filter.gapsOnly ? found.matchingGaps : found.matching,
      matching: found.matching,
      matchingWithoutModule: found.matchingGaps,
    };
  }

  /** A keuzedeel with the qualifications it combines with and the blocks carrying it. */
  async electivePage(code: string): Promise<ElectivePage> {
    const elective = ELECTIVE_CODE.test(code) ? await this.qualifications.elective(code) : null;
    if (!elective) throw new NotFoundError(QualificationError.ElectiveNotFound, 'elective', code);
    const [qualifications, blocks] = await Promise.all([
      this.qualifications.qualificationsOfElective(code, PAGE_LIST_LIMIT),
      this.coverage.modulesOfElective(code, BLOCK_LIMIT),
    ]);
    return {
      elective,
      qualifications: qualifications.rows,
      qualificationsTotal: qualifications.total,
      blocks,
    };
  }

  /** One import's record (its counts and warnings); null when there is none with this id. */
  importRecord(id: string): Promise<QualificationImport | null> {
    return this.qualifications.importRecord(id);
  }

  /** Whether what is shown is the bundled illustrative set, not SBB's data. */
  onlyReference(): Promise<boolean> {
    return this.qualifications.onlyReference();
  }

  /**
   * For each keuzedeel code, the crebos it combines with (the search facet's index side).
   * `manager`: read in the caller's transaction (the search relay reads a round in one).
   */
  crebosOfElectives(
    codes: readonly string[],
    manager?: EntityManager,
  ): Promise<Map<string, string[]>> {
    return this.qualifications.crebosOfElectives(
      [...new Set(codes.filter((code) => ELECTIVE_CODE.test(code)))],
      manager,
    );
  }

  /**
   * Every qualification and dossier by crebo (titles, levels), for pages that label many codes
   * at once on every request (the search page's facet): kept for a short while.
   */
  directory(): Promise<ReadonlyMap<string, QualificationName>> {
    return this.directoryCache.get('all', () => this.qualifications.directory(LIST_LIMIT));
  }
}
