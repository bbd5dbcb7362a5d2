import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  DomainException,
  FieldCode,
  FieldError,
  NotFoundError,
  Page,
  ValidationFailedError,
  nameKey,
  toPage,
} from '@bouwsteen/common';
import { Principal } from '@bouwsteen/auth';
import {
  AuditTrail,
  OutboxWriter,
  PUBLIC_FACE,
  PublicFace,
  TransactionRunner,
  changedFields,
} from '@bouwsteen/database';
import { TaxonomyService } from '@bouwsteen/taxonomy';
import {
  CreateOrganisationDto,
  OrganisationDto,
  OrganisationListQueryDto,
  UpdateOrganisationDto,
} from './dto/organisation.dto';
import { OrganisationEntity } from './entities/organisation.entity';
import { toOrganisationDto } from './organisation.mapper';
import { OrganisationsRepository } from './organisations.repository';
import { PpsRepository } from './pps.repository';
import { OrganisationError } from './organisation.errors';

@Injectable()
export class OrganisationsService {
  constructor(
    private readonly organisations: OrganisationsRepository,
    private readonly taxonomy: TaxonomyService,
    private readonly tx: TransactionRunner,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditTrail,
    private readonly pps: PpsRepository,
    @Optional() @Inject(PUBLIC_FACE) private readonly publicFace?: PublicFace,
  ) {}

  async get(id: string): Promise<OrganisationDto> {
    return toOrganisationDto(await this.require(id));
  }

  async list(query: OrganisationListQueryDto): Promise<Page<OrganisationDto>> {
    const [rows, total] = await this.organisations.list({
      q: query.q,
      type: query.type,
      offset: query.offset,
      limit: query.pageSize,
    });
    return toPage(rows.map(toOrganisationDto), total, query);
  }

  async create(dto: CreateOrganisationDto, source = 'user'): Promise<OrganisationDto> {
    await this.checkCodes(dto.type);
    const aliases = await this.freeAliases([dto.name, ...(dto.aliases ?? [])], undefined, dto.name);
    const domains = await this.freeDomains(dto.domains ?? [], undefined);
    const saved = await this.tx.run(async (manager) => {
      const inserted = await this.organisations.insert(
        manager,
        {
          name: dto.name.trim(),
          nameKey: nameKey(dto.name),
          shortName: dto.shortName ?? null,
          type: dto.type,
          kvkNumber: dto.kvkNumber ?? null,
          brinCode: dto.brinCode ?? null,
          website: dto.website ?? null,
          addresses: dto.addresses ?? [],
          source,
        },
        aliases,
      );
      await this.organisations.replaceDomains(manager, inserted.id, domains);
      return inserted;
    });
    return this.get(saved.id);
  }

  async update(
    id: string,
    revision: number,
    dto: UpdateOrganisationDto,
    actor?: Principal,
  ): Promise<OrganisationDto> {
    const current = await this.require(id);
    if (dto.type !== undefined) await this.checkCodes(dto.type);
    const name = dto.name ?? current.name;
    const aliases =
      dto.aliases !== undefined || dto.name !== undefined
        ? await this.freeAliases(
            [name, ...(dto.aliases ?? current.aliases.map((alias) => alias.alias))],
            id,
            name,
          )
        : undefined;
    const domains =
      dto.domains === undefined ? undefined : await this.freeDomains(dto.domains ?? [], id);
    await this.tx.run(async (manager) => {
      await this.organisations.update(manager, id, revision, {
        ...(dto.name !== undefined ? { name: dto.name.trim(), nameKey: nameKey(dto.name) } : {}),
        ...(dto.shortName !== undefined ? { shortName: dto.shortName } : {}),
        ...(dto.type !== undefined ? { type: dto.type } : {}),
        ...(dto.kvkNumber !== undefined ? { kvkNumber: dto.kvkNumber } : {}),
        ...(dto.brinCode !== undefined ? { brinCode: dto.brinCode } : {}),
        ...(dto.website !== undefined ? { website: dto.website } : {}),
        ...(dto.addresses !== undefined ? { addresses: dto.addresses } : {}),
      });
      if (aliases) await this.organisations.replaceAliases(manager, id, aliases);
      if (domains) await this.organisations.replaceDomains(manager, id, domains);
      if (dto.name !== undefined) {
        await this.outbox.enqueue(manager, 'organisation', id);
        // A lead institution's name is part of its PPS' blocks as harvesters see them.
        await this.publicFace?.ppsChanged(manager, await this.pps.idsLedBy(manager, id));
      }
      await this.audit.record(manager, {
        actorId: actor?.userId ?? null,
        action: 'updated',
        subjectType: 'organisation',
        subjectId: id,
        summary: `${current.name}: ${changedFields(dto)}`,
      });
    });
    return this.get(id);
  }

  private async require(id: string): Promise<OrganisationEntity> {
    const organisation = await this.organisations.findById(id);
    if (!organisation) throw new NotFoundError(OrganisationError.NotFound, 'organisation', id);
    return organisation;
  }

  private async checkCodes(type: string): Promise<void> {
    (await this.taxonomy.checker()).code('type', 'organisationTypes', type).throwIfInvalid();
  }

  /**
   * The home organisation domains to store (each once): 409 when another organisation lists
   * one of them already — a person's institution must be one organisation.
   */
  private async freeDomains(domains: string[], ownId: string | undefined): Promise<string[]> {
    const unique = [...new Set(domains)];
    const taken = await this.organisations.domainsOfOthers(unique, ownId);
    if (taken.length > 0)
      throw new DomainException(
        OrganisationError.DomainTaken,
        taken.map(({ domain, name }) => `${domain} belongs to ${name}`).join('; '),
      );
    return unique;
  }

  /**
   * Names and aliases share one key space: "ROC Nova College" may not become a second
   * organisation beside "Nova College", but is kept as an alias of it. Returns the aliases to store.
   */
  private async freeAliases(names: string[], ownId: string | undefined, primaryName: string) {
    const errors: FieldError[] = [];
    const aliases = new Map<string, string>();
    for (const [index, raw] of names.entries()) {
      const text = raw.trim();
      const key = nameKey(text);
      if (!key) {
        errors.push({
          field: index === 0 ? 'name' : `aliases.${index - 1}`,
          message: 'must contain letters or digits',
          code: FieldCode.NeedsLettersOrDigits,
        });
        continue;
      }
      const holder = await this.organisations.findByKey(key);
      if (holder && holder.id !== ownId) {
        throw new DomainException(
          OrganisationError.OrganisationExists,
          `"${text}" already names organisation ${holder.name} (${holder.id})`,
        );
      }
      if (index > 0 && text.toLowerCase() !== primaryName.trim().toLowerCase() && !aliases.has(key))
        aliases.set(key, text);
    }
    if (errors.length > 0) throw new ValidationFailedError(errors);
    return [...aliases].map(([aliasKey, alias]) => ({ alias, aliasKey }));
  }
}
