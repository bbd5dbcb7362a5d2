import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { JobRunner } from '@bouwsteen/jobs';
import { RequestsService } from '@bouwsteen/requests';
import { SavedSearchAlerts } from '@bouwsteen/lists';
import { DigestJob } from '../libs/mail/src/digest-job';
import { MailEntries } from '../libs/mail/src/mail-entries';
import type { MailItem } from '../libs/mail/src/mail.repository';
import { moduleBody } from './harness/fixtures';
import { html, mainText } from './harness/html';
import { waitFor } from './harness/processes';
import { PageBrowser as Browser } from './harness/page-browser';
import { TestSmtp, startTestSmtp } from './harness/smtp';
import { TestApp, TestUser, bearer, createTestApp } from './harness/test-app';

/**
 * Issue 27, e-mail: the worker's jobs send mail over SMTP to a real SMTP server (smtp-server on
 * 127.0.0.1), read back with mailparser. Account links arrive and work once; a request for
 * material reaches the PPS's editors; immediate mail comes at once, digest mail in the digest;
 * a type switched off (in the settings or by one-click unsubscribe without a session) sends
 * nothing; a deactivated account gets nothing; an account gets at most MAIL_DAILY_LIMIT a day.
 */
describe('e-mail (e2e, real SMTP)', () => {
  let smtp: TestSmtp;
  let t: TestApp;
  let admin: TestUser;
  let editor: TestUser;
  let ppsId: string;
  let block: { id: string; etag: string };

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp({
      isolated: true,
      env: {
        SMTP_URL: smtp.url,
        MAIL_FROM: 'Bouwsteen <noreply@bouwsteen.example>',
        MAIL_DAILY_LIMIT: '3',
        JOB_POLL_MS: '100',
      },
    });
    await t.startWorker();
    admin = await t.user('admin');
    ppsId = await t.ppsId('Techport mbo');
    editor = await t.user('pps-editor', [ppsId]);
    block = await t.publish(editor, moduleBody(ppsId));
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  const db = () => t.app.get(DataSource);

  const setMail = (user: TestUser, body: Record<string, unknown>) =>
    t.http().put('/api/v1/me/mail-preferences').set(bearer(user)).send(body);

  async function follower(mode: 'off' | 'digest' | 'immediate'): Promise<TestUser> {
    const user = await t.user('teacher');
    await t.http().put(`/api/v1/me/follows/assets/${block.id}`).set(bearer(user)).expect(204);
    if (mode !== 'digest')
      await setMail(user, { types: [{ type: 'new-version', mode }] }).expect(200);
    return user;
  }

  async function newVersion(): Promise<void> {
    block = await t.publishNewVersion(editor, block, { summary: `Bijgewerkt ${Date.now()}` });
  }

  async function pending(user: TestUser): Promise<number> {
    const [{ count }] = await db().query(
      `SELECT count(*)::int AS count FROM mail_item
        WHERE user_id = $1 AND sent_at IS NULL AND skipped_at IS NULL`,
      [user.id],
    );
    return count;
  }

  /** Makes every waiting item of `user` older than the digest period, then asks for digests. */
  async function digestTime(user: TestUser): Promise<void> {
    await db().query(
      `UPDATE mail_item SET created_at = created_at - interval '8 days' WHERE user_id = $1`,
      [user.id],
    );
    await t.worker().get(DigestJob).ask();
  }

  const settle = () => new Promise((resolve) => setTimeout(resolve, 1500));

  it('mails a password-reset link that works once, and never stores it readable', async () => {
    const user = await t.user('teacher');
    const link = await t
      .http()
      .post(`/api/v1/users/${user.id}/password-reset`)
      .set(bearer(admin))
      .expect(201);
    expect(link.body.mailed).toBe(true);
    const [mail] = await smtp.waitFor(user.email);
    expect(mail.subject).toBe('Kies een nieuw wachtwoord voor Bouwsteen');
    expect(mail.text).toContain(link.body.url);
    expect(mail.html).toContain(link.body.url);
    expect(mail.header('from')).toContain('noreply@bouwsteen.example');
    // An account link is no list mail: nothing to unsubscribe from.
    expect(mail.header('list-unsubscribe')).toBeUndefined();
    expect(mail.html).not.toMatch(/<script|<img|src=/i);
    const secret = link.body.url.split('/').pop();
    const stored = JSON.stringify(await db().query('SELECT * FROM mail_item'));
    expect(stored).not.toContain(secret);

    const path = new URL(/https?:\/\/\S+\/wachtwoord-instellen\/[\w-]{43}/.exec(mail.text)![0])
      .pathname;
    const browser = new Browser(t);
    await browser.get('/inloggen');
    await browser.get(path);
    const chosen = await browser.post(path, {
      _formulier: browser.token,
      newPassword: 'een-lang-nieuw-wachtwoord',
      newPasswordRepeat: 'een-lang-nieuw-wachtwoord',
    });
    expect(chosen.status).toBe(303);
    expect((await new Browser(t).get(path)).status).toBe(410);
  });

  it('tells the admin on the account’s page that the new link is also mailed', async () => {
    const user = await t.user('teacher');
    const browser = new Browser(t);
    await browser.signIn(admin);
    await browser.get(`/beheer/gebruikers/${user.id}`);
    const made = await browser.post(`/beheer/gebruikers/${user.id}/wachtwoordlink`, {
      _formulier: browser.token,
    });
    expect(made.status).toBe(200);
    expect(made.text).toContain('Bouwsteen stuurt de link ook per e-mail naar dat adres.');
    const [mail] = await smtp.waitFor(user.email);
    expect(mail.text).toMatch(/\/wachtwoord-instellen\//);
  });

  it('does not mail a link that was replaced before its mail went out', async () => {
    const user = await t.user('teacher');
    const runner = t.worker().get(JobRunner);
    await runner.beforeApplicationShutdown();
    // No jobs run now: two links, the first replaced by the second before any mail is sent.
    const first = await t.http().post(`/api/v1/users/${user.id}/invitation`).set(bearer(admin));
    const second = await t.http().post(`/api/v1/users/${user.id}/invitation`).set(bearer(admin));
    expect([first.status, second.status]).toEqual([201, 201]);
    await runner.start();
    const [mail] = await smtp.waitFor(user.email);
    await settle();
    expect(smtp.to(user.email)).toHaveLength(1);
    expect(mail.subject).toBe('Uw uitnodiging voor Bouwsteen');
    expect(mail.text).toContain(second.body.url);
  });

  it('tells the PPS editors at once when someone asks for their material', async () => {
    await setMail(editor, { types: [{ type: 'material-request', mode: 'immediate' }] }).expect(200);
    const outsider = await t.user('teacher');
    await t.app.get(RequestsService).send(
      { assetId: block.id },
      {
        name: 'Sanne de Vries',
        email: 'sanne@roc-voorbeeld.example',
        organisation: 'ROC Voorbeeld',
        purpose: 'Voor leerjaar 2.',
      },
      '203.0.113.7',
    );
    const [mail] = await smtp.waitFor(editor.email);
    expect(mail.subject).toBe('Iemand vraagt uw materiaal');
    expect(mail.text).toContain('Sanne de Vries (ROC Voorbeeld) vraagt om het materiaal van');
    expect(mail.text).toContain('/mijn-pps/verzoeken');
    expect(mail.header('list-unsubscribe')).toMatch(/^<http:\/\/\S+\/e-mail\/afmelden\?code=\S+>$/);
    expect(mail.header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(smtp.to(outsider.email)).toHaveLength(0);
  });

  it('mails an immediate follower at once and a digest follower only in the digest', async () => {
    const now = await follower('immediate');
    const later = await follower('digest');
    const never = await follower('off');
    await newVersion();
    const [mail] = await smtp.waitFor(now.email);
    expect(mail.subject).toBe('Nieuwe versie van een bouwsteen die u volgt');
    expect(mail.text).toContain(`/bouwstenen/${block.id}`);
    expect(mail.text).toContain('Waarom u dit krijgt: u volgt deze bouwsteen.');
    await settle();
    expect(smtp.to(later.email)).toHaveLength(0);
    expect(await pending(later)).toBe(1);
    // Switched off: nothing is even queued.
    expect(await pending(never)).toBe(0);

    await digestTime(later);
    const [digest] = await smtp.waitFor(later.email);
    expect(digest.subject).toBe('Uw dagoverzicht van Bouwsteen: 1 bericht');
    expect(digest.text).toContain('Nieuwe versies');
    expect(digest.text).toContain(`/bouwstenen/${block.id}`);
    // Its items are recorded as sent once the server has accepted the mail, a moment later.
    await waitFor(
      'the digest item recorded as sent',
      async () => (await pending(later)) === 0,
      10_000,
    );
    await settle();
    expect(smtp.to(never.email)).toHaveLength(0);
  });

  it('mails a saved-search alert the worker finds, at once when so chosen', async () => {
    const reader = await t.user('teacher');
    const needle = `zwaluw${randomUUID().replace(/[\d-]/g, '').slice(0, 8)}`;
    await setMail(reader, { types: [{ type: 'saved-search', mode: 'immediate' }] }).expect(200);
    await t
      .http()
      .post('/api/v1/me/saved-searches')
      .set(bearer(reader))
      .send({ name: 'Zwaluwen', query: `q=${needle}`, alerts: true })
      .expect(201);
    await t.worker().get(SavedSearchAlerts).runOnce();
    await t.publish(editor, moduleBody(ppsId, { title: `Nestkasten ${needle}` }));
    await t.indexed();
    await t.worker().get(SavedSearchAlerts).runOnce();
    const [mail] = await smtp.waitFor(reader.email);
    expect(mail.subject).toBe('Nieuwe bouwsteen bij uw bewaarde zoekopdracht');
    expect(mail.text).toContain('Zwaluwen');
  });

  it('sends each account of a digest batch its own digest; one refused waits, the rest are recorded', async () => {
    const readers = [await follower('digest'), await follower('digest'), await follower('digest')];
    const refused = await follower('digest');
    await newVersion();
    await newVersion();
    smtp.refused.add(refused.email.toLowerCase());
    try {
      for (const user of [...readers, refused])
        await db().query(
          `UPDATE mail_item SET created_at = created_at - interval '8 days' WHERE user_id = $1`,
          [user.id],
        );
      await t.worker().get(DigestJob).ask();
      for (const user of readers) {
        const [digest] = await smtp.waitFor(user.email);
        expect(digest.subject).toBe('Uw dagoverzicht van Bouwsteen: 2 berichten');
        expect(digest.to).toEqual([user.email.toLowerCase()]);
      }
      // A batch's mails are recorded together, once the last of them was sent.
      await settle();
      for (const user of readers) expect(await pending(user)).toBe(0);
      expect(smtp.to(refused.email)).toHaveLength(0);
      // Its items wait for the job's next attempt; the others' mails are counted once each.
      expect(await pending(refused)).toBe(2);
      const counted: { user_id: string; items: number }[] = await db().query(
        `SELECT user_id, items FROM mail_sent WHERE type = 'digest' AND user_id = ANY($1::uuid[])`,
        [[...readers, refused].map((user) => user.id)],
      );
      expect(counted.sort((a, b) => a.user_id.localeCompare(b.user_id))).toEqual(
        readers
          .map((user) => ({ user_id: user.id, items: 2 }))
          .sort((a, b) => a.user_id.localeCompare(b.user_id)),
      );
    } finally {
      smtp.refused.clear();
    }
  });

  it('switches a type off by the one-click POST of List-Unsubscribe, without a session', async () => {
    const reader = await follower('immediate');
    await newVersion();
    const [mail] = await smtp.waitFor(reader.email);
    const url = new URL(/^<(.+)>$/.exec(mail.header('list-unsubscribe')!)![1]);
    const target = url.pathname + url.search;

    // A mail scanner following the link changes nothing: GET only asks.
    const asked = await t.http().get(target).expect(200);
    // The type by its name on the settings page, quoted (not "over Nieuwe versie …").
    expect(mainText(html(asked))).toContain(
      'Wilt u geen e-mail meer van de soort "Nieuwe versie van een bouwsteen die u volgt of hergebruikt"?',
    );
    expect(
      (await t.http().get('/api/v1/me/mail-preferences').set(bearer(reader))).body.types,
    ).toContainEqual(expect.objectContaining({ type: 'new-version', mode: 'immediate' }));

    // A forged code is refused with a Dutch page and changes nothing.
    const forged = target.replace(/code=[^&]+/, (code) => `${code.slice(0, -4)}AAAA`);
    await t.http().post(forged).type('form').send('List-Unsubscribe=One-Click').expect(404);

    const done = await t
      .http()
      .post(target)
      .type('form')
      .send('List-Unsubscribe=One-Click')
      .expect(200);
    expect(mainText(html(done))).toContain(
      'U krijgt geen e-mail meer van de soort "Nieuwe versie van een bouwsteen die u volgt of hergebruikt".',
    );
    const after = await t.http().get('/api/v1/me/mail-preferences').set(bearer(reader));
    expect(after.body.types).toContainEqual(
      expect.objectContaining({ type: 'new-version', mode: 'off' }),
    );
    await newVersion();
    await settle();
    expect(smtp.to(reader.email)).toHaveLength(1);
  });

  it('sends nothing to a deactivated account, queued before or after', async () => {
    const gone = await follower('immediate');
    const waiting = await follower('digest');
    await newVersion();
    await smtp.waitFor(gone.email);
    expect(await pending(waiting)).toBe(1);
    for (const user of [gone, waiting])
      await t
        .http()
        .patch(`/api/v1/users/${user.id}`)
        .set(bearer(admin))
        .set(await t.userEtag(user.id))
        .send({ active: false })
        .expect(200);
    await newVersion();
    await digestTime(waiting);
    await settle();
    expect(smtp.to(gone.email)).toHaveLength(1);
    expect(smtp.to(waiting.email)).toHaveLength(0);
    expect(await pending(waiting)).toBe(0);
  });

  it('sends an account at most MAIL_DAILY_LIMIT mails a day; the rest waits for a digest', async () => {
    const busy = await follower('immediate');
    for (let i = 0; i < 4; i++) await newVersion();
    await smtp.waitFor(busy.email, 3);
    await settle();
    expect(smtp.to(busy.email)).toHaveLength(3);
    expect(await pending(busy)).toBe(1);
  });

  it("reads a digest's entries in one query per kind, however many items it holds", async () => {
    const { title } = (await t.http().get(`/api/v1/assets/${block.id}`).expect(200)).body;
    const requests = t.app.get(RequestsService);
    const item = (source: MailItem['source'], type: string, sourceId: string): MailItem => ({
      id: randomUUID(),
      userId: editor.id,
      type,
      source,
      sourceId,
      sealed: null,
      createdAt: new Date(),
    });
    const items: MailItem[] = [];
    for (let i = 0; i < 8; i++) {
      const sent = await requests.send(
        i % 4 === 3 ? { ppsId } : { assetId: block.id },
        {
          name: `Aanvrager ${i}`,
          email: `aanvrager-${i}@roc-voorbeeld.example`,
          organisation: 'ROC Voorbeeld',
          purpose: 'Voor leerjaar 2.',
        },
        `198.51.${i}.7`,
      );
      items.push(item('request', 'material-request', sent.id));
    }
    const reader = await follower('digest');
    for (let i = 0; i < 3; i++) await newVersion();
    const notifications: { id: string }[] = await db().query(
      'SELECT id FROM notification WHERE user_id = $1',
      [reader.id],
    );
    expect(notifications).toHaveLength(3);
    items.push(...notifications.map(({ id }) => item('notification', 'new-version', id)));

    // Counts the queries made on behalf of one call (the worker's own polling is not its).
    const caller = new AsyncLocalStorage<string[]>();
    const query = PostgresQueryRunner.prototype.query;
    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query').mockImplementation(function (
      this: PostgresQueryRunner,
      ...args: Parameters<typeof query>
    ) {
      caller.getStore()?.push(args[0]);
      return query.apply(this, args);
    });
    const entries = t.worker().get(MailEntries);
    const read = async (some: MailItem[]) => {
      const made: string[] = [];
      const found = await caller.run(made, () => entries.of(some));
      return { found, queries: made.length };
    };
    try {
      const few = await read([items[0], items[8]]);
      const many = await read(items);
      expect(few.queries).toBe(2);
      expect(many.queries).toBe(few.queries);
      expect(many.found.size).toBe(items.length);
      expect(many.found.get(items[0].id)!.line).toBe(
        `Aanvrager 0 (ROC Voorbeeld) vraagt om het materiaal van “${title}”.`,
      );
      expect(many.found.get(items[3].id)!.line).toBe(
        'Aanvrager 3 (ROC Voorbeeld) heeft een vraag voor uw PPS.',
      );
      expect(many.found.get(items[8].id)!.link.href).toContain(`/bouwstenen/${block.id}`);
      // A request deleted since is left out, as before.
      await db().query('DELETE FROM material_request WHERE id = $1', [items[1].sourceId]);
      expect((await read(items)).found.has(items[1].id)).toBe(false);
    } finally {
      spy.mockRestore();
    }
  });

  it('answers bad settings with problem+json and keeps the rest', async () => {
    const user = await t.user('teacher');
    const bad = await setMail(user, { types: [{ type: 'spam', mode: 'often' }] }).expect(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bad.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'types.0.mode',
      'types.0.type',
    ]);
    await setMail(user, { digestFrequency: 'hourly' }).expect(400);
    await t.http().get('/api/v1/me/mail-preferences').expect(401);
    const saved = await setMail(user, { digestFrequency: 'weekly' }).expect(200);
    expect(saved.body).toMatchObject({ digestFrequency: 'weekly', mailEnabled: true });
    expect(saved.body.types.map((type: { mode: string }) => type.mode)).toEqual([
      'digest',
      'digest',
      'digest',
      'digest',
    ]);
  });
});
