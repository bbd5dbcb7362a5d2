import { Inject, Injectable } from '@nestjs/common';
import { PublishedRelationsReader } from '@bouwsteen/assets';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import {
  OoapiContext,
  offeringId,
  rootOrganization,
  stableUuid,
  toCourse,
  toOffering,
  toOrganization,
  toProgram,
} from './ooapi-mapping';
import { REPOSITORY_NAME, publicLinks } from '../public-links';
import { OoapiProblem } from './ooapi-problems';
import { CourseRow, OoapiRecordsRepository } from './ooapi-records.repository';

/** The page sizes the spec allows (parameters/pageSize). */
const PAGE_SIZES = [10, 20, 50, 100, 250];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface Paging {
  pageSize: number;
  pageNumber: number;
}

/**
 * OOAPI v5 for catalogues such as eduXchange: published modules are courses (with their
 * offerings), lead institutions and PPS the organisations below one root for the registry.
 */
@Injectable()
export class OoapiService {
  private readonly context: OoapiContext;

  constructor(
    private readonly records: OoapiRecordsRepository,
    private readonly relations: PublishedRelationsReader,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.context = {
      page: publicLinks(config).page,
      rootId: stableUuid(`organization:root:${config.harvest.repositoryIdentifier}`),
    };
  }

  service(): Record<string, unknown> {
    return {
      contactEmail: this.config.harvest.adminEmail,
      specification:
        'https://raw.githubusercontent.com/open-education-api/specification/release/5.0/v5/ooapi.json',
      documentation: 'https://open-education-api.github.io/specification/v5/docs.html',
    };
  }

  paging(query: Record<string, unknown>): Paging {
    const read = (name: string, fallback: number) => {
      const raw = query[name];
      if (raw === undefined) return fallback;
      const value = typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
      if (!Number.isInteger(value)) throw new OoapiProblem(400, `${name} must be a whole number`);
      return value;
    };
    const pageSize = read('pageSize', 10);
    const pageNumber = read('pageNumber', 1);
    if (!PAGE_SIZES.includes(pageSize))
      throw new OoapiProblem(400, `pageSize must be one of ${PAGE_SIZES.join(', ')}`);
    if (pageNumber < 1) throw new OoapiProblem(400, 'pageNumber starts at 1');
    return { pageSize, pageNumber };
  }

  async courses(paging: Paging) {
    const { rows, total } = await this.records.courses(
      (paging.pageNumber - 1) * paging.pageSize,
      paging.pageSize,
    );
    return page(
      paging,
      total,
      rows.map((row) => toCourse(row, this.context)),
    );
  }

  async programs(paging: Paging) {
    const rows = await this.records.programs(
      (paging.pageNumber - 1) * paging.pageSize,
      paging.pageSize + 1,
    );
    return {
      pageSize: paging.pageSize,
      pageNumber: paging.pageNumber,
      hasPreviousPage: paging.pageNumber > 1,
      hasNextPage: rows.length > paging.pageSize,
      items: rows.slice(0, paging.pageSize).map((row) => toProgram(row, this.context)),
    };
  }

  async program(id: string, expand: string[]) {
    this.uuid(id);
    const row = await this.records.program(id);
    if (!row) throw new OoapiProblem(404, 'No program has this id');
    const program = toProgram(row, this.context);
    if (expand.includes('organization')) program.organization = await this.organization(row.pps_id);
    return program;
  }

  /** A program's courses: its listed modules, paged, in courseId order (the spec's default). */
  async programCourses(id: string, paging: Paging) {
    this.uuid(id);
    const program = await this.records.program(id);
    if (!program) throw new OoapiProblem(404, 'No program has this id');
    const { rows, total } = await this.records.coursesAmong(
      program.component_ids,
      (paging.pageNumber - 1) * paging.pageSize,
      paging.pageSize,
    );
    return page(
      paging,
      total,
      rows.map((row) => toCourse(row, this.context)),
    );
  }

