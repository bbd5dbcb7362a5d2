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
   * Registers the nodes `urls` (a new one is filled by its follower) and returns them. A node no
   * longer configured is forgotten only once no worker has followed it for a day, so a worker of
   * an older configuration (a rolling update) does not stop the others feeding it. Registering
   * waits for writes under way (a SHARE lock on the outbox), so none slips past the trigger.
   */
  async register(urls: string[]): Promise<SearchNode[]> {
    return this.dataSource.transaction('READ COMMITTED', async (manager) => {
      await manager.query(
        `DELETE FROM search_node
          WHERE NOT (url = ANY($1::text[])) AND seen_at < now() - interval '1 day'`,
        [urls],
      );
      const known: SearchNode[] = await manager.query(
        `SELECT id, url FROM search_node WHERE url = ANY($1::text[])`,
        [urls],
      );
      const added = urls.filter((url) => !known.some((node) => node.url === url));
      if (added.length > 0) await manager.query('LOCK TABLE search_outbox IN SHARE MODE');
      for (const url of added) {
        const [node]: SearchNode[] = await manager.query(
          `INSERT INTO search_node (url) VALUES ($1)
           ON CONFLICT (url) DO UPDATE SET seen_at = now() RETURNING id, url`,
          [url],
        );
        known.push(node);
      }
      return urls.map((url) => known.find((node) => node.url === url)!);
    });
  }

  /**
   * A follower's look at its node before a round (and a sign that it is followed): whether it
   * is to be filled, and the index it filled last; undefined when the node was forgotten.
   */
  async visit(
    manager: EntityManager,
    nodeId: number,
  ): Promise<{ fillRequested: boolean; indexCreatedAt: string | null } | undefined> {
    const [rows]: [{ fill_requested: boolean; index_created_at: string | null }[], number] =
      await manager.query(
        `UPDATE search_node SET seen_at = now() WHERE id = $1
         RETURNING fill_requested, index_created_at`,
        [nodeId],
      );
    const row = rows[0];
    return row && { fillRequested: row.fill_requested, indexCreatedAt: row.index_created_at };
  }

  /** The listed blocks (what a filled node holds, and nothing else). */
  async listedIds(manager: EntityManager): Promise<Set<string>> {
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM asset_published WHERE listed`,
    );
    return new Set(rows.map((row) => row.id));
  }

  /** Every listed block becomes pending for the node; the fill is recorded as done. */
  async filled(manager: EntityManager, nodeId: number, indexCreatedAt: string): Promise<void> {
    await manager.query(
      `INSERT INTO search_node_pending (node_id, entity_type, entity_id)
       SELECT $1, 'asset', id FROM asset_published WHERE listed`,
      [nodeId],
    );
    await manager.query(
      `UPDATE search_node SET fill_requested = false, index_created_at = $2 WHERE id = $1`,
      [nodeId, indexCreatedAt],
    );
  }

  /** Every further node is to be filled again (after a rebuild). */
  async requestFills(manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE search_node SET fill_requested = true`);
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
