import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { OrganisationEntity } from './organisation.entity';

/**
 * A domain of an organisation's home organisation claim (`schac_home_organization`): a person
 * signing in through a federation with this domain belongs to this organisation.
 */
@Entity('organisation_domain')
export class OrganisationDomainEntity {
  @PrimaryColumn('text')
  domain: string;

  @PrimaryColumn('uuid', { name: 'organisation_id' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, (organisation) => organisation.domains, {
    onDelete: 'CASCADE',
  })
  @JoinColumn({ name: 'organisation_id' })
  organisation: OrganisationEntity;
}
