import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('pps_membership')
export class PpsMembershipEntity {
  @PrimaryColumn('uuid', { name: 'user_id' })
  userId: string;

  @PrimaryColumn('uuid', { name: 'pps_id' })
  ppsId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
