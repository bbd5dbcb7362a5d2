import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { updateAtRevision } from '@bouwsteen/database';
import { PpsPartnerEntity } from './entities/pps-partner.entity';
import { PpsEntity } from './entities/pps.entity';
import { escapeLike } from './organisations.repository';
import { OrganisationError } from './organisation.errors';

export interface PpsListFilter {
  province?: string;
  leadInstitution?: string;
  status?: string;
  configuration?: string;
  q?: string;
  offset: number;
  limit: number;
}

export type PpsFields = Omit<
  PpsEntity,
  'id' | 'leadOrganisation' | 'partners' | 'rowVersion' | 'createdAt' | 'updatedAt'
>;
export type PartnerFields = Pick<
  PpsPartnerEntity,
  'organisationId' | 'tier' | 'role' | 'contribution'
>;

@Injectable()
export class PpsRepository {
  constructor(@InjectRepository(PpsEntity) private readonly pps: Repository<PpsEntity>) {}

  findById(id: string): Promise<PpsEntity | null> {
    return this.pps
      .createQueryBuilder('p')
      .innerJoinAndSelect('p.leadOrganisation', 'lead')
      .leftJoinAndSelect('p.partners', 'partner')
      .leftJoinAndSelect('partner.organisation', 'partnerOrganisation')
      .where('p.id = :id', { id })
      .orderBy('partner.tier', 'ASC')
      .addOrderBy('partnerOrganisation.nameKey', 'ASC')
      .getOne();
  }

  findByKey(nameKey: string, manager: EntityManager = this.pps.manager): Promise<PpsEntity | null> {
    return manager.getRepository(PpsEntity).findOneBy({ nameKey });
  }

  async list(filter: PpsListFilter): Promise<[PpsEntity[], number]> {
    const query = this.pps
      .createQueryBuilder('p')
      .innerJoinAndSelect('p.leadOrganisation', 'lead')
      .orderBy('p.nameKey', 'ASC')
      .skip(filter.offset)
      .take(filter.limit);
    if (filter.province)
      query.andWhere(':province = ANY(p.provinces)', { province: filter.province });
    if (filter.leadInstitution)
      query.andWhere('p.leadOrganisationId = :lead', { lead: filter.leadInstitution });
    if (filter.status) query.andWhere('p.status = :status', { status: filter.status });
    if (filter.configuration)
      query.andWhere(':configuration = ANY(p.configurations)', {
        configuration: filter.configuration,
      });
    if (filter.q)
      query.andWhere('lower(p.name) LIKE :q', { q: `%${escapeLike(filter.q.toLowerCase())}%` });
    return query.getManyAndCount();
  }

  async insert(
    manager: EntityManager,
    fields: PpsFields,
    partners: PartnerFields[],
  ): Promise<PpsEntity> {
    const repository = manager.getRepository(PpsEntity);
    const saved = await repository.save(repository.create(fields));
    await this.replacePartners(manager, saved.id, partners);
    return saved;
  }

  update(
    manager: EntityManager,
    id: string,
    revision: number,
    changes: Partial<PpsFields>,
  ): Promise<void> {
    return updateAtRevision(
      manager,
      PpsEntity,
      OrganisationError.PpsNotFound,
      id,
      revision,
      changes,
    );
  }

  async replacePartners(
    manager: EntityManager,
    ppsId: string,
    partners: PartnerFields[],
  ): Promise<void> {
    await manager.getRepository(PpsPartnerEntity).delete({ ppsId });
    if (partners.length > 0) {
      await manager
        .getRepository(PpsPartnerEntity)
        .insert(partners.map((partner) => ({ ...partner, ppsId })));
    }
  }

  /** Adds a partner unless the pair exists; returns whether a row was written (seed idempotency). */
  async addPartnerIfMissing(
    manager: EntityManager,
    ppsId: string,
    partner: PartnerFields,
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO pps_partner (pps_id, organisation_id, tier, role, contribution)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING 1`,
      [ppsId, partner.organisationId, partner.tier, partner.role, partner.contribution],
    );
    return rows.length > 0;
  }

  /** The PPS this organisation leads: its name is their publisher's institution. */
  async idsLedBy(manager: EntityManager, organisationId: string): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      'SELECT id FROM pps WHERE lead_organisation_id = $1',
      [organisationId],
    );
    return rows.map((row) => row.id);
  }

  async exists(id: string): Promise<boolean> {
    return this.pps.existsBy({ id });
  }
}
