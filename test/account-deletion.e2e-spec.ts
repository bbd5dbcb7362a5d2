import { DataSource } from 'typeorm';
import { WebSessionsService } from '@bouwsteen/auth';
import { UsageRecorder } from '@bouwsteen/usage';
import { moduleBody } from './harness/fixtures';
import { TestApp, TestUser, bearer, createTestApp } from './harness/test-app';

const REVIEW = {
  use: 'used',
  level: 3,
  pathway: 'bbl',
  setting: 'practice',
  usability: 4,
  quality: 4,
  adaptability: 5,
  body: 'Mijn eigen woorden over deze module: sterk in de praktijk.',
};

/** Every column of every table that could hold an account's id or address (text, uuid, json). */
async function mentions(db: DataSource, id: string, email: string): Promise<string[]> {
  const columns: { table: string; column: string; type: string }[] = await db.query(
    `SELECT table_name AS table, column_name AS column, data_type AS type
       FROM information_schema.columns
      WHERE table_schema = 'public' AND data_type IN ('uuid', 'text', 'jsonb', 'ARRAY')`,
  );
  const found: string[] = [];
  for (const { table, column } of columns) {
    const [row] = await db.query(
      `SELECT count(*)::int AS n FROM "${table}"
        WHERE "${column}"::text ILIKE '%' || $1 || '%' OR "${column}"::text ILIKE '%' || $2 || '%'`,
      [id, email],
    );
    if (row.n > 0) found.push(`${table}.${column}`);
  }
  return found;
}

/**
 * Deleting an account removes every personal datum with it (issue 27, privacy): a teacher who
 * used every feature deletes themselves, and afterwards no table holds their id or address;
 * what they made for their PPS stays without their name. An admin deletes others, never the
 * last active admin, also when two admins delete each other at once.
 */
