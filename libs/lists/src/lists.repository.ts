import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ListVisibility } from './list-rules';
import type { ShareState } from '@bouwsteen/common';

/** A list as the library sees it (its items apart). */
export interface BlockList {
  id: string;
  ownerUserId: string;
  organisationId: string | null;
  name: string;
  description: string;
  visibility: ListVisibility;
  shared: boolean;
  itemCount: number;
  revision: number;
  updatedAt: Date;
}

export interface ListItem {
  listId: string;
  position: number;
  assetId: string;
  kind: string;
  title: string;
  ppsName: string;
  note: string;
  /** Listed: published and not archived (the assets read surface decides). */
  available: boolean;
  addedAt: Date;
}

export interface ListFields {
  name: string;
  description: string;
  visibility: ListVisibility;
  organisationId: string | null;
}

const LIST_SELECT = `
  SELECT l.id, l.owner_user_id AS "ownerUserId", l.organisation_id AS "organisationId", l.name,
         l.description, l.visibility, l.share_token_hash IS NOT NULL AS shared,
         (SELECT count(*)::int FROM block_list_item i WHERE i.list_id = l.id) AS "itemCount",
         l.row_version AS revision, l.updated_at AS "updatedAt"
  FROM block_list l`;

/**
 * The queries of a list and its items (one aggregate: items change only through their list,
 * whose row is locked and whose revision rises with every change). Blocks are read through the
 * assets read surface (`asset_published`, `pps_public`), never their tables.
 */
