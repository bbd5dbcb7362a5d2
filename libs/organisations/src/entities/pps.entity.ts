import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { OrganisationEntity } from './organisation.entity';
import { PpsPartnerEntity } from './pps-partner.entity';

export interface PpsImpact {
  year?: number;
  studentsDirect?: number;
  studentsIndirect?: number;
  teachersDirect?: number;
  teachersIndirect?: number;
  professionalsInvolved?: number;
  lloCustomers?: number;
  fieldPartnersCore?: number;
  fieldPartnersTotal?: number;
}

@Entity('pps')
export class PpsEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  slug: string;

  @Column('text')
  name: string;

  @Column('text', { name: 'name_key' })
  nameKey: string;

  @Column('uuid', { name: 'lead_organisation_id' })
  leadOrganisationId: string;

  @ManyToOne(() => OrganisationEntity)
  @JoinColumn({ name: 'lead_organisation_id' })
  leadOrganisation: OrganisationEntity;

  @Column('text', { array: true })
  provinces: string[];

  @Column('text', { array: true, default: '{}' })
  configurations: string[];

  @Column('text', { name: 'building_blocks', array: true, default: '{}' })
  buildingBlocks: string[];

  @Column('text', { name: 'provincial_themes', array: true, default: '{}' })
  provincialThemes: string[];

  @Column('text', { name: 'societal_challenges', array: true, default: '{}' })
  societalChallenges: string[];

  @Column('text', { nullable: true })
  focus: string | null;

  @Column('smallint', { name: 'growth_phase', nullable: true })
  growthPhase: number | null;

  @Column('smallint', { nullable: true })
  wave: number | null;

  @Column('smallint', { name: 'coordination_position', nullable: true })
  coordinationPosition: number | null;

  @Column('text', { name: 'sustainment_model', nullable: true })
  sustainmentModel: string | null;

  @Column('text', { name: 'funding_scheme', nullable: true })
  fundingScheme: string | null;

  @Column('date', { name: 'funding_start', nullable: true })
  fundingStart: string | null;

  @Column('date', { name: 'funding_end', nullable: true })
  fundingEnd: string | null;

  @Column('text', { default: 'active' })
  status: string;

  @Column('text', { nullable: true })
  purpose: string | null;

  @Column('jsonb', { default: {} })
  impact: PpsImpact;

  @Column('text', { nullable: true })
  website: string | null;

  @Column('text', { default: 'user' })
  source: string;

  @OneToMany(() => PpsPartnerEntity, (partner) => partner.pps)
  partners: PpsPartnerEntity[];

  @VersionColumn({ name: 'row_version' })
  rowVersion: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
