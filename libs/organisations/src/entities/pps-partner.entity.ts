import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { OrganisationEntity } from './organisation.entity';
import { PpsEntity } from './pps.entity';

@Entity('pps_partner')
export class PpsPartnerEntity {
  @PrimaryColumn('uuid', { name: 'pps_id' })
  ppsId: string;

  @PrimaryColumn('uuid', { name: 'organisation_id' })
  organisationId: string;

  @Column('text')
  tier: 'core' | 'other';

  @Column('text')
  role: string;

  @Column('text', { nullable: true })
  contribution: string | null;

  @ManyToOne(() => PpsEntity, (pps) => pps.partners, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pps_id' })
  pps: PpsEntity;

  @ManyToOne(() => OrganisationEntity)
  @JoinColumn({ name: 'organisation_id' })
  organisation: OrganisationEntity;
}
