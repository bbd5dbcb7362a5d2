import { DataSource } from 'typeorm';
import { AccountEmailsNormalised1765929600000 } from '../migrations/1765929600000-AccountEmailsNormalised';
import { fieldId } from '../libs/web/src/forms/field-errors';
import { html } from './harness/html';
import { PageBrowser } from './harness/page-browser';
import { TestApp, TestUser, bearer, createTestApp } from './harness/test-app';

/** "ｊａｎ@school.nl" in fullwidth letters, and the Kelvin sign for a K. */
const fullwidth = (text: string) =>
  [...text]
    .map((char) => (/[a-z]/i.test(char) ? String.fromCharCode(char.charCodeAt(0) + 0xfee0) : char))
    .join('');
const CYRILLIC_A = '\u0430';

/**
 * An e-mail address is one address however it is typed: compatibility look-alikes (fullwidth
 * letters, the Kelvin sign) are folded (NFKC), trimmed and found in lower case on every path —
 * invitation, account made or changed, sign-in (API and page), the link a new account gets;
 * what is still not ASCII (a Cyrillic "а") is refused with a Dutch message. Accounts stored
 * before are folded by a migration, a look-alike of another account deactivated.
 */
describe('e-mail look-alikes (e2e)', () => {
  let t: TestApp;
  let admin: TestUser;
  let address = 0;

  beforeAll(async () => {
    t = await createTestApp({ isolated: true, env: { TRUST_PROXY: 'loopback' } });
    admin = await t.user('admin');
  });
  afterAll(() => t.close());

  const invite = (email: string) =>
    t
      .http()
      .post('/api/v1/users')
      .set(bearer(admin))
      .send({ email, displayName: 'Jan de Vries', role: 'teacher' });

  const login = (email: string, password: string) =>
    t
      .http()
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', `198.51.100.${++address}`)
      .send({ email, password });

  it('invites a fullwidth address as the plain one, and refuses it (or any case of it) a second time', async () => {
    const made = await invite(` ${fullwidth('jan.lookalike')}@${fullwidth('school')}.nl `);
    expect(made.status).toBe(201);
    expect(made.body.email).toBe('jan.lookalike@school.nl');
    for (const again of [
      'jan.lookalike@school.nl',
      'JAN.LOOKALIKE@SCHOOL.NL',
      fullwidth('JAN.LOOKALIKE@SCHOOL.NL'),
    ]) {
      const refused = await invite(again);
      expect({ again, status: refused.status, code: refused.body.code }).toEqual({
        again,
        status: 409,
        code: 'email-taken',
      });
    }
  });

  it('refuses an address that is not ASCII once folded, naming the field', async () => {
    const refused = await invite(`j${CYRILLIC_A}n.cyrillisch@school.nl`);
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ field: 'email', code: 'isAsciiEmail' }),
    ]);
  });

  it('changes an address to a fullwidth one as the plain one, and refuses another’s look-alike', async () => {
    const first = await invite('eerste.adres@school.nl').expect(201);
    await invite('tweede.adres@school.nl').expect(201);
    const change = (email: string, revision: number) =>
      t
        .http()
        .patch(`/api/v1/users/${first.body.id}`)
        .set(bearer(admin))
        .set('If-Match', `"${revision}"`)
        .send({ email });
    const taken = await change(fullwidth('tweede.adres@school.nl'), first.body.revision);
    expect(taken.status).toBe(409);
    const changed = await change(fullwidth('derde.adres@school.nl'), first.body.revision);
    expect(changed.status).toBe(200);
    expect(changed.body.email).toBe('derde.adres@school.nl');
  });

  it('signs in with the address typed in fullwidth or another case, through the API and the page', async () => {
    const teacher = await t.user('teacher');
    await login(fullwidth(teacher.email.toUpperCase()), teacher.password).expect(200);
    const browser = new PageBrowser(t);
    await browser.get('/inloggen');
    const signedIn = await browser.post('/inloggen', {
      _formulier: browser.token,
      email: fullwidth(teacher.email),
      password: teacher.password,
    });
    expect(signedIn.status).toBe(303);
    expect((await browser.get('/mijn-account')).status).toBe(200);
  });

  it('greets the owner of an invitation link by the plain address, which then signs in', async () => {
    const made = await invite(fullwidth('link.ontvanger@school.nl')).expect(201);
    const link = await t
      .http()
      .post(`/api/v1/users/${made.body.id}/invitation`)
      .set(bearer(admin))
      .expect(201);
    const path = new URL(link.body.url).pathname;
    const browser = new PageBrowser(t);
    const page = await browser.get(path);
    expect(page.status).toBe(200);
    expect(page.text).toContain('link.ontvanger@school.nl');
    const chosen = await browser.post(path, {
      _formulier: browser.token,
      newPassword: 'een-eigen-lang-wachtwoord',
      newPasswordRepeat: 'een-eigen-lang-wachtwoord',
    });
    expect(chosen.status).toBe(303);
    await login('link.ontvanger@school.nl', 'een-eigen-lang-wachtwoord').expect(200);
  });

  it('says in Dutch on the invitation form why a Cyrillic look-alike cannot be used', async () => {
    const browser = new PageBrowser(t);
    await browser.signIn(admin);
    await browser.get('/beheer/gebruikers');
    const refused = await browser.post('/beheer/gebruikers', {
      _formulier: browser.token,
      email: `j${CYRILLIC_A}n.formulier@school.nl`,
      displayName: 'Jan via het formulier',
      role: 'teacher',
    });
    expect(refused.status).toBe(400);
    expect(html(refused as never).querySelector(`#${fieldId('email')}-fout`)?.text).toContain(
      'alleen gewone letters (a-z)',
    );
  });

  it('folds the addresses of accounts made before, and deactivates a look-alike of another', async () => {
    const db = t.app.get(DataSource);
    const insert = async (email: string, key: string) => {
      const [row] = await db.query(
        `INSERT INTO app_user (email, email_key, display_name, role)
         VALUES ($1, $2, 'Van vroeger', 'teacher') RETURNING id`,
        [email, key],
      );
      return row.id as string;
    };
    const plain = await insert('oud.adres@school.nl', 'oud.adres@school.nl');
    const twin = fullwidth('Oud.Adres@School.nl');
    const lookAlike = await insert(twin, twin.toLowerCase());
    const alone = fullwidth('Alleen.Breed@school.nl');
    const folded = await insert(` ${alone}`, alone.toLowerCase());
    await db.query(
      `INSERT INTO web_session (id_hash, user_id, token_version, expires_at, browser)
       VALUES ('look-alike-session', $1, 1, now() + interval '1 hour', 'Firefox op Windows')`,
      [lookAlike],
    );

    const runner = db.createQueryRunner();
    await runner.startTransaction();
    await new AccountEmailsNormalised1765929600000().up(runner);
    await runner.commitTransaction();
    await runner.release();

    const rows: { id: string; email: string; email_key: string; active: boolean }[] =
      await db.query(`SELECT id, email, email_key, active FROM app_user WHERE id = ANY($1)`, [
        [plain, lookAlike, folded],
      ]);
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(plain)).toMatchObject({ email_key: 'oud.adres@school.nl', active: true });
    expect(byId.get(folded)).toMatchObject({
      email: 'Alleen.Breed@school.nl',
      email_key: 'alleen.breed@school.nl',
      active: true,
    });
    expect(byId.get(lookAlike)).toMatchObject({ email: twin, active: false });
    const sessions = await db.query(`SELECT 1 FROM web_session WHERE user_id = $1`, [lookAlike]);
    expect(sessions).toEqual([]);
    const audit = await db.query(`SELECT action, summary FROM audit_event WHERE subject_id = $1`, [
      lookAlike,
    ]);
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'deactivated',
        summary: expect.stringContaining('look-alike'),
      }),
    ]);
  });
});