  /**
   * One course; `programs` names the listed curricula it is part of (assets' read surface),
   * by id, or whole with `expand=programs`.
   */
  async course(id: string, expand: string[]) {
    const row = await this.courseRow(id);
    const course = toCourse(row, this.context);
    const programIds = (await this.relations.one(id)).isPartOf.map((program) => program.id);
    if (programIds.length)
      course.programs = expand.includes('programs')
        ? (await this.records.programsAmong(programIds)).map((program) =>
            toProgram(program, this.context),
          )
        : programIds;
    if (expand.includes('organization')) course.organization = await this.organization(row.pps_id);
    return course;
  }

  async courseOfferings(id: string, paging: Paging) {
    const row = await this.courseRow(id);
    const offerings = [...(row.details.offerings ?? [])]
      .sort((a, b) => a.period.start.localeCompare(b.period.start))
      .map((offering) => toOffering(row, offering, this.context));
    const start = (paging.pageNumber - 1) * paging.pageSize;
    return page(paging, offerings.length, offerings.slice(start, start + paging.pageSize));
  }

  /** An offering's id is derived from its course, dates and place: found by looking through. */
  async offering(id: string, expand: string[]) {
    this.uuid(id);
    const found = await this.findOffering(id.toLowerCase());
    if (!found) throw new OoapiProblem(404, 'No offering has this id');
    const [row, offering] = found;
    const result = toOffering(row, offering, this.context);
    if (expand.includes('course')) result.course = toCourse(row, this.context);
    if (expand.includes('organization')) result.organization = await this.organization(row.pps_id);
    return result;
  }

  private async findOffering(id: string) {
    for await (const rows of this.records.coursesWithOfferings())
      for (const row of rows)
        for (const offering of row.details.offerings ?? [])
          if (offeringId(row.id, offering) === id) return [row, offering] as const;
    return undefined;
  }

  /** `organizationType=root` is how eduXchange finds the endpoint's root organisation. */
  async organizations(paging: Paging, type?: unknown) {
    const root = rootOrganization(this.context.rootId, REPOSITORY_NAME);
    if (type !== undefined && !['root', 'institute', 'department'].includes(String(type)))
      throw new OoapiProblem(400, 'organizationType must be root, institute or department here');
    if (type === 'root') return page(paging, 1, paging.pageNumber === 1 ? [root] : []);
    const only = type as 'institute' | 'department' | undefined;
    // Unfiltered, the root comes first on page 1 and the rest follow in pages of the same size.
    const withRoot = only === undefined;
    const offset = Math.max(0, (paging.pageNumber - 1) * paging.pageSize - (withRoot ? 1 : 0));
    const limit = withRoot && paging.pageNumber === 1 ? paging.pageSize - 1 : paging.pageSize;
    const { rows, total } = await this.records.organizations(offset, limit, only);
    const items = rows.map((row) => toOrganization(row, this.context.rootId));
    return withRoot
      ? page(paging, total + 1, paging.pageNumber === 1 ? [root, ...items] : items)
      : page(paging, total, items);
  }

  async organization(id: string): Promise<Record<string, unknown>> {
    this.uuid(id);
    if (id === this.context.rootId) return rootOrganization(this.context.rootId, REPOSITORY_NAME);
    const row = await this.records.organization(id);
    if (!row) throw new OoapiProblem(404, 'No organization has this id');
    return toOrganization(row, this.context.rootId);
  }

  private async courseRow(id: string): Promise<CourseRow> {
    this.uuid(id);
    const row = await this.records.course(id);
    if (!row) throw new OoapiProblem(404, 'No course has this id');
    return row;
  }

  private uuid(id: string): void {
    if (!UUID.test(id)) throw new OoapiProblem(400, 'Ids are UUIDs');
  }
}

function page(paging: Paging, total: number, items: unknown[]) {
  const totalPages = Math.max(1, Math.ceil(total / paging.pageSize));
  return {
    pageSize: paging.pageSize,
    pageNumber: paging.pageNumber,
    hasPreviousPage: paging.pageNumber > 1,
    hasNextPage: paging.pageNumber < totalPages,
    totalPages,
    items,
  };
}
