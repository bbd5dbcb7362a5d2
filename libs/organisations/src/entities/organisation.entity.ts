import {
  Column,
  CreateDateColumn,
  Entity,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { OrganisationAliasEntity } from './organisation-alias.entity';
import { OrganisationDomainEntity } from './organisation-domain.entity';

export interface Address {
  street?: string;
  postalCode?: string;
  city: string;
  country?: string;
}

@Entity('organisation')
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  @Column('text', { name: 'name_key' })
  nameKey: string;

  @Column('text', { name: 'short_name', nullable: true })
  shortName: string | null;

  @Column('text')
  type: string;

  @Column('char', { name: 'kvk_number', length: 8, nullable: true })
  kvkNumber: string | null;

  @Column('char', { name: 'brin_code', length: 4, nullable: true })
  brinCode: string | null;

  @Column('text', { nullable: true })
  website: string | null;

  @Column('jsonb', { default: [] })
  addresses: Address[];

  @Column('text', { default: 'user' })
  source: string;

  @OneToMany(() => OrganisationAliasEntity, (alias) => alias.organisation, { cascade: true })
  aliases: OrganisationAliasEntity[];

  @OneToMany(() => OrganisationDomainEntity, (domain) => domain.organisation)
  domains: OrganisationDomainEntity[];

  @VersionColumn({ name: 'row_version' })
  rowVersion: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
