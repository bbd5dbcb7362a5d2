import { Column, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** The course row, for writes at a revision (updateAtRevision); reads go through the repository. */
@Entity('course')
export class CourseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  title: string;

  @Column('uuid', { name: 'employer_organisation_id' })
  employerOrganisationId: string;

  /** NULL once the account that made an office's course is deleted (the office keeps it). */
  @Column('uuid', { name: 'owner_user_id', nullable: true })
  ownerUserId: string | null;

  @Column('uuid', { name: 'owner_organisation_id', nullable: true })
  ownerOrganisationId: string | null;

  @Column('text')
  audience: string;

  @Column('text', { nullable: true })
  goals: string | null;

  @Column('date', { name: 'start_date', nullable: true })
  startDate: string | null;

  @Column('date', { name: 'end_date', nullable: true })
  endDate: string | null;

  @Column('integer', { name: 'duration_weeks', nullable: true })
  durationWeeks: number | null;

  @Column('text')
  status: string;

  @Column('integer', { name: 'extras_cents' })
  extrasCents: number;

  @Column('text', { name: 'extras_description', nullable: true })
  extrasDescription: string | null;

  @VersionColumn({ name: 'row_version' })
  rowVersion: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
