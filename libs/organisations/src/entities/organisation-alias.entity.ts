import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { OrganisationEntity } from './organisation.entity';

@Entity('organisation_alias')
export class OrganisationAliasEntity {
  @PrimaryColumn('uuid', { name: 'organisation_id' })
  organisationId: string;

  @PrimaryColumn('text', { name: 'alias_key' })
  aliasKey: string;

  @Column('text')
  alias: string;

  @ManyToOne(() => OrganisationEntity, (organisation) => organisation.aliases, {
    onDelete: 'CASCADE',
  })
  @JoinColumn({ name: 'organisation_id' })
  organisation: OrganisationEntity;
}
