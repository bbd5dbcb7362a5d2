import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, EntityManager, In, QueryFailedError, Repository } from 'typeorm';
import { DomainException } from '@bouwsteen/common';
import { updateAtRevision } from '@bouwsteen/database';
import { OrganisationAliasEntity } from './entities/organisation-alias.entity';
import { OrganisationEntity } from './entities/organisation.entity';
import { OrganisationError } from './organisation.errors';

export interface OrganisationListFilter {
  q?: string;
  type?: string;
  offset: number;
  limit: number;
}

export type OrganisationFields = Pick<
  OrganisationEntity,
  | 'name'
  | 'nameKey'
  | 'shortName'
  | 'type'
  | 'kvkNumber'
  | 'brinCode'
  | 'website'
  | 'addresses'
  | 'source'
>;

@Injectable()
export class OrganisationsRepository {
  constructor(
    @InjectRepository(OrganisationEntity)
    private readonly organisations: Repository<OrganisationEntity>,
  ) {}

  /**
   * One query: findOne with relations asks twice (the ids first, to limit rows of a join), and
   * an institution is read on every building block page.
   */
  findById(id: string): Promise<OrganisationEntity | null> {
    return this.organisations
      .createQueryBuilder('o')
      .leftJoinAndSelect('o.aliases', 'alias')
      .leftJoinAndSelect('o.domains', 'domain')
      .where('o.id = :id', { id })
      .getOne();
  }

  findByIds(
    ids: string[],
    manager: EntityManager = this.organisations.manager,
  ): Promise<OrganisationEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return manager.getRepository(OrganisationEntity).findBy({ id: In(ids) });
  }

  /** The organisation whose name or any alias has this matching key. */
  async findByKey(
    key: string,
    manager: EntityManager = this.organisations.manager,
  ): Promise<OrganisationEntity | null> {
    return manager
      .getRepository(OrganisationEntity)
      .createQueryBuilder('o')
      .leftJoinAndSelect('o.aliases', 'a')
      .where('o.nameKey = :key', { key })
      .orWhere('o.id IN (SELECT organisation_id FROM organisation_alias WHERE alias_key = :key)', {
        key,
      })
      .getOne();
  }

  async list(filter: OrganisationListFilter): Promise<[OrganisationEntity[], number]> {
    const query = this.organisations
      .createQueryBuilder('o')
      .leftJoinAndSelect('o.aliases', 'a')
      .leftJoinAndSelect('o.domains', 'd')
      .orderBy('o.nameKey', 'ASC')
      .skip(filter.offset)
      .take(filter.limit);
    if (filter.type) query.andWhere('o.type = :type', { type: filter.type });
    if (filter.q) {
      const pattern = `%${escapeLike(filter.q.toLowerCase())}%`;
      query.andWhere(
        new Brackets((where) =>
          where
            .where('lower(o.name) LIKE :pattern', { pattern })
            .orWhere('lower(o.shortName) LIKE :pattern', { pattern })
            .orWhere(
              'o.id IN (SELECT organisation_id FROM organisation_alias WHERE lower(alias) LIKE :pattern)',
              { pattern },
            ),
        ),
      );
    }
    return query.getManyAndCount();
  }

  async insert(
    manager: EntityManager,
    fields: OrganisationFields,
    aliases: { alias: string; aliasKey: string }[],
  ): Promise<OrganisationEntity> {
    const repository = manager.getRepository(OrganisationEntity);
    const saved = await repository.save(repository.create(fields));
    await this.addAliases(manager, saved.id, aliases);
    return saved;
  }

  /**
   * The organisation with this name key, created (as `fields`) when there is none: safe when
   * several requests name the same new organisation at once, since the unique key decides and
   * the losers read the winner's row.
   */
  async findOrInsert(manager: EntityManager, fields: OrganisationFields): Promise<string> {
    const existing = await this.findByKey(fields.nameKey, manager);
    if (existing) return existing.id;
    await manager.query(
      `INSERT INTO organisation (name, name_key, short_name, type, kvk_number, brin_code, website, addresses, source)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (name_key) DO NOTHING`,
      [
        fields.name,
        fields.nameKey,
        fields.shortName,
        fields.type,
        fields.kvkNumber,
        fields.brinCode,
        fields.website,
        JSON.stringify(fields.addresses),
        fields.source,
      ],
    );
    return (await this.findByKey(fields.nameKey, manager))!.id;
  }

  async addAliases(
    manager: EntityManager,
    organisationId: string,
    aliases: { alias: string; aliasKey: string }[],
  ): Promise<number> {
    let added = 0;
    for (const { alias, aliasKey } of aliases) {
      const rows: unknown[] = await manager.query(
        `INSERT INTO organisation_alias (organisation_id, alias, alias_key) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING 1`,
        [organisationId, alias, aliasKey],
      );
      added += rows.length;
    }
    return added;
  }

  async replaceAliases(
    manager: EntityManager,
    organisationId: string,
    aliases: { alias: string; aliasKey: string }[],
  ): Promise<void> {
    await manager.getRepository(OrganisationAliasEntity).delete({ organisationId });
    await this.addAliases(manager, organisationId, aliases);
  }

  /** The organisation listing this home organisation domain (lower case), if any. */
  async organisationOfDomain(domain: string): Promise<string | undefined> {
    const rows: { id: string }[] = await this.organisations.manager.query(
      `SELECT organisation_id AS id FROM organisation_domain WHERE domain = $1`,
      [domain],
    );
    return rows[0]?.id;
  }

  /** Which of `domains` another organisation lists, with that organisation's name. */
  async domainsOfOthers(
    domains: string[],
    ownId: string | undefined,
  ): Promise<{ domain: string; name: string }[]> {
    if (domains.length === 0) return [];
    return this.organisations.manager.query(
      `SELECT d.domain, o.name FROM organisation_domain d JOIN organisation o ON o.id = d.organisation_id
       WHERE d.domain = ANY($1::text[]) AND ($2::uuid IS NULL OR d.organisation_id <> $2::uuid)
       ORDER BY d.domain`,
      [domains, ownId ?? null],
    );
  }

  async replaceDomains(
    manager: EntityManager,
    organisationId: string,
    domains: string[],
  ): Promise<void> {
    await manager.query(`DELETE FROM organisation_domain WHERE organisation_id = $1`, [
      organisationId,
    ]);
    if (domains.length === 0) return;
    try {
      await manager.query(
        `INSERT INTO organisation_domain (domain, organisation_id) SELECT unnest($1::text[]), $2`,
        [domains, organisationId],
      );
    } catch (error) {
      // Checked before (OrganisationsService), but another organisation took it meanwhile.
      const driver = (error as { driverError?: { constraint?: string; detail?: string } })
        .driverError;
      if (error instanceof QueryFailedError && driver?.constraint === 'organisation_domain_pkey') {
        const domain = /\(domain\)=\(([^)]*)\)/.exec(driver.detail ?? '')?.[1];
        throw new DomainException(
          OrganisationError.DomainTaken,
          `${domain ?? 'A domain'} was given to another organisation at the same moment`,
        );
      }
      throw error;
    }
  }

  update(
    manager: EntityManager,
    id: string,
    revision: number,
    changes: Partial<OrganisationFields>,
  ): Promise<void> {
    return updateAtRevision(
      manager,
      OrganisationEntity,
      OrganisationError.NotFound,
      id,
      revision,
      changes,
    );
  }
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
