import { Inject, Injectable, Optional } from '@nestjs/common';
import { Principal } from '@bouwsteen/auth';
import {
  Clock,
  DomainException,
  FieldCode,
  FieldError,
  ForbiddenError,
  NotFoundError,
  Page,
  nameKey,
  slugify,
  toPage,
  unknownOrganisation,
} from '@bouwsteen/common';
import {
  AuditTrail,
  OutboxWriter,
  PUBLIC_FACE,
  PublicFace,
  TransactionRunner,
  changedFields,
} from '@bouwsteen/database';
import { TaxonomyService } from '@bouwsteen/taxonomy';
import { CreatePpsDto, PpsDto, PpsListQueryDto, PpsSummaryDto, UpdatePpsDto } from './dto/pps.dto';
import { PpsEntity } from './entities/pps.entity';
import { OrganisationsRepository } from './organisations.repository';
import { toPpsDto, toPpsSummaryDto } from './pps.mapper';
import { PpsDirectory } from './pps-directory';
import { PpsPolicy } from './pps.policy';
import { PartnerFields, PpsFields, PpsRepository } from './pps.repository';
import { OrganisationError } from './organisation.errors';

/** The region has a few dozen PPS; the directory stops here. */
const DIRECTORY_MAX = 1000;

@Injectable()
export class PpsService {
  private readonly directoryCache = new PpsDirectory<PpsSummaryDto>(
    () =>
      this.pps
        .list({ offset: 0, limit: DIRECTORY_MAX })
        .then(([rows]) => rows.map(toPpsSummaryDto)),
    () => this.clock.now().getTime(),
  );

  constructor(
    private readonly pps: PpsRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly taxonomy: TaxonomyService,
    private readonly tx: TransactionRunner,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
    @Optional() @Inject(PUBLIC_FACE) private readonly publicFace?: PublicFace,
  ) {}

  /** Every PPS, by name, for pages that list or name them all (see PpsDirectory). */
  directory(): Promise<readonly PpsSummaryDto[]> {
    return this.directoryCache.items();
  }

  async get(id: string): Promise<PpsDto> {
    return toPpsDto(await this.require(id));
  }

  async list(query: PpsListQueryDto): Promise<Page<PpsSummaryDto>> {
    const [rows, total] = await this.pps.list({
      province: query.province,
      leadInstitution: query.leadInstitution,
      status: query.status,
      configuration: query.configuration,
      q: query.q,
      offset: query.offset,
      limit: query.pageSize,
    });
    return toPage(rows.map(toPpsSummaryDto), total, query);
  }

  async create(principal: Principal, dto: CreatePpsDto, source = 'user'): Promise<PpsDto> {
    if (principal.role !== 'admin') throw new ForbiddenError('Only an admin registers a new PPS');
    await this.validate(dto);
    const key = nameKey(dto.name);
    if (await this.pps.findByKey(key))
      throw new DomainException(
        OrganisationError.PpsExists,
        `A PPS named "${dto.name}" already exists`,
      );
    const saved = await this.tx.run((manager) =>
      this.pps.insert(
        manager,
        {
          ...this.toFields(dto),
          name: dto.name.trim(),
          nameKey: key,
          slug: slugify(dto.name),
          leadOrganisationId: dto.leadOrganisationId,
          source,
        } as PpsFields,
        this.toPartners(dto),
      ),
    );
    this.directoryCache.forget();
    return this.get(saved.id);
  }

  async update(
    principal: Principal,
    id: string,
    revision: number,
    dto: UpdatePpsDto,
  ): Promise<PpsDto> {
    const current = await this.require(id);
    if (!PpsPolicy.canEdit(principal, id))
      throw new ForbiddenError('Only editors of this PPS (or an admin) may edit it');
    const adminOnly = PpsPolicy.adminOnlyChanges(principal, dto);
    if (adminOnly.length > 0) {
      throw new ForbiddenError(`Only an admin may change ${adminOnly.join(' and ')}`);
    }
    await this.validate(dto, current);
    if (dto.name !== undefined) {
      const holder = await this.pps.findByKey(nameKey(dto.name));
      if (holder && holder.id !== id)
        throw new DomainException(
          OrganisationError.PpsExists,
          `A PPS named "${dto.name}" already exists`,
        );
    }
    await this.tx.run(async (manager) => {
      await this.pps.update(manager, id, revision, {
        ...this.toFields(dto),
        ...(dto.name !== undefined ? { name: dto.name.trim(), nameKey: nameKey(dto.name) } : {}),
        ...(dto.leadOrganisationId !== undefined
          ? { leadOrganisationId: dto.leadOrganisationId }
          : {}),
      });
      if (dto.partners !== undefined)
        await this.pps.replacePartners(manager, id, this.toPartners(dto));
      // Name, lead institution and provinces are copied into every asset document of the PPS,
      // and into what harvesters see of its blocks.
      await this.outbox.enqueue(manager, 'pps', id);
      await this.publicFace?.ppsChanged(manager, [id]);
      await this.audit.record(manager, {
        actorId: principal.userId,
        action: 'updated',
        subjectType: 'pps',
        subjectId: id,
        summary: `${current.name}: ${changedFields(dto)}`,
      });
    });
    this.directoryCache.forget();
    return this.get(id);
  }

