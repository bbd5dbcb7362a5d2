import { Inject, Injectable } from '@nestjs/common';
import { PublishedRelationsReader } from '@bouwsteen/assets';
import { Clock } from '@bouwsteen/common';
import { dutchToday } from '@bouwsteen/common/pure';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import { QualificationsService } from '@bouwsteen/qualifications';
import {
  OoapiContext,
  rootOrganization,
  stableUuid,
  toCourse,
  toOffering,
  toOrganization,
  toProgram,
} from './ooapi-mapping';
import { REPOSITORY_NAME, publicLinks } from '../public-links';
import { codesOf } from '../qualification-names';
import { OoapiProblem } from './ooapi-problems';
import {
  CourseRow,
  OoapiRecordsRepository,
  OrganizationRow,
  Root,
  Window,
} from './ooapi-records.repository';
import {
  EXPANSIONS,
  Paging,
  Query,
  courseQuery,
  expansions,
  offeringQuery,
  organizationQuery,
  programQuery,
} from './ooapi-parameters';
import { ShownOffering, selectOfferings } from './ooapi-offerings';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * OOAPI v5 for catalogues such as eduXchange: published modules are courses (with their
 * offerings), lead institutions and PPS the organisations below one root for the registry.
 */
@Injectable()
export class OoapiService {
  private readonly context: OoapiContext;
  private readonly root: Root;

  constructor(
    private readonly records: OoapiRecordsRepository,
    private readonly relations: PublishedRelationsReader,
    private readonly qualifications: QualificationsService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.context = {
      page: publicLinks(config).page,
      rootId: stableUuid(`organization:root:${config.harvest.repositoryIdentifier}`),
    };
    this.root = { id: this.context.rootId, name: REPOSITORY_NAME };
  }

  service(): Record<string, unknown> {
    return {
      contactEmail: this.config.harvest.adminEmail,
      specification:
        'https://raw.githubusercontent.com/open-education-api/specification/release/5.0/v5/ooapi.json',
      documentation: 'https://open-education-api.github.io/specification/v5/docs.html',
    };
  }

  /** Courses, filtered and sorted as asked; a window of one more tells whether a next page exists. */
  async courses(raw: Query) {
    const query = courseQuery(raw);
    if (!query.forConsumer) return page(query.paging, []);
    const rows = await this.records.courses(query, window(query.paging));
    const context = await this.named(rows);
    return page(
      query.paging,
      rows.map((row) => toCourse(row, context)),
    );
  }

  /** Programs; we state no qualificationAwarded, sector or fieldsOfStudy, so those match none. */
  async programs(raw: Query) {
    const query = programQuery(raw);
    const unmatched =
      (query.programType !== undefined && query.programType !== 'program') ||
      query.qualificationAwarded !== undefined ||
      query.sector !== undefined ||
      query.fieldsOfStudy !== undefined;
    if (!query.forConsumer || unmatched) return page(query.paging, []);
    const rows = await this.records.programs(query, window(query.paging));
    const context = await this.named(rows);
    return page(
      query.paging,
      rows.map((row) => toProgram(row, context)),
    );
  }

  async program(id: string, raw: Query) {
    const expand = expansions(raw, EXPANSIONS.program, true);
    this.uuid(id);
    const row = await this.records.program(id);
    if (!row) throw new OoapiProblem(404, 'No program has this id');
    const program = toProgram(row, await this.named([row]));
    if (expand.includes('organization')) program.organization = await this.organization(row.pps_id);
    return program;
  }

  /** A program's courses: its listed modules, with the filters and sorts of /courses. */
  async programCourses(id: string, raw: Query) {
    const query = courseQuery(raw, 'program');
    this.uuid(id);
    const program = await this.records.program(id);
    if (!program) throw new OoapiProblem(404, 'No program has this id');
    if (!query.forConsumer || program.component_ids.length === 0) return page(query.paging, []);
    const rows = await this.records.courses(query, window(query.paging), program.component_ids);
    const context = await this.named(rows);
    return page(
      query.paging,
      rows.map((row) => toCourse(row, context)),
    );
  }

  /**
   * One course; `programs` names the listed curricula it is part of (assets' read surface),
   * by id, or whole with `expand=programs`.
   */
  async course(id: string, raw: Query) {
    const expand = expansions(raw, EXPANSIONS.course, true);
    const row = await this.courseRow(id);
    const programIds = (await this.relations.one(id)).isPartOf.map((program) => program.id);
    const programs =
      programIds.length && expand.includes('programs')
        ? await this.records.programsAmong(programIds)
        : [];
    const context = await this.named([row, ...programs]);
    const course = toCourse(row, context);
    if (programIds.length)
      course.programs = expand.includes('programs')
        ? programs.map((program) => toProgram(program, context))
        : programIds;
    if (expand.includes('organization')) course.organization = await this.organization(row.pps_id);
    return course;
  }

