import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { Principal } from '@bouwsteen/auth';
import {
  FieldError,
  ForbiddenError,
  NotFoundError,
  Page,
  ValidationFailedError,
  assertFresh,
  nameKey,
  toPage,
} from '@bouwsteen/common';
import { TransactionRunner } from '@bouwsteen/database';
import { EntityManager } from 'typeorm';
import { OrganisationsRepository } from '@bouwsteen/organisations';
import { TaxonomyService } from '@bouwsteen/taxonomy';
import { ItemFacts, errors, itemState, totals, warnings } from './course-rules';
import { CourseRow, CoursesRepository, ItemInput, ItemRow } from './courses.repository';
import {
  CourseDto,
  CourseListQueryDto,
  CreateCourseDto,
  EmployerInputDto,
  ShareLinkDto,
  UpdateCourseDto,
} from './dto/course.dto';

const fingerprint = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * LLO courses. Everything a course "has" — study load, price, certificates, level range — is
 * computed from its pinned module versions on every read, so it can never disagree with them.
 */
@Injectable()
export class CoursesService {
  constructor(
    private readonly courses: CoursesRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly taxonomy: TaxonomyService,
    private readonly tx: TransactionRunner,
  ) {}

  async list(principal: Principal, query: CourseListQueryDto): Promise<Page<CourseDto>> {
    const scope =
      principal.role === 'admin'
        ? null
        : { organisationId: principal.organisationId, userId: principal.userId };
    const [rows, total] = await this.courses.list(scope, query.offset, query.pageSize);
    // One query for the items of the whole page, not one per course.
    const items = await this.courses.itemsOf(rows.map((row) => row.id));
    return toPage(
      await Promise.all(rows.map((row) => this.toDto(row, items.get(row.id) ?? []))),
      total,
      query,
    );
  }

  async get(principal: Principal, id: string): Promise<CourseDto> {
    return this.toDto(await this.owned(principal, id));
  }

  async create(principal: Principal, dto: CreateCourseDto): Promise<CourseDto> {
    await this.checkAudience(dto.audience);
    // Items first: a course refused for its items must not leave a new employer behind.
    const items = await this.validItems(dto.items.map(toInput), dto.extrasCents ?? 0);
    // The employer is registered in the course's own transaction: a refused course leaves no
    // organisation behind.
    const id = await this.tx.run(async (manager) => {
      const employerId = await this.employer(dto.employer, manager);
      const courseId = await this.courses.insert(
        manager,
        {
          title: dto.title,
          employerOrganisationId: employerId,
          audience: dto.audience,
          goals: dto.goals ?? null,
          startDate: dto.schedule?.start ?? null,
          endDate: dto.schedule?.end ?? null,
          durationWeeks: dto.schedule?.durationWeeks ?? null,
          status: 'draft',
          extrasCents: dto.extrasCents ?? 0,
          extrasDescription: dto.extrasDescription ?? null,
        },
        { userId: principal.userId, organisationId: principal.organisationId },
      );
      await this.courses.replaceItems(manager, courseId, items);
      return courseId;
    });
    return this.get(principal, id);
  }

  async update(
    principal: Principal,
    id: string,
    revision: number,
    dto: UpdateCourseDto,
  ): Promise<CourseDto> {
    const course = await this.owned(principal, id);
    assertFresh(revision, course.row_version);
    if (dto.audience !== undefined) await this.checkAudience(dto.audience);
    const extras = dto.extrasCents ?? course.extras_cents;
    const inputs = dto.items ? dto.items.map(toInput) : (await this.courses.items(id)).map(pinned);
    // Items already in the course may have been archived since; that is flagged, not refused.
    const items = await this.validItems(inputs, extras, !dto.items);
    await this.tx.run(async (manager) => {
      const employerId = dto.employer
        ? await this.employer(dto.employer, manager)
        : course.employer_organisation_id;
      await this.courses.update(manager, id, revision, {
        title: dto.title ?? course.title,
        employerOrganisationId: employerId,
        audience: dto.audience ?? course.audience,
        goals: dto.goals !== undefined ? dto.goals : course.goals,
        startDate: dto.schedule ? (dto.schedule.start ?? null) : course.start_date,
        endDate: dto.schedule ? (dto.schedule.end ?? null) : course.end_date,
        durationWeeks: dto.schedule ? (dto.schedule.durationWeeks ?? null) : course.duration_weeks,
        status: dto.status ?? course.status,
        extrasCents: extras,
        extrasDescription:
          dto.extrasDescription !== undefined ? dto.extrasDescription : course.extras_description,
      });
      if (dto.items) await this.courses.replaceItems(manager, id, items);
    });
    return this.get(principal, id);
  }