  private async require(id: string): Promise<PpsEntity> {
    const pps = await this.pps.findById(id);
    if (!pps) throw new NotFoundError(OrganisationError.PpsNotFound, 'pps', id);
    return pps;
  }

  private async validate(dto: UpdatePpsDto, current?: PpsEntity): Promise<void> {
    const check = (await this.taxonomy.checker())
      .codes('provinces', 'provinces', dto.provinces)
      .codes('configurations', 'configurations', dto.configurations)
      .codes('buildingBlocks', 'buildingBlocks', dto.buildingBlocks)
      .codes('provincialThemes', 'provincialThemes', dto.provincialThemes)
      .codes('societalChallenges', 'societalChallenges', dto.societalChallenges)
      .code('focus', 'focus', dto.focus)
      .code('sustainmentModel', 'sustainmentModels', dto.sustainmentModel)
      .code('status', 'ppsStatuses', dto.status);
    dto.partners?.forEach((partner, index) =>
      check.code(`partners.${index}.role`, 'partnerRoles', partner.role),
    );
    const errors: FieldError[] = [];
    const start = dto.funding?.start ?? current?.fundingStart;
    const end = dto.funding?.end ?? current?.fundingEnd;
    if (start && end && end < start)
      errors.push({
        field: 'funding.end',
        message: 'must not be before funding.start',
        code: FieldCode.EndBeforeStart,
      });
    const organisationIds = [
      ...(dto.leadOrganisationId ? [dto.leadOrganisationId] : []),
      ...(dto.partners ?? []).map((partner) => partner.organisationId),
    ];
    const known = new Set(
      (await this.organisations.findByIds(organisationIds)).map((org) => org.id),
    );
    if (dto.leadOrganisationId && !known.has(dto.leadOrganisationId)) {
      errors.push(unknownOrganisation('leadOrganisationId', dto.leadOrganisationId));
    }
    const seen = new Set<string>();
    dto.partners?.forEach((partner, index) => {
      if (!known.has(partner.organisationId)) {
        errors.push(
          unknownOrganisation(`partners.${index}.organisationId`, partner.organisationId),
        );
      }
      if (seen.has(partner.organisationId)) {
        errors.push({
          field: `partners.${index}.organisationId`,
          message: 'is listed twice',
          code: FieldCode.ListedTwice,
        });
      }
      seen.add(partner.organisationId);
    });
    errors.forEach((error) => check.add(error));
    check.throwIfInvalid();
  }

  private toFields(dto: UpdatePpsDto): Partial<PpsFields> {
    const fields: Partial<PpsFields> = {};
    if (dto.provinces !== undefined) fields.provinces = dto.provinces;
    if (dto.configurations !== undefined) fields.configurations = dto.configurations;
    if (dto.buildingBlocks !== undefined) fields.buildingBlocks = dto.buildingBlocks;
    if (dto.provincialThemes !== undefined) fields.provincialThemes = dto.provincialThemes;
    if (dto.societalChallenges !== undefined) fields.societalChallenges = dto.societalChallenges;
    if (dto.focus !== undefined) fields.focus = dto.focus;
    if (dto.growthPhase !== undefined) fields.growthPhase = dto.growthPhase;
    if (dto.wave !== undefined) fields.wave = dto.wave;
    if (dto.coordinationPosition !== undefined)
      fields.coordinationPosition = dto.coordinationPosition;
    if (dto.sustainmentModel !== undefined) fields.sustainmentModel = dto.sustainmentModel;
    if (dto.funding !== undefined) {
      fields.fundingScheme = dto.funding.scheme ?? null;
      fields.fundingStart = dto.funding.start ?? null;
      fields.fundingEnd = dto.funding.end ?? null;
    }
    if (dto.status !== undefined) fields.status = dto.status;
    if (dto.purpose !== undefined) fields.purpose = dto.purpose;
    if (dto.impact !== undefined) fields.impact = { ...dto.impact };
    if (dto.website !== undefined) fields.website = dto.website;
    return fields;
  }

  private toPartners(dto: UpdatePpsDto): PartnerFields[] {
    return (dto.partners ?? []).map((partner) => ({
      organisationId: partner.organisationId,
      tier: partner.tier,
      role: partner.role,
      contribution: partner.contribution ?? null,
    }));
  }
}