  /** A course's offerings (at most 20, so filtered and sorted here): future ones by default. */
  async courseOfferings(id: string, raw: Query) {
    const query = offeringQuery(raw, dutchToday(this.clock.now()));
    const row = await this.courseRow(id);
    if (!query.forConsumer) return page(query.paging, [], 0);
    const context = await this.named([row]);
    const offerings = selectOfferings(
      // An offering without an id says nothing (no dates, place or seats): it is no offering.
      (row.details.offerings ?? [])
        .flatMap((offering) =>
          offering.id === undefined ? [] : [{ ...offering, id: offering.id }],
        )
        .map((offering) => toOffering(row, offering, context) as ShownOffering),
      query,
    );
    const start = (query.paging.pageNumber - 1) * query.paging.pageSize;
    return page(
      query.paging,
      offerings.slice(start, start + query.paging.pageSize + 1),
      offerings.length,
    );
  }

  /** An offering by its own id, with its course and organisation when asked. */
  async offering(id: string, raw: Query) {
    const expand = expansions(raw, EXPANSIONS.offering);
    this.uuid(id);
    const row = await this.records.courseOfOffering(id.toLowerCase());
    const offering = row?.details.offerings?.find((candidate) => candidate.id === id.toLowerCase());
    if (!row || !offering?.id) throw new OoapiProblem(404, 'No offering has this id');
    const context = await this.named([row]);
    const result = toOffering(row, { ...offering, id: offering.id }, context);
    if (expand.includes('course')) result.course = toCourse(row, context);
    if (expand.includes('organization')) result.organization = await this.organization(row.pps_id);
    return result;
  }

  /** The organisations, the root among them, filtered and sorted as asked. */
  async organizations(raw: Query) {
    const query = organizationQuery(raw);
    if (!query.forConsumer) return page(query.paging, []);
    const rows = await this.records.organizations(query, this.root, window(query.paging));
    return page(
      query.paging,
      rows.map((row) => this.toOrganization(row)),
    );
  }

  /** One organisation; `expand` gives its parent and (at most 250 of) its children whole. */
  async organizationWith(id: string, raw: Query): Promise<Record<string, unknown>> {
    const expand = expansions(raw, EXPANSIONS.organization);
    const organization = await this.organization(id);
    if (expand.includes('parent') && typeof organization.parent === 'string')
      organization.parent = await this.organization(organization.parent);
    if (expand.includes('children')) {
      const children = await this.records.children(id, this.root, 250);
      if (children.length) organization.children = children.map((row) => this.toOrganization(row));
    }
    return organization;
  }

  async organization(id: string): Promise<Record<string, unknown>> {
    this.uuid(id);
    const row = await this.records.organization(id, this.root);
    if (!row) throw new OoapiProblem(404, 'No organization has this id');
    return this.toOrganization(row);
  }

  private toOrganization(row: OrganizationRow): Record<string, unknown> {
    return row.type === 'root'
      ? rootOrganization(this.context.rootId, REPOSITORY_NAME)
      : toOrganization(row, this.context.rootId);
  }

  private async courseRow(id: string): Promise<CourseRow> {
    this.uuid(id);
    const row = await this.records.course(id);
    if (!row) throw new OoapiProblem(404, 'No course has this id');
    return row;
  }

  /** The context with the names of these rows' qualification codes: one look-up per answer. */
  private async named(
    rows: readonly { crebo_codes?: string[]; elective_codes?: string[] }[],
  ): Promise<OoapiContext> {
    const codes = codesOf(rows);
    if (codes.crebos.length === 0 && codes.electives.length === 0) return this.context;
    return {
      ...this.context,
      names: await this.qualifications.names(codes.crebos, codes.electives),
    };
  }

  private uuid(id: string): void {
    if (!UUID.test(id)) throw new OoapiProblem(400, 'Ids are UUIDs');
  }
}

/** One more row than a page holds: whether there is a next page, without counting them all. */
function window(paging: Paging): Window {
  return { offset: (paging.pageNumber - 1) * paging.pageSize, limit: paging.pageSize + 1 };
}

/**
 * The spec's page from a window of up to pageSize + 1 items. `totalPages` (optional in the
 * spec) only where the total is known without counting: counting every listed block for every
 * page was most of a page's cost.
 */
function page(paging: Paging, items: unknown[], total?: number) {
  return {
    pageSize: paging.pageSize,
    pageNumber: paging.pageNumber,
    hasPreviousPage: paging.pageNumber > 1,
    hasNextPage: items.length > paging.pageSize,
    ...(total === undefined ? {} : { totalPages: Math.max(1, Math.ceil(total / paging.pageSize)) }),
    items: items.slice(0, paging.pageSize),
  };
}