@Injectable()
export class ListsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<BlockList | undefined> {
    const [row] = (await manager.query(`${LIST_SELECT} WHERE l.id = $1`, [id])) as BlockList[];
    return row;
  }

  async findByShareHash(hash: string): Promise<BlockList | undefined> {
    const [row] = (await this.dataSource.query(`${LIST_SELECT} WHERE l.share_token_hash = $1`, [
      hash,
    ])) as BlockList[];
    return row;
  }

  /** A person's lists, last changed first. */
  async owned(userId: string, offset: number, limit: number): Promise<[BlockList[], number]> {
    const rows = (await this.dataSource.query(
      `${LIST_SELECT} WHERE l.owner_user_id = $1 ORDER BY l.updated_at DESC, l.id LIMIT $2 OFFSET $3`,
      [userId, limit, offset],
    )) as BlockList[];
    return [rows, await this.countOwned(this.dataSource.manager, userId)];
  }

  /** The public lists of people of an organisation, last changed first (at most `limit`). */
  async publicOf(organisationId: string, limit: number): Promise<BlockList[]> {
    return (await this.dataSource.query(
      `${LIST_SELECT} WHERE l.organisation_id = $1 AND l.visibility = 'public'
       ORDER BY l.updated_at DESC, l.id LIMIT $2`,
      [organisationId, limit],
    )) as BlockList[];
  }

  /** A person's lists by name, each saying whether it holds this block (the block page's picker). */
  async choices(
    userId: string,
    assetId: string,
    limit: number,
  ): Promise<{ id: string; name: string; holds: boolean }[]> {
    return (await this.dataSource.query(
      `SELECT l.id, l.name, EXISTS (SELECT 1 FROM block_list_item i
                                    WHERE i.list_id = l.id AND i.asset_id = $2) AS holds
       FROM block_list l WHERE l.owner_user_id = $1 ORDER BY l.updated_at DESC, l.id LIMIT $3`,
      [userId, assetId, limit],
    )) as { id: string; name: string; holds: boolean }[];
  }

  async countOwned(manager: EntityManager, userId: string): Promise<number> {
    const [row] = (await manager.query(
      'SELECT count(*)::int AS count FROM block_list WHERE owner_user_id = $1',
      [userId],
    )) as { count: number }[];
    return row.count;
  }

  /** Serialises a person's list-making (the bound on how many they keep holds under races). */
  async lockOwner(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('block_list:' || $1))`, [userId]);
  }

  async insert(manager: EntityManager, userId: string, fields: ListFields): Promise<string> {
    const [row] = (await manager.query(
      `INSERT INTO block_list (owner_user_id, name, description, visibility, organisation_id)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [userId, fields.name, fields.description, fields.visibility, fields.organisationId],
    )) as { id: string }[];
    return row.id;
  }

  /** Changes the list at its revision; false when the revision moved on (or it is gone). */
  async update(
    manager: EntityManager,
    id: string,
    revision: number,
    fields: ListFields,
  ): Promise<boolean> {
    const [, affected] = (await manager.query(
      `UPDATE block_list SET name = $3, description = $4, visibility = $5, organisation_id = $6,
              row_version = row_version + 1, updated_at = now()
       WHERE id = $1 AND row_version = $2`,
      [id, revision, fields.name, fields.description, fields.visibility, fields.organisationId],
    )) as [unknown, number];
    return affected === 1;
  }

  /** Locks the list for a change of its items; undefined when it does not exist. */
  async lock(manager: EntityManager, id: string): Promise<BlockList | undefined> {
    await manager.query('SELECT 1 FROM block_list WHERE id = $1 FOR UPDATE', [id]);
    return this.find(id, manager);
  }

  /** A change to the items is a change to the list: a new revision. */
  async touch(manager: EntityManager, id: string): Promise<void> {
    await manager.query(
      'UPDATE block_list SET row_version = row_version + 1, updated_at = now() WHERE id = $1',
      [id],
    );
  }

  async delete(manager: EntityManager, id: string, revision: number): Promise<boolean> {
    const [, affected] = (await manager.query(
      'DELETE FROM block_list WHERE id = $1 AND row_version = $2',
      [id, revision],
    )) as [unknown, number];
    return affected === 1;
  }

  /** The items of these lists, in order, each with its block's current published facts. */
  async items(
    listIds: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, ListItem[]>> {
    const rows = (await manager.query(
      `SELECT i.list_id AS "listId", i.position, i.asset_id AS "assetId", p.kind, p.title,
              pp.name AS "ppsName", i.note, p.listed AS available, i.added_at AS "addedAt"
       FROM block_list_item i
       JOIN asset_published p ON p.id = i.asset_id
       JOIN pps_public pp ON pp.id = p.pps_id
       WHERE i.list_id = ANY($1::uuid[])
       ORDER BY i.list_id, i.position`,
      [listIds],
    )) as ListItem[];
    const byList = new Map<string, ListItem[]>(listIds.map((id) => [id, []]));
    for (const row of rows) byList.get(row.listId)?.push(row);
    return byList;
  }

  /** Whether a block may go on a list: it is listed (published, not archived). */
  async isListed(manager: EntityManager, assetId: string): Promise<boolean> {
    const rows = (await manager.query('SELECT 1 FROM asset_published WHERE id = $1 AND listed', [
      assetId,
    ])) as unknown[];
    return rows.length === 1;
  }

  /** The block ids of a list in order. */
  async order(manager: EntityManager, listId: string): Promise<string[]> {
    const rows = (await manager.query(
      'SELECT asset_id AS "assetId" FROM block_list_item WHERE list_id = $1 ORDER BY position',
      [listId],
    )) as { assetId: string }[];
    return rows.map((row) => row.assetId);
  }

  /** Adds a block at the end; false when it was on the list already. */
  async addItem(
    manager: EntityManager,
    listId: string,
    assetId: string,
    note: string,
  ): Promise<boolean> {
    const rows = (await manager.query(
      `INSERT INTO block_list_item (list_id, asset_id, note, position)
       SELECT $1, $2, $3, coalesce(max(position), 0) + 1 FROM block_list_item WHERE list_id = $1
       ON CONFLICT (list_id, asset_id) DO NOTHING RETURNING asset_id`,
      [listId, assetId, note],
    )) as unknown[];
    return rows.length === 1;
  }

  async setNote(
    manager: EntityManager,
    listId: string,
    assetId: string,
    note: string,
  ): Promise<boolean> {
    const [, affected] = (await manager.query(
      'UPDATE block_list_item SET note = $3 WHERE list_id = $1 AND asset_id = $2',
      [listId, assetId, note],
    )) as [unknown, number];
    return affected === 1;
  }

  async removeItem(manager: EntityManager, listId: string, assetId: string): Promise<boolean> {
    const [, affected] = (await manager.query(
      'DELETE FROM block_list_item WHERE list_id = $1 AND asset_id = $2',
      [listId, assetId],
    )) as [unknown, number];
    return affected === 1;
  }

  /** Numbers the items 1…n in this order (the unique position is checked at commit). */
  async setOrder(manager: EntityManager, listId: string, order: readonly string[]): Promise<void> {
    await manager.query(
      `UPDATE block_list_item i SET position = o.position
       FROM unnest($2::uuid[]) WITH ORDINALITY AS o(asset_id, position)
       WHERE i.list_id = $1 AND i.asset_id = o.asset_id AND i.position <> o.position`,
      [listId, order],
    );
  }

  async shareState(id: string): Promise<ShareState | undefined> {
    const [row] = (await this.dataSource.query(
      'SELECT share_nonce AS nonce, share_token_hash AS hash FROM block_list WHERE id = $1',
      [id],
    )) as ShareState[];
    return row;
  }

  /** Compare-and-set of the link: false when another request changed it first. */
  async setShare(
    id: string,
    expected: string | null,
    nonce: string,
    hash: string,
  ): Promise<boolean> {
    const [, affected] = (await this.dataSource.query(
      `UPDATE block_list SET share_nonce = $3, share_token_hash = $4
       WHERE id = $1 AND share_nonce IS NOT DISTINCT FROM $2`,
      [id, expected, nonce, hash],
    )) as [unknown, number];
    return affected === 1;
  }

  async clearShare(id: string): Promise<void> {
    await this.dataSource.query(
      'UPDATE block_list SET share_nonce = NULL, share_token_hash = NULL WHERE id = $1',
      [id],
    );
  }
}
