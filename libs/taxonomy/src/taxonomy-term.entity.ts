import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('taxonomy_term')
export class TaxonomyTermEntity {
  @PrimaryColumn('text')
  vocabulary: string;

  @PrimaryColumn('text')
  code: string;

  @Column('text')
  label: string;

  @Column('text', { name: 'label_en', nullable: true })
  labelEn: string | null;

  @Column('jsonb', { default: {} })
  attributes: Record<string, unknown>;

  @Column('integer')
  position: number;
}
