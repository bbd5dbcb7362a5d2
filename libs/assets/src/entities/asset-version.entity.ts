import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

const numeric = {
  to: (value: number | null) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

export interface Contact {
  role: string;
  name?: string;
  email?: string;
  phone?: string;
  organisationId?: string;
}

export interface Link {
  title: string;
  url: string;
  type: string;
}

@Entity('asset_version')
export class AssetVersionEntity {
  @PrimaryColumn('uuid', { name: 'asset_id' })
  assetId: string;

  @PrimaryColumn('integer')
  number: number;

  @Column('text')
  state: 'draft' | 'published';

  @Column('text')
  title: string;

  /** Null only in a draft: publishing needs it. */
  @Column('text', { nullable: true })
  summary: string | null;

  @Column('text', { nullable: true })
  description: string | null;

  @Column('text', { array: true, default: '{}' })
  keywords: string[];

  @Column('text')
  language: string;

  @Column('text', { array: true, default: '{}' })
  sectors: string[];

  @Column('text', { array: true, default: '{}' })
  levels: string[];

  @Column('text', { array: true, default: '{}' })
  themes: string[];

  @Column('text', { array: true, default: '{}' })
  challenges: string[];

  /** Null only in a draft: publishing needs it. */
  @Column('text', { nullable: true })
  license: string | null;

  @Column('jsonb', { default: [] })
  contacts: Contact[];

  @Column('jsonb', { default: [] })
  links: Link[];

  @Column('text', { name: 'crebo_codes', array: true, default: '{}' })
  creboCodes: string[];

  @Column('text', { name: 'learning_paths', array: true, default: '{}' })
  learningPaths: string[];

  @Column('text', { name: 'elective_codes', array: true, default: '{}' })
  electiveCodes: string[];

  @Column('uuid', { name: 'component_ids', array: true, default: '{}' })
  componentIds: string[];

  @Column('text', { name: 'module_type', nullable: true })
  moduleType: string | null;

  @Column('numeric', {
    name: 'study_load_value',
    precision: 8,
    scale: 2,
    nullable: true,
    transformer: numeric,
  })
  studyLoadValue: number | null;

  @Column('text', { name: 'study_load_unit', nullable: true })
  studyLoadUnit: 'hour' | 'sbu' | 'ects' | null;

  @Column({
    type: 'numeric',
    name: 'study_load_hours',
    insert: false,
    update: false,
    nullable: true,
    transformer: numeric,
  })
  studyLoadHours: number | null;

  @Column('text', { array: true, default: '{}' })
  audiences: string[];

  @Column('text', { name: 'learning_mode', nullable: true })
  learningMode: string | null;

  @Column('text', { name: 'delivery_modes', array: true, default: '{}' })
  deliveryModes: string[];

  @Column('text', { nullable: true })
  certification: string | null;

  @Column('boolean', { nullable: true })
  stackable: boolean | null;

  @Column('integer', { name: 'price_cents', nullable: true })
  priceCents: number | null;

  @Column('uuid', { name: 'prerequisite_ids', array: true, default: '{}' })
  prerequisiteIds: string[];

  @Column('text', { name: 'infrastructure_model', nullable: true })
  infrastructureModel: string | null;

  @Column('text', { name: 'infrastructure_natures', array: true, default: '{}' })
  infrastructureNatures: string[];

  @Column('text', { name: 'infrastructure_software', array: true, default: '{}' })
  infrastructureSoftware: string[];

  @Column('text', { name: 'infrastructure_uses', array: true, default: '{}' })
  infrastructureUses: string[];

  @Column('uuid', { name: 'used_by_ids', array: true, default: '{}' })
  usedByIds: string[];

  @Column('text', { name: 'building_blocks', array: true, default: '{}' })
  buildingBlocks: string[];

  @Column('text', { array: true, default: '{}' })
  configurations: string[];

  @Column('date', { name: 'period_start', nullable: true })
  periodStart: string | null;

  @Column('date', { name: 'period_end', nullable: true })
  periodEnd: string | null;

  @Column('jsonb', { default: {} })
  details: Record<string, unknown>;

  @Column('text', { name: 'change_note', nullable: true })
  changeNote: string | null;

  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  /** Who last edited this draft in place; null: its creator (created_by). */
  @Column('uuid', { name: 'updated_by', nullable: true })
  updatedBy: string | null;

  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt: Date | null;

  @Column('uuid', { name: 'published_by', nullable: true })
  publishedBy: string | null;
}

/** The columns a version's content occupies: everything but identity, state and audit. */
export type VersionContent = Omit<
  AssetVersionEntity,
  | 'assetId'
  | 'number'
  | 'state'
  | 'studyLoadHours'
  | 'changeNote'
  | 'createdBy'
  | 'createdAt'
  | 'updatedAt'
  | 'updatedBy'
  | 'publishedAt'
  | 'publishedBy'
>;