  /** One call: pin every item to its latest version, and replace withdrawn ones by their successor. */
  async updateItems(principal: Principal, id: string, revision: number): Promise<CourseDto> {
    const course = await this.owned(principal, id);
    assertFresh(revision, course.row_version);
    const inputs: ItemInput[] = [];
    for (const item of await this.courses.items(id)) {
      const state = itemState(facts(item, false));
      if (state === 'withdrawn' && item.successor_id)
        inputs.push({ assetId: item.successor_id, version: null, location: item.location });
      else
        inputs.push({
          assetId: item.asset_id,
          version: state === 'update-available' ? null : item.version,
          location: item.location,
        });
    }
    const items = await this.validItems(inputs, course.extras_cents, true);
    await this.tx.run(async (manager) => {
      await this.courses.update(manager, id, revision, fieldsOf(course));
      await this.courses.replaceItems(manager, id, items);
    });
    return this.get(principal, id);
  }

  async share(principal: Principal, id: string): Promise<ShareLinkDto> {
    await this.owned(principal, id);
    const token = randomBytes(32).toString('base64url');
    await this.courses.setShareHash(id, fingerprint(token));
    const html = `/api/v1/shared/courses/${token}`;
    return { token, html, json: `${html}?format=json`, csv: `${html}?format=csv` };
  }

  async unshare(principal: Principal, id: string): Promise<void> {
    await this.owned(principal, id);
    await this.courses.setShareHash(id, null);
  }

  async shared(token: string): Promise<CourseDto> {
    const course = /^[A-Za-z0-9_-]{20,100}$/.test(token)
      ? await this.courses.findByShareHash(fingerprint(token))
      : undefined;
    if (!course) throw new NotFoundError('shared course', 'this link (it may have been revoked)');
    return this.toDto(course);
  }

  private async owned(principal: Principal, id: string): Promise<CourseRow> {
    const course = await this.courses.find(id);
    if (!course) throw new NotFoundError('course', id);
    const owner =
      principal.role === 'admin' ||
      (principal.role === 'llo-office' &&
        (course.owner_organisation_id
          ? course.owner_organisation_id === principal.organisationId
          : course.owner_user_id === principal.userId));
    if (!owner)
      throw new ForbiddenError(
        'Only the LLO office that owns this course (or an admin) may see or change it',
      );
    return course;
  }

  private async checkAudience(audience: string): Promise<void> {
    (await this.taxonomy.checker()).code('audience', 'audiences', audience).throwIfInvalid();
  }

  /**
   * An existing organisation, or the employer found by name (aliases count), or a new one;
   * ten requests naming the same new employer at once all get the same organisation.
   */
  private async employer(input: EmployerInputDto, manager: EntityManager): Promise<string> {
    if (Boolean(input.organisationId) === Boolean(input.name)) {
      throw new ValidationFailedError([
        { field: 'employer', message: 'give exactly one of organisationId and name' },
      ]);
    }
    if (input.organisationId) {
      const [found] = await this.organisations.findByIds([input.organisationId], manager);
      if (!found)
        throw new ValidationFailedError([
          {
            field: 'employer.organisationId',
            message: `unknown organisation ${input.organisationId}`,
          },
        ]);
      return found.id;
    }
    const key = nameKey(input.name!);
    if (!key)
      throw new ValidationFailedError([
        { field: 'employer.name', message: 'must contain letters or digits' },
      ]);
    return this.organisations.findOrInsert(manager, {
      name: input.name!.trim(),
      nameKey: key,
      shortName: null,
      type: 'company',
      kvkNumber: null,
      brinCode: null,
      website: null,
      addresses: [],
      source: 'user',
    });
  }

