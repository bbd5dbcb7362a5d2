import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DomainException, NotFoundError } from '@bouwsteen/common';
import { TransactionRunner } from '@bouwsteen/database';
import {
  CoverageRepository,
  CoverageScope,
  ElectiveCoverage,
  QualificationCoverage,
  ServingBlock,
} from './coverage.repository';
import { CREBO, ELECTIVE_CODE } from './qualification-file';
import { QualificationError } from './qualification.errors';
import { refusalText } from './qualification-messages';
import { OverviewFilter, OverviewPage, overviewPage } from './qualification-overview';
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

export interface ElectivePage {
  elective: ElectiveRow;
  qualifications: ElectiveQualification[];
  /** The listed published modules (and curricula) carrying it, modules first. */
  blocks: ServingBlock[];
}

export interface QualificationPage {
  qualification: QualificationDetail;
  electives: ElectiveCoverage[];
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
  ) {}

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
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(content);
    } catch {
      throw new DomainException(QualificationError.FileRefused, refusalText('not-utf8'));
    }
    let file;
    try {
      file = parseSbbXml(text);
    } catch (error) {
      if (error instanceof QualificationFileRefusal)
        throw new DomainException(QualificationError.FileRefused, refusalText(error.code));
      throw error;
    }
    const hash = createHash('sha256').update(content).digest('hex');
    return this.transactions.run((manager) =>
      this.qualifications.write(manager, file, {
        name: source.name.slice(0, 200),
        hash,
        reference: source.reference ?? false,
        importedBy: source.importedBy,
      }),
    );
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

  coverageOfQualifications(scope: CoverageScope = {}): Promise<QualificationCoverage[]> {
    return this.coverage.qualifications(scope, LIST_LIMIT);
  }

  coverageOfElectives(scope: CoverageScope = {}): Promise<ElectiveCoverage[]> {
    return this.coverage.electives(scope, LIST_LIMIT);
  }

  /** A qualification with its keuzedelen (and their modules count) and the blocks serving it. */
  async page(crebo: string): Promise<QualificationPage> {
    const qualification = CREBO.test(crebo) ? await this.qualifications.qualification(crebo) : null;
    if (!qualification)
      throw new NotFoundError(QualificationError.NotFound, 'qualification', crebo);
    const [electives, blocks] = await Promise.all([
      this.coverage.electives({ crebo }, LIST_LIMIT),
      this.coverage.servingBlocks(crebo, BLOCK_LIMIT),
    ]);
    return { qualification, electives, blocks };
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
    return overviewPage(await this.coverage.qualifications({}, LIST_LIMIT), filter, page);
  }

  /** A keuzedeel with the qualifications it combines with and the blocks carrying it. */
  async electivePage(code: string): Promise<ElectivePage> {
    const elective = ELECTIVE_CODE.test(code) ? await this.qualifications.elective(code) : null;
    if (!elective) throw new NotFoundError(QualificationError.ElectiveNotFound, 'elective', code);
    const [qualifications, blocks] = await Promise.all([
      this.qualifications.qualificationsOfElective(code),
      this.coverage.modulesOfElective(code, BLOCK_LIMIT),
    ]);
    return { elective, qualifications, blocks };
  }

  /** One import's record (its counts and warnings); null when there is none with this id. */
  importRecord(id: string): Promise<QualificationImport | null> {
    return this.qualifications.importRecord(id);
  }

  /** Whether what is shown is the bundled illustrative set, not SBB's data. */
  onlyReference(): Promise<boolean> {
    return this.qualifications.onlyReference();
  }

  /** For each keuzedeel code, the crebos it combines with (the search facet's index side). */
  crebosOfElectives(codes: readonly string[]): Promise<Map<string, string[]>> {
    return this.qualifications.crebosOfElectives([
      ...new Set(codes.filter((code) => ELECTIVE_CODE.test(code))),
    ]);
  }
}