describe('account deletion (e2e)', () => {
  let t: TestApp;
  let ownerPps: string;
  let homePps: string;
  let owner: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    t = await createTestApp({ isolated: true });
    ownerPps = await t.ppsId('GreenTechNHN');
    homePps = await t.ppsId('House of Logistics');
    owner = await t.user('pps-editor', [ownerPps]);
    admin = await t.user('admin');
  });
  afterAll(() => t.close());

  const db = () => t.app.get(DataSource);
  const api = () => t.http();

  /** One account that wrote, listed, followed, hooked, reviewed, reported and replied. */
  async function busyEditor(): Promise<{ user: TestUser; own: { id: string } }> {
    const user = await t.user('pps-editor', [homePps]);
    const own = await t.publish(user, moduleBody(homePps));
    const other = await t.publish(owner, moduleBody(ownerPps));
    await api()
      .post(`/api/v1/assets/${other.id}/reuses`)
      .set(bearer(user))
      .send({ mode: 'as-is', context: 'BBL logistiek', adopterPpsId: homePps })
      .expect(201);
    await api()
      .put(`/api/v1/assets/${other.id}/reviews/mine`)
      .set(bearer(user))
      .send(REVIEW)
      .expect(201);
    const reader = await t.user('teacher');
    const theirs = (
      await api()
        .put(`/api/v1/assets/${own.id}/reviews/mine`)
        .set(bearer(reader))
        .send(REVIEW)
        .expect(201)
    ).body;
    await api()
      .put(`/api/v1/assets/${own.id}/reviews/${theirs.id}/reply`)
      .set(bearer(user))
      .send({ body: 'Dank voor uw review.' })
      .expect(200);
    const third = await t.user('teacher');
    const thirdReview = (
      await api()
        .put(`/api/v1/assets/${other.id}/reviews/mine`)
        .set(bearer(third))
        .send(REVIEW)
        .expect(201)
    ).body;
    await api()
      .post(`/api/v1/assets/${other.id}/reviews/${thirdReview.id}/reports`)
      .set(bearer(user))
      .send({ reason: 'Mijn melding over deze review.' })
      .expect(204);
    const list = (
      await api()
        .post('/api/v1/me/lists')
        .set(bearer(user))
        .send({ name: 'Mijn lijst' })
        .expect(201)
    ).body;
    await api()
      .post(`/api/v1/me/lists/${list.id}/items`)
      .set(bearer(user))
      .send({ assetId: other.id, note: 'Mijn notitie' })
      .expect(201);
    await api()
      .post('/api/v1/me/saved-searches')
      .set(bearer(user))
      .send({ name: 'Cobots', query: 'q=cobot', alerts: true })
      .expect(201);
    await api().put(`/api/v1/me/follows/assets/${other.id}`).set(bearer(user)).expect(204);
    await api()
      .post('/api/v1/me/webhooks')
      .set(bearer(user))
      .send({ url: 'http://127.0.0.1:9/hook' })
      .expect(201);
    await api()
      .put('/api/v1/me/mail-preferences')
      .set(bearer(user))
      .send({ types: [{ type: 'new-version', mode: 'immediate' }] })
      .expect(200);
    await api().post('/api/v1/me/tokens').set(bearer(user)).send({ name: 'LMS' }).expect(201);
    await t.app
      .get(WebSessionsService)
      .start({ email: user.email, password: user.password }, '198.51.100.7', 'Firefox');
    await db().query(
      `INSERT INTO federated_identity (user_id, issuer, subject) VALUES ($1, 'surfconext', $2)`,
      [user.id, `sub-${user.id}`],
    );
    // A version of the followed block tells the account (a notification).
    await t.publishNewVersion(owner, other as never, { summary: 'Een nieuwe samenvatting.' });
    // An admin's change of the account, and a failed sign-in: both name its address.
    await api()
      .patch(`/api/v1/users/${user.id}`)
      .set(bearer(admin))
      .set(await t.userEtag(user.id))
      .send({ displayName: 'Anna de Vries' })
      .expect(200);
    await api()
      .post('/api/v1/auth/login')
      .send({ email: user.email, password: 'not-the-password' })
      .expect(401);
    // A search while signed in (as /zoeken records it; this app runs no search index): its
    // searcher is a hash keyed by the day's salt, never the id.
    t.app
      .get(UsageRecorder)
      .search(
        { query: 'mijn eigen zoekvraag', filters: '', provinces: '', sectors: '', hits: 0 },
        { userId: user.id, address: '198.51.100.7', userAgent: 'Mozilla/5.0 Firefox/121.0' },
      );
    await t.app.get(UsageRecorder).flush();
    return { user, own };
  }

  it('removes every trace of the account and keeps what it made for the PPS', async () => {
    const { user, own } = await busyEditor();
    expect((await mentions(db(), user.id, user.email)).length).toBeGreaterThan(15);

    const remove = (body: Record<string, unknown>) =>
      api().post('/api/v1/me/deletion').set(bearer(user)).send(body);
    const wrongAddress = await remove({
      confirmation: 'iemand@anders.nl',
      currentPassword: user.password,
    }).expect(400);
    expect(wrongAddress.body.errors).toEqual([
      expect.objectContaining({ field: 'confirmation', code: 'confirmationMismatch' }),
    ]);
    const noPassword = await remove({ confirmation: user.email }).expect(400);
    expect(noPassword.body.errors).toEqual([expect.objectContaining({ field: 'currentPassword' })]);
    const wrongPassword = await remove({
      confirmation: user.email,
      currentPassword: 'not-it',
    }).expect(400);
    expect(wrongPassword.body.errors[0].code).toBe('wrongCurrentPassword');
    // Nothing went yet.
    await api().get('/api/v1/me').set(bearer(user)).expect(200);

    await remove({
      confirmation: ` ${user.email.toUpperCase()} `,
      currentPassword: user.password,
    }).expect(204);
    // Only the audit trail keeps the (now unlinked) id, as the subject of its entries.
    expect(await mentions(db(), user.id, user.email)).toEqual(['audit_event.subject_id']);
    // Its search still counts, by a hash that holds neither its id nor its address.
    const searched: { visitor: string }[] = await db().query(
      `SELECT encode(visitor, 'hex') AS visitor FROM search_searcher WHERE term = 'mijn eigen zoekvraag'`,
    );
    expect(searched).toHaveLength(1);
    expect(searched[0].visitor).not.toContain(user.id.replace(/-/g, ''));
    await api().get('/api/v1/me').set(bearer(user)).expect(401);
    await api()
      .post('/api/v1/auth/login')
      .send({ email: user.email, password: user.password })
      .expect(401);

    // The block it made is still its PPS's, published, without the account.
    const block = await api().get(`/api/v1/assets/${own.id}`).expect(200);
    expect(block.body).toMatchObject({ id: own.id, pps: { id: homePps } });
    const [row] = await db().query(
      `SELECT created_by, (SELECT count(*)::int FROM reuse WHERE adopter_pps_id = $2) AS reuses
         FROM asset WHERE id = $1`,
      [own.id, homePps],
    );
    expect(row).toEqual({ created_by: null, reuses: 1 });
    // Its published version lost only the account; it stays immutable otherwise.
    const [version] = await db().query(
      `SELECT created_by, published_by, state FROM asset_version WHERE asset_id = $1`,
      [own.id],
    );
    expect(version).toEqual({ created_by: null, published_by: null, state: 'published' });
    await expect(
      db().query(`UPDATE asset_version SET created_by = $2 WHERE asset_id = $1`, [
        own.id,
        owner.id,
      ]),
    ).rejects.toThrow(/immutable/);
    await expect(
      db().query(`UPDATE asset_version SET state = 'draft' WHERE asset_id = $1`, [own.id]),
    ).rejects.toThrow(/immutable/);
    // The audit trail keeps what happened, without the address.
    const trail: { summary: string; action: string }[] = await db().query(
      `SELECT summary, action FROM audit_event WHERE subject_id = $1 ORDER BY id`,
      [user.id],
    );
    expect(trail.map((entry) => entry.action)).toEqual(['created', 'updated', 'deleted']);
    expect(trail.every((entry) => entry.summary.startsWith('verwijderd account'))).toBe(true);
  });

  it('lets an admin delete an account: an office keeps its courses, a personal course goes', async () => {
    const office = await t.lloOffice('Opleidingsbureau Flevoland');
    const loner = await t.user('llo-office');
    const block = await t.publish(owner, moduleBody(ownerPps));
    const course = (user: TestUser) =>
      api()
        .post('/api/v1/courses')
        .set(bearer(user))
        .send({
          title: 'Omscholing monteur',
          employer: { name: 'Installatiebedrijf De Vonk' },
          audience: 'worker',
          items: [{ assetId: block.id }],
        })
        .expect(201);
    const kept = (await course(office)).body;
    const personal = (await course(loner)).body;
    const colleague = await t.user('llo-office');
    await api()
      .patch(`/api/v1/users/${colleague.id}`)
      .set(bearer(admin))
      .set(await t.userEtag(colleague.id))
      .send({ organisationId: office.organisationId })
      .expect(200);
    const colleagueToken = (
      await api()
        .post('/api/v1/auth/login')
        .send({ email: colleague.email, password: colleague.password })
        .expect(200)
    ).body.accessToken;

    await api().delete(`/api/v1/users/${office.id}`).set(bearer(owner)).expect(403);
    await api().delete(`/api/v1/users/${office.id}`).set(bearer(admin)).expect(204);
    await api().delete(`/api/v1/users/${office.id}`).set(bearer(admin)).expect(404);
    await api().delete(`/api/v1/users/${loner.id}`).set(bearer(admin)).expect(204);

    // The office's course stays, and its colleague still manages it.
    await api()
      .get(`/api/v1/courses/${kept.id}`)
      .set({ Authorization: `Bearer ${colleagueToken}` })
      .expect(200);
    const rows = await db().query(`SELECT id, owner_user_id FROM course WHERE id = ANY($1)`, [
      [kept.id, personal.id],
    ]);
    expect(rows).toEqual([{ id: kept.id, owner_user_id: null }]);
    const [audit] = await db().query(
      `SELECT actor_id, summary FROM audit_event WHERE subject_id = $1 AND action = 'deleted'`,
      [office.id],
    );
    expect(audit).toEqual({
      actor_id: admin.id,
      summary: 'verwijderd account: deleted by an admin',
    });
  });

  it('never deletes the last active admin, also when two admins delete each other at once', async () => {
    const [first, second] = [await t.user('admin'), await t.user('admin')];
    // Every other admin goes first (the suite's own and the harness's).
    const others: { id: string }[] = await db().query(
      `SELECT id FROM app_user WHERE role = 'admin' AND id <> ALL($1)`,
      [[first.id, second.id]],
    );
    for (const { id } of others)
      await api().delete(`/api/v1/users/${id}`).set(bearer(first)).expect(204);

    const answers = await Promise.all([
      api().delete(`/api/v1/users/${second.id}`).set(bearer(first)),
      api().delete(`/api/v1/users/${first.id}`).set(bearer(second)),
    ]);
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses[0]).toBe(204);
    // The other found itself the last admin (409) or its own account already gone (401).
    expect([401, 409]).toContain(statuses[1]);
    const [{ admins }] = await db().query(
      `SELECT count(*)::int AS admins FROM app_user WHERE role = 'admin' AND active`,
    );
    expect(admins).toBe(1);

    const last = answers[0].status === 204 ? first : second;
    const self = await api().delete(`/api/v1/users/${last.id}`).set(bearer(last)).expect(409);
    expect(self.body.type).toContain('last-admin');
    expect(self.headers['content-type']).toContain('application/problem+json');
  });
});