  private async validItems(inputs: ItemInput[], extrasCents: number, allowWithdrawn = false) {
    const rows = await this.courses.describe(inputs);
    const found = new Map(rows.map((row) => [Number(row.position), row]));
    const problems: FieldError[] = [];
    inputs.forEach((input, index) => {
      if (!found.has(index + 1)) {
        problems.push({
          field: `items.${index}.${input.version ? 'version' : 'assetId'}`,
          message: input.version
            ? `version ${input.version} of ${input.assetId} was never published`
            : `no published asset ${input.assetId}`,
        });
      }
    });
    if (problems.length > 0) throw new ValidationFailedError(problems);
    const itemFacts = await Promise.all(
      rows.map(async (row) => facts(row, await this.nonCommercial(row.license))),
    );
    const invalid = errors(itemFacts, extrasCents).filter(
      (error) => !allowWithdrawn || error.message !== 'must be published',
    );
    if (invalid.length > 0) throw new ValidationFailedError(invalid);
    return rows.map((row) => ({
      assetId: row.asset_id,
      version: row.version,
      location: row.location,
    }));
  }

  private async nonCommercial(license: string): Promise<boolean> {
    return (await this.taxonomy.term('licenses', license))?.attributes.nonCommercial === true;
  }

  private async toDto(course: CourseRow, items?: ItemRow[]): Promise<CourseDto> {
    const rows = items ?? (await this.courses.items(course.id));
    const itemFacts = await Promise.all(
      rows.map(async (row) => facts(row, await this.nonCommercial(row.license))),
    );
    return {
      id: course.id,
      title: course.title,
      employer: { id: course.employer_organisation_id, name: course.employer_name },
      audience: course.audience,
      goals: course.goals,
      schedule: {
        ...(course.start_date ? { start: course.start_date } : {}),
        ...(course.end_date ? { end: course.end_date } : {}),
        ...(course.duration_weeks ? { durationWeeks: course.duration_weeks } : {}),
      },
      status: course.status,
      extrasCents: course.extras_cents,
      extrasDescription: course.extras_description,
      items: rows.map((row, index) => ({
        position: index + 1,
        assetId: row.asset_id,
        kind: row.kind,
        title: row.title,
        ppsName: row.pps_name,
        version: row.version,
        latestVersion: row.latest_version ?? row.version,
        state: itemState(itemFacts[index]),
        studyLoadHours: itemFacts[index].studyLoadHours,
        priceCents: row.price_cents,
        certification: row.certification,
        deliveryModes: row.delivery_modes,
        levels: row.levels,
        license: row.license,
        location: row.location,
      })),
      totals: totals(itemFacts, course.extras_cents),
      warnings: warnings(itemFacts),
      shared: course.share_token_hash !== null,
      revision: course.row_version,
      updatedAt: new Date(course.updated_at).toISOString(),
    };
  }
}

function toInput(item: { assetId: string; version?: number; location?: string }): ItemInput {
  return { assetId: item.assetId, version: item.version ?? null, location: item.location ?? null };
}

function pinned(row: ItemRow): ItemInput {
  return { assetId: row.asset_id, version: row.version, location: row.location };
}

function facts(row: ItemRow, nonCommercial: boolean): ItemFacts {
  return {
    position: Number(row.position),
    assetId: row.asset_id,
    kind: row.kind,
    title: row.title,
    status: row.status,
    version: row.version,
    latestVersion: row.latest_version ?? row.version,
    studyLoadHours: row.study_load_hours === null ? null : Number(row.study_load_hours),
    priceCents: row.price_cents,
    certification: row.certification,
    stackable: row.stackable,
    deliveryModes: row.delivery_modes,
    levels: row.levels,
    nonCommercial,
    prerequisiteIds: row.prerequisite_ids,
  };
}

function fieldsOf(course: CourseRow) {
  return {
    title: course.title,
    employerOrganisationId: course.employer_organisation_id,
    audience: course.audience,
    goals: course.goals,
    startDate: course.start_date,
    endDate: course.end_date,
    durationWeeks: course.duration_weeks,
    status: course.status,
    extrasCents: course.extras_cents,
    extrasDescription: course.extras_description,
  };
}
