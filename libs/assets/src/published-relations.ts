import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AssetKind } from './asset-codes';

/** A building block another one points at, as far as anyone may see it: listed. */
export interface RelatedBlock {
  id: string;
  kind: AssetKind;
  title: string;
}

/**
 * What a building block's published version says about others, and what listed blocks say
 * about it — only ever listed blocks (published, not archived), so no feed names a draft or
 * an archived block.
 */
export interface PublicRelations {
  /** A curriculum's modules, in the curriculum's order. */
  hasPart: RelatedBlock[];
  /** The curricula a module is part of. */
  isPartOf: RelatedBlock[];
  /** The block a derivative was made from (at most one). */
  isBasedOn: RelatedBlock[];
  /** The derivatives made from this block. */
  isBasisFor: RelatedBlock[];
}

export function noRelations(): PublicRelations {
  return { hasPart: [], isPartOf: [], isBasedOn: [], isBasisFor: [] };
}

type Relation = keyof PublicRelations;

/**
 * The relations of many blocks in one query: a page of OAI-PMH records, an OOAPI course, a
 * block's JSON-LD. Read from the published surface (asset_published, `listed`); the parts come
 * from each block's current published version, so a draft's changes never show.
 */
const RELATIONS_SQL = `
  WITH page AS (
    SELECT id, component_ids, based_on_asset_id FROM asset_published WHERE id = ANY($1::uuid[])
  )
  SELECT 'hasPart' AS relation, page.id AS "of", r.id, r.kind, r.title, part.n AS position
    FROM page
    CROSS JOIN LATERAL unnest(page.component_ids) WITH ORDINALITY AS part(id, n)
    JOIN asset_published r ON r.id = part.id AND r.listed
  UNION ALL
  SELECT 'isPartOf', part.id, r.id, r.kind, r.title, 0
    FROM asset_published r
    CROSS JOIN LATERAL unnest(r.component_ids) AS part(id)
    WHERE r.listed AND r.component_ids && $1::uuid[] AND part.id = ANY($1::uuid[])
  UNION ALL
  SELECT 'isBasedOn', page.id, r.id, r.kind, r.title, 0
    FROM page JOIN asset_published r ON r.id = page.based_on_asset_id AND r.listed
  UNION ALL
  SELECT 'isBasisFor', r.based_on_asset_id, r.id, r.kind, r.title, 0
    FROM asset_published r
    WHERE r.listed AND r.based_on_asset_id = ANY($1::uuid[])
  ORDER BY position, title, id`;

/** Assets' read surface for relations between building blocks (feeds, pages). */
@Injectable()
export class PublishedRelationsReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every listed relation of these blocks, keyed by block; a block without any is absent. */
  async of(ids: string[]): Promise<Map<string, PublicRelations>> {
    const result = new Map<string, PublicRelations>();
    if (ids.length === 0) return result;
    const rows: (RelatedBlock & { relation: Relation; of: string })[] = await this.dataSource.query(
      RELATIONS_SQL,
      [ids],
    );
    for (const { relation, of, id, kind, title } of rows) {
      let relations = result.get(of);
      if (!relations) {
        relations = noRelations();
        result.set(of, relations);
      }
      relations[relation].push({ id, kind, title });
    }
    return result;
  }

  /** One block's relations (none when it has none). */
  async one(id: string): Promise<PublicRelations> {
    return (await this.of([id])).get(id) ?? noRelations();
  }
}
