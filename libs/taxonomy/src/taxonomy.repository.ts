import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { TaxonomyTermEntity } from './taxonomy-term.entity';

export interface TermRow {
  vocabulary: string;
  code: string;
  label: string;
  labelEn: string | null;
  attributes: Record<string, unknown>;
  position: number;
}

@Injectable()
export class TaxonomyRepository {
  constructor(
    @InjectRepository(TaxonomyTermEntity) private readonly terms: Repository<TaxonomyTermEntity>,
  ) {}

  findAll(manager: EntityManager = this.terms.manager): Promise<TaxonomyTermEntity[]> {
    return manager
      .getRepository(TaxonomyTermEntity)
      .find({ order: { vocabulary: 'ASC', position: 'ASC' } });
  }

  /** Inserts or updates terms; returns how many rows actually changed. */
  async upsert(manager: EntityManager, rows: TermRow[]): Promise<number> {
    let changed = 0;
    for (const row of rows) {
      const result: unknown[] = await manager.query(
        `INSERT INTO taxonomy_term (vocabulary, code, label, label_en, attributes, position)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (vocabulary, code) DO UPDATE
           SET label = EXCLUDED.label, label_en = EXCLUDED.label_en,
               attributes = EXCLUDED.attributes, position = EXCLUDED.position
         WHERE (taxonomy_term.label, taxonomy_term.label_en, taxonomy_term.attributes, taxonomy_term.position)
           IS DISTINCT FROM (EXCLUDED.label, EXCLUDED.label_en, EXCLUDED.attributes, EXCLUDED.position)
         RETURNING 1`,
        [
          row.vocabulary,
          row.code,
          row.label,
          row.labelEn,
          JSON.stringify(row.attributes),
          row.position,
        ],
      );
      changed += result.length;
    }
    return changed;
  }
}
