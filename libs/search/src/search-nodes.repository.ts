import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** A further Meilisearch node as the database knows it (see migration SearchNodes). */
export interface SearchNode {
  id: number;
  url: string;
}

export interface PendingEntry {
  id: string;
  entityType: 'asset' | 'pps' | 'organisation';
  entityId: string;
}

export interface NodeBacklog {
  url: string;
  pending: number;
  oldestPendingSeconds: number;
}

/** The further nodes and what each has still to apply: `search_node`, `search_node_pending`. */
@Injectable()
export class SearchNodesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Makes the registered nodes exactly `urls`: a node no longer configured is forgotten (with
   * what it had pending), a new one is registered with every listed block pending, so it is
   * filled from nothing. Registering waits for writes under way (a SHARE lock on the outbox), so
   * no write can slip between the full copy and the trigger that feeds the node from then on.
   */
  async register(urls: string[]): Promise<SearchNode[]> {
    return this.dataSource.transaction('READ COMMITTED', async (manager) => {
      await manager.query(`DELETE FROM search_node WHERE NOT (url = ANY($1::text[]))`, [urls]);
      const known: SearchNode[] = await manager.query(
        `SELECT id, url FROM search_node WHERE url = ANY($1::text[])`,
        [urls],
      );
      const added = urls.filter((url) => !known.some((node) => node.url === url));
      if (added.length > 0) {
        await manager.query('LOCK TABLE search_outbox IN SHARE MODE');
        for (const url of added) {
          const [node]: SearchNode[] = await manager.query(
            `INSERT INTO search_node (url) VALUES ($1)
             ON CONFLICT (url) DO UPDATE SET url = EXCLUDED.url RETURNING id, url`,
            [url],
          );
          await this.pendEverything(manager, node.id);
          known.push(node);
        }
      }
      return urls.map((url) => known.find((node) => node.url === url)!);
    });
  }

  /** Every listed block becomes pending for the node (a new node, or one that lost its index). */
  async pendEverything(manager: EntityManager, nodeId: number): Promise<void> {
    await manager.query(
      `INSERT INTO search_node_pending (node_id, entity_type, entity_id)
       SELECT $1, 'asset', id FROM asset_published WHERE listed`,
      [nodeId],
    );
  }

  /** Every listed block becomes pending for every further node (after a rebuild). */
  async pendEverywhere(manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO search_node_pending (node_id, entity_type, entity_id)
       SELECT node.id, 'asset', a.id FROM search_node node CROSS JOIN asset_published a WHERE a.listed`,
    );
  }

  /** The node's oldest pending entries. */
  async pending(manager: EntityManager, nodeId: number, limit: number): Promise<PendingEntry[]> {
    const rows: { id: string; entity_type: PendingEntry['entityType']; entity_id: string }[] =
      await manager.query(
        `SELECT id, entity_type, entity_id FROM search_node_pending
          WHERE node_id = $1 ORDER BY id LIMIT $2`,
        [nodeId, limit],
      );
    return rows.map((row) => ({
      id: row.id,
      entityType: row.entity_type,
      entityId: row.entity_id,
    }));
  }

  async done(manager: EntityManager, nodeId: number, ids: string[]): Promise<void> {
    await manager.query(
      `DELETE FROM search_node_pending WHERE node_id = $1 AND id = ANY($2::bigint[])`,
      [nodeId, ids],
    );
  }

  /** What each further node has still to apply (health, metrics, the admin's search page). */
  async backlogs(): Promise<NodeBacklog[]> {
    const rows: { url: string; pending: number; oldest: number }[] = await this.dataSource.query(
      `SELECT node.url, count(pending.id)::int AS pending,
              coalesce(extract(epoch FROM clock_timestamp() - min(pending.created_at)), 0)::float8 AS oldest
         FROM search_node node LEFT JOIN search_node_pending pending ON pending.node_id = node.id
        GROUP BY node.id, node.url ORDER BY node.id`,
    );
    return rows.map((row) => ({
      url: row.url,
      pending: row.pending,
      oldestPendingSeconds: Math.round(row.oldest * 10) / 10,
    }));
  }
}
