import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Licenses } from '@bouwsteen/assets';
import { Principal } from '@bouwsteen/auth';
import {
  FieldCode,
  FieldError,
  ForbiddenError,
  NotFoundError,
  Page,
  ValidationFailedError,
  assertFresh,
  fingerprint,
  nameKey,
  toPage,
  unknownOrganisation,
} from '@bouwsteen/common';
import { TransactionRunner } from '@bouwsteen/database';
import { OrganisationsRepository } from '@bouwsteen/organisations';
import { TaxonomyService } from '@bouwsteen/taxonomy';
import { CoursePolicy } from './course.policy';
import { ItemFacts, errors, itemState, totals, warnings } from './course-rules';
import {
  Course,
  CourseFields,
  CourseItem,
  CoursesRepository,
  ItemInput,
} from './courses.repository';
import {
  CourseDto,
  CourseListQueryDto,
  CreateCourseDto,
  EmployerInputDto,
  UpdateCourseDto,
} from './dto/course.dto';
import { CourseError } from './course.errors';
import { ShareLinks, SharedLink } from './share-links';
import { DomainException } from '@bouwsteen/common';

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
    private readonly licenses: Licenses,
    private readonly tx: TransactionRunner,
    private readonly shareLinks: ShareLinks,
  ) {}

  async list(principal: Principal, query: CourseListQueryDto): Promise<Page<CourseDto>> {
    const [courses, total] = await this.courses.list(
      CoursePolicy.ownerScope(principal),
      query.offset,
      query.pageSize,
    );
    // One query for the items of the whole page, not one per course.
    const items = await this.courses.itemsOf(courses.map((course) => course.id));
    return toPage(
      await Promise.all(courses.map((course) => this.toDto(course, items.get(course.id)!))),
      total,
      query,
    );
  }

  async get(principal: Principal, id: string): Promise<CourseDto> {
    return this.toDto(await this.owned(principal, id));
  }

  async create(principal: Principal, dto: CreateCourseDto): Promise<CourseDto> {
    await this.checkAudience(dto.audience);
    const items = await this.validItems(dto.items.map(toInput), dto.extrasCents ?? 0);
    // The employer is registered in the course's own transaction: a refused course leaves no
    // organisation behind.
    const id = await this.tx.run(async (manager) => {
      const courseId = await this.courses.insert(
        manager,
        {
          title: dto.title,
          employerOrganisationId: await this.employer(dto.employer, manager),
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
    assertFresh(revision, course.revision);
    if (dto.audience !== undefined) await this.checkAudience(dto.audience);
    const extras = dto.extrasCents ?? course.extrasCents;
    const inputs = dto.items ? dto.items.map(toInput) : (await this.courses.items(id)).map(pinned);
    // Items already in the course may have been archived since; that is flagged, not refused.
    const items = await this.validItems(inputs, extras, !dto.items);
    await this.tx.run(async (manager) => {
      await this.courses.update(manager, id, revision, {
        title: dto.title ?? course.title,
        employerOrganisationId: dto.employer
          ? await this.employer(dto.employer, manager)
          : course.employer.id,
        audience: dto.audience ?? course.audience,
        goals: dto.goals !== undefined ? dto.goals : course.goals,
        startDate: dto.schedule ? (dto.schedule.start ?? null) : course.startDate,
        endDate: dto.schedule ? (dto.schedule.end ?? null) : course.endDate,
        durationWeeks: dto.schedule ? (dto.schedule.durationWeeks ?? null) : course.durationWeeks,
        status: dto.status ?? course.status,
        extrasCents: extras,
        extrasDescription:
          dto.extrasDescription !== undefined ? dto.extrasDescription : course.extrasDescription,
      });
      if (dto.items) await this.courses.replaceItems(manager, id, items);
    });
    return this.get(principal, id);
  }

  /** One call: pin every item to its latest version, and replace withdrawn ones by their successor. */
  async updateItems(principal: Principal, id: string, revision: number): Promise<CourseDto> {
    const course = await this.owned(principal, id);
    assertFresh(revision, course.revision);
    const inputs: ItemInput[] = [];
    for (const item of await this.courses.items(id)) {
      const state = itemState(item);
      if (state === 'withdrawn' && item.successorId)
        inputs.push({ assetId: item.successorId, version: null, location: item.location });
      else
        inputs.push({
          assetId: item.assetId,
          version: state === 'update-available' ? null : item.version,
          location: item.location,
        });
    }
    const items = await this.validItems(inputs, course.extrasCents, true);
    await this.tx.run(async (manager) => {
      await this.courses.update(manager, id, revision, fieldsOf(course));
      await this.courses.replaceItems(manager, id, items);
    });
    return this.get(principal, id);
  }

  /** The public link for the employer: made by the first request, the same for every later one. */
  async share(principal: Principal, id: string): Promise<SharedLink> {
    await this.owned(principal, id);
    return this.shareLinks.current(id);
  }

  /** A new public link; the one in force stops working. */
  async replaceShare(principal: Principal, id: string): Promise<SharedLink> {
    await this.owned(principal, id);
    return this.shareLinks.replace(id);
  }

  async unshare(principal: Principal, id: string): Promise<void> {
    await this.owned(principal, id);
    await this.courses.unshare(id);
  }

  async shared(token: string): Promise<CourseDto> {
    return this.toDto(await this.findShared(token));
  }

  /** The shared course and the organisation of the LLO office that made it (its contact). */
  async sharedWithOffice(
    token: string,
  ): Promise<{ course: CourseDto; officeOrganisationId: string | null }> {
    const course = await this.findShared(token);
    return { course: await this.toDto(course), officeOrganisationId: course.ownerOrganisationId };
  }

  private async findShared(token: string): Promise<Course> {
    const course = /^[A-Za-z0-9_-]{20,100}$/.test(token)
      ? await this.courses.findByShareHash(fingerprint(token))
      : undefined;
    if (!course)
      throw new DomainException(
        CourseError.SharedNotFound,
        'This link does not work (any more): it may have been revoked or replaced',
      );
    return course;
  }

  private async owned(principal: Principal, id: string): Promise<Course> {
    const course = await this.courses.find(id);
    if (!course) throw new NotFoundError(CourseError.NotFound, 'course', id);
    if (!CoursePolicy.canManage(principal, course))
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
        {
          field: 'employer',
          message: 'give exactly one of organisationId and name',
          code: FieldCode.ExactlyOneEmployer,
        },
      ]);
    }
    if (input.organisationId) {
      const [found] = await this.organisations.findByIds([input.organisationId], manager);
      if (!found)
        throw new ValidationFailedError([
          unknownOrganisation('employer.organisationId', input.organisationId),
        ]);
      return found.id;
    }
    const key = nameKey(input.name!);
    if (!key)
      throw new ValidationFailedError([
        {
          field: 'employer.name',
          message: 'must contain letters or digits',
          code: FieldCode.NeedsLettersOrDigits,
        },
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
    const described = await this.courses.describe(inputs);
    const found = new Map(described.map((item) => [item.position, item]));
    const problems: FieldError[] = [];
    inputs.forEach((input, index) => {
      if (!found.has(index + 1)) {
        problems.push(
          input.version
            ? {
                field: `items.${index}.version`,
                message: `version ${input.version} of ${input.assetId} was never published`,
                code: FieldCode.VersionNotPublished,
                values: { version: input.version },
              }
            : {
                field: `items.${index}.assetId`,
                message: `no published asset ${input.assetId}`,
                code: FieldCode.NoPublishedAsset,
                values: { id: input.assetId },
              },
        );
      }
    });
    if (problems.length > 0) throw new ValidationFailedError(problems);
    const invalid = errors(await this.facts(described), extrasCents).filter(
      (error) => !allowWithdrawn || error.code !== FieldCode.NotPublished,
    );
    if (invalid.length > 0) throw new ValidationFailedError(invalid);
    return described.map((item) => ({
      assetId: item.assetId,
      version: item.version,
      location: item.location,
    }));
  }

  /** What the rules need: the items plus their license terms (assets' one home for those). */
  private facts(items: CourseItem[]): Promise<ItemFacts[]> {
    return Promise.all(
      items.map(async (item) => ({
        ...item,
        nonCommercial: (await this.licenses.terms(item.license)).nonCommercial,
      })),
    );
  }

  private async toDto(course: Course, loaded?: CourseItem[]): Promise<CourseDto> {
    const items = loaded ?? (await this.courses.items(course.id));
    const itemFacts = await this.facts(items);
    return {
      id: course.id,
      title: course.title,
      employer: course.employer,
      audience: course.audience,
      goals: course.goals,
      schedule: {
        ...(course.startDate ? { start: course.startDate } : {}),
        ...(course.endDate ? { end: course.endDate } : {}),
        ...(course.durationWeeks ? { durationWeeks: course.durationWeeks } : {}),
      },
      status: course.status,
      extrasCents: course.extrasCents,
      extrasDescription: course.extrasDescription,
      items: items.map((item, index) => ({
        position: index + 1,
        assetId: item.assetId,
        kind: item.kind,
        title: item.title,
        ppsName: item.ppsName,
        version: item.version,
        latestVersion: item.latestVersion,
        state: itemState(item),
        studyLoadHours: item.studyLoadHours,
        priceCents: item.priceCents,
        certification: item.certification,
        deliveryModes: item.deliveryModes,
        levels: item.levels,
        license: item.license,
        location: item.location,
      })),
      totals: totals(itemFacts, course.extrasCents),
      warnings: warnings(itemFacts),
      shared: course.shared,
      revision: course.revision,
      updatedAt: course.updatedAt.toISOString(),
    };
  }

  /** Per block, how many LLO courses hold it (counts only, never who): the publishers' usage figures. */
  countsByAsset(assetIds: readonly string[]): Promise<Map<string, number>> {
    return this.courses.countsByAsset(assetIds);
  }
}

function toInput(item: { assetId: string; version?: number; location?: string }): ItemInput {
  return { assetId: item.assetId, version: item.version ?? null, location: item.location ?? null };
}

function pinned(item: CourseItem): ItemInput {
  return { assetId: item.assetId, version: item.version, location: item.location };
}

function fieldsOf(course: Course): CourseFields {
  return {
    title: course.title,
    employerOrganisationId: course.employer.id,
    audience: course.audience,
    goals: course.goals,
    startDate: course.startDate,
    endDate: course.endDate,
    durationWeeks: course.durationWeeks,
    status: course.status,
    extrasCents: course.extrasCents,
    extrasDescription: course.extrasDescription,
  };
}
