import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search that survives a node (issue 28): besides the node MEILI_URL names, which the outbox
 * relay feeds, further Meilisearch nodes (MEILI_NODE_URLS) each hold a full copy. A worker
 * registers each node in `search_node` (a follower then fills it); from then on every entry written to `search_outbox`
 * is also written, by a statement trigger in the same transaction, to `search_node_pending`
 * once per registered node. A node's follower applies and deletes its own pending rows, so each
 * node converges on its own, however long it was away, and the rows cannot be lost between the
 * write and the node (no cursor over ids that commit out of order). With no further node the
 * trigger inserts nothing.
 */
export class SearchNodes1767100000000 implements MigrationInterface {
  name = 'SearchNodes1767100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE search_node (
        id smallint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        url text NOT NULL UNIQUE,
        registered_at timestamptz NOT NULL DEFAULT now(),
        -- A follower fills the node (sends every listed block, removes every other) when asked:
        -- a new node, a rebuild, or an index that is not the one it filled (index_created_at).
        fill_requested boolean NOT NULL DEFAULT true,
        index_created_at text,
        -- Nodes no worker follows any more are forgotten only after a day (a rolling update).
        seen_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE search_node_pending (
        node_id smallint NOT NULL REFERENCES search_node(id) ON DELETE CASCADE,
        id bigint GENERATED ALWAYS AS IDENTITY,
        entity_type text NOT NULL CHECK (entity_type IN ('asset', 'pps', 'organisation')),
        entity_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (node_id, id)
      )`);
    await q.query(`
      CREATE FUNCTION search_outbox_to_nodes() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO search_node_pending (node_id, entity_type, entity_id)
        SELECT node.id, added.entity_type, added.entity_id FROM added CROSS JOIN search_node node;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER search_outbox_to_nodes AFTER INSERT ON search_outbox
      REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION search_outbox_to_nodes()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER search_outbox_to_nodes ON search_outbox`);
    await q.query(`DROP FUNCTION search_outbox_to_nodes()`);
    await q.query(`DROP TABLE search_node_pending`);
    await q.query(`DROP TABLE search_node`);
  }
}
