/**
 * The mail benchmark's readers: `users` active accounts, each with the digest chosen for every
 * mail type (one in seven weekly, the rest daily), and 3–10 waiting items from before their
 * digest period began. One in ten is a PPS editor who reads the PPS's requests for material:
 * each PPS with editors has three open requests (one in the digest of each of its editors)
 * besides 0–7 notifications; everyone else has 3–10 notifications of new versions or archived
 * blocks they follow. Rows are written as the application's writers write them (same columns,
 * texts and types) but in bulk, deterministically: the benchmark measures sending.
 */
import { DataSource } from 'typeorm';
import { MAIL_TYPES } from '@bouwsteen/mail';

export interface MailFixture {
  users: number;
  editors: number;
  notifications: number;
  requests: number;
  items: number;
  /** Items per digest: least, mean, most. */
  perDigest: { min: number; mean: number; max: number };
  seconds: number;
}

export async function createMailFixture(db: DataSource, users: number): Promise<MailFixture> {
  const started = performance.now();
  await db.transaction(async (q) => {
    await q.query(`SELECT setseed(0.27)`); // the items' ages
    await q.query(
      `CREATE TEMP TABLE bench_asset ON COMMIT DROP AS
         SELECT row_number() OVER (ORDER BY id) AS n, id, pps_id, version, title FROM asset_published`,
    );
    await q.query(
      `CREATE TEMP TABLE bench_user ON COMMIT DROP AS
         SELECT n, gen_random_uuid() AS id, n % 10 = 0 AS editor, n % 7 = 0 AS weekly,
                -- An editor's three requests and 0–7 notifications; 3–10 for everyone else.
                CASE WHEN n % 10 = 0 THEN 0 ELSE 3 END + abs(hashint4(n)) % 8 AS notifications
           FROM generate_series(1, $1::int) n`,
      [users],
    );
    await q.query(
      `INSERT INTO app_user (id, email, email_key, display_name, role)
       SELECT id, format('lezer-%s@bench.bouwsteen.invalid', n),
              format('lezer-%s@bench.bouwsteen.invalid', n), format('Lezer %s', n),
              CASE WHEN editor THEN 'pps-editor' ELSE 'teacher' END
         FROM bench_user`,
    );
    await q.query(
      `INSERT INTO pps_membership (user_id, pps_id)
       SELECT u.id, p.id FROM bench_user u
         JOIN (SELECT row_number() OVER (ORDER BY id) - 1 AS k, id FROM pps) p
           ON p.k = (u.n / 10) % (SELECT count(*) FROM pps)
        WHERE u.editor`,
    );
    await q.query(
      `INSERT INTO mail_setting (user_id, digest_frequency)
       SELECT id, CASE WHEN weekly THEN 'weekly' ELSE 'daily' END FROM bench_user`,
    );
    await q.query(
      `INSERT INTO mail_preference (user_id, type, mode)
       SELECT u.id, t, 'digest' FROM bench_user u, unnest($1::text[]) t`,
      [[...MAIL_TYPES]],
    );
    // Picks come from hashes of the row numbers, not random(): PostgreSQL may memoize a
    // lateral call per key and hand every row the same draw.
    await q.query(
      `INSERT INTO notification (user_id, type, asset_id, asset_version, reason, message, created_at)
       SELECT u.id, r.type, a.id, a.version,
              (ARRAY['u volgt deze bouwsteen', 'u volgt de PPS',
                     'uw PPS hergebruikt deze bouwsteen'])[1 + (u.n + j) % 3],
              CASE r.type WHEN 'archived' THEN format('"%s" is gearchiveerd', a.title)
                          ELSE format('Nieuwe versie (%s) van "%s"', a.version, a.title) END,
              now() - interval '2 days'
         FROM bench_user u
        CROSS JOIN LATERAL generate_series(1, u.notifications) j
        CROSS JOIN LATERAL (
              SELECT CASE WHEN abs(hashint4(u.n * 31 + j)) % 10 = 0 THEN 'archived'
                          ELSE 'new-version' END AS type,
                     1 + abs(hashint4(u.n * 17 + j)) % (SELECT count(*) FROM bench_asset) AS pick) r
         JOIN bench_asset a ON a.n = r.pick`,
    );
    await q.query(
      `INSERT INTO material_request (pps_id, asset_id, requester_name, requester_email, email_key,
              requester_organisation, purpose, created_at)
       SELECT p.id,
              (SELECT a.id FROM bench_asset a WHERE a.pps_id = p.id ORDER BY a.n OFFSET j LIMIT 1),
              format('Docent %s-%s', p.k, j), format('docent-%s-%s@school.invalid', p.k, j),
              format('docent-%s-%s@school.invalid', p.k, j), 'ROC Noord-Holland Noord',
              'Ik wil de module gebruiken in de opleiding Mechatronica, niveau 3.',
              now() - interval '2 days'
         FROM (SELECT row_number() OVER (ORDER BY id) AS k, id FROM pps
                WHERE id IN (SELECT pps_id FROM pps_membership m JOIN bench_user u ON u.id = m.user_id)) p,
              generate_series(0, 2) j`,
    );
    // Each item is older than its reader's current period (daily: the last 07:00 was less than
    // a day ago; weekly: the last Monday less than a week), so every digest is due.
    const age = `now() - CASE WHEN u.weekly THEN interval '8 days' ELSE interval '26 hours' END
                       - random() * interval '12 hours'`;
    await q.query(
      `INSERT INTO mail_item (user_id, type, source, source_id, created_at)
       SELECT u.id, 'new-version', 'notification', n.id, ${age}
         FROM notification n JOIN bench_user u ON u.id = n.user_id`,
    );
    await q.query(
      `INSERT INTO mail_item (user_id, type, source, source_id, created_at)
       SELECT u.id, 'material-request', 'request', r.id, ${age}
         FROM material_request r
         JOIN pps_membership m ON m.pps_id = r.pps_id
         JOIN bench_user u ON u.id = m.user_id`,
    );
  });
  // What autovacuum does after a bulk load, at once (the bench server may run without it).
  for (const table of [
    'app_user',
    'pps_membership',
    'mail_setting',
    'mail_preference',
    'notification',
    'material_request',
    'mail_item',
  ])
    await db.query(`VACUUM ANALYZE ${table}`);
  const [counts]: {
    users: number;
    editors: number;
    notifications: number;
    requests: number;
    items: number;
    min: number;
    mean: number;
    max: number;
  }[] = await db.query(
    `SELECT (SELECT count(*)::int FROM app_user WHERE email LIKE 'lezer-%') AS users,
            (SELECT count(*)::int FROM app_user WHERE email LIKE 'lezer-%' AND role = 'pps-editor') AS editors,
            (SELECT count(*)::int FROM notification) AS notifications,
            (SELECT count(*)::int FROM material_request) AS requests,
            sum(c)::int AS items, min(c)::int AS min, round(avg(c), 1)::float AS mean, max(c)::int AS max
       FROM (SELECT count(*) AS c FROM mail_item GROUP BY user_id) per_user`,
  );
  return {
    users: counts.users,
    editors: counts.editors,
    notifications: counts.notifications,
    requests: counts.requests,
    items: counts.items,
    perDigest: { min: counts.min, mean: counts.mean, max: counts.max },
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}
