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
 *
 * "Which curricula hold this block" is one probe of the GIN index over the parts per block
 * (`@>` one id; OFFSET 0 keeps the subquery a per-block probe). One `&&` over the page's 200
 * ids looked cheaper but the planner cannot estimate it: without common parts in the
 * statistics it expects most versions to match and reads every published version instead
 * (0.4 s a page at 100,000 blocks, bench/README.md "Harvesting").
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
  SELECT 'isPartOf', block.id, r.id, r.kind, r.title, 0
    FROM unnest($1::uuid[]) AS block(id)
    CROSS JOIN LATERAL (
      SELECT r.id, r.kind, r.title FROM asset_published r
      WHERE r.listed AND r.component_ids @> ARRAY[block.id]
      OFFSET 0
    ) r
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
    // JIT is off for our connections (data-source-options.ts): this query's estimated cost
    // passes jit_above_cost, and compiling it cost 40 ms a page for a 1 ms query.
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
