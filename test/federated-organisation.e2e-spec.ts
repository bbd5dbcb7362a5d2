import { DataSource } from 'typeorm';
import { federatedBrowsing } from './harness/federated-browser';
import { IssuerAccount, TestIssuers, startTestIssuers } from './harness/oidc-issuers';
import { PageBrowser as Browser } from './harness/page-browser';
import { TestApp, TestUser, bearer, createTestApp } from './harness/test-app';

const BASE = 'http://bouwsteen.test';

type Browsing = ReturnType<typeof federatedBrowsing>;

/**
 * The organisation an institution names reaches an account that has none, also after the
 * account was made: an admin adds the institution's domain later, and the next sign-in (or
 * link) through it sets the organisation, audited; one an admin chose is never replaced.
 */
describe('the home organisation of an existing account (e2e)', () => {
  let issuers: TestIssuers;
  let t: TestApp;
  let admin: TestUser;
  let db: DataSource;
  let signIn: Browsing['signIn'];
  let link: Browsing['link'];

  beforeAll(async () => {
    issuers = await startTestIssuers(BASE);
    t = await createTestApp({
      isolated: true,
      env: { PUBLIC_BASE_URL: BASE, ...issuers.env({ surfconext: 'SURFconext' }) },
    });
    db = t.app.get(DataSource);
    ({ signIn, link } = federatedBrowsing(t, issuers, BASE));
    admin = await t.user('admin');
  });
  afterAll(async () => {
    await t?.close();
    await issuers?.stop();
  });

  const organisation = async (name: string, domains: string[] = []) =>
    (
      await t
        .http()
        .post('/api/v1/organisations')
        .set(bearer(admin))
        .send({ name, type: 'school', domains })
        .expect(201)
    ).body as { id: string; revision: number };
  const addDomain = (org: { id: string; revision: number }, domain: string) =>
    t
      .http()
      .patch(`/api/v1/organisations/${org.id}`)
      .set(bearer(admin))
      .set('If-Match', `"${org.revision}"`)
      .send({ domains: [domain] })
      .expect(200);
  const accountOf = async (email: string) =>
    (
      await db.query(
        `SELECT id, organisation_id AS "organisationId", row_version AS revision
           FROM app_user WHERE email_key = lower($1)`,
        [email],
      )
    )[0] as { id: string; organisationId: string | null; revision: number };
  const auditOf = async (id: string) =>
    (
      await db.query(
        `SELECT actor_id AS "actorId", action, summary FROM audit_event
          WHERE subject_type = 'account' AND subject_id = $1 ORDER BY id`,
        [id],
      )
    ).map((row: { actorId: string; action: string; summary: string }) => row);

  it('sets the organisation at the first sign-in after an admin added its domain, audited, once', async () => {
    const docent: IssuerAccount = {
      sub: 'surf-later-1',
      email: 'l.later@horizoncollege.nl',
      name: 'Lotte Later',
      schac_home_organization: 'horizoncollege.nl',
      eduperson_affiliation: ['employee'],
    };
    expect((await signIn('surfconext', docent)).answer.status).toBe(303);
    const before = await accountOf(docent.email!);
    expect(before.organisationId).toBeNull();

    const horizon = await organisation('Later Toegevoegd College');
    await addDomain(horizon, 'horizoncollege.nl');
    const { answer, browser } = await signIn('surfconext', docent);
    expect(answer.status).toBe(303);
    const after = await accountOf(docent.email!);
    expect(after.organisationId).toBe(horizon.id);
    expect(after.revision).toBe(before.revision + 1);
    expect(await auditOf(after.id)).toEqual([
      expect.objectContaining({ action: 'created' }),
      {
        actorId: after.id,
        action: 'updated',
        summary: `${docent.email}: organisationId (the home organisation surfconext released)`,
      },
    ]);
    // In force at once: a list of this account may now be public (on Horizon's page).
    await browser.get('/mijn-lijsten');
    const made = await browser.post('/mijn-lijsten', { _formulier: browser.token, name: 'Mijn' });
    expect(made.status).toBe(303);
    const listPage = await browser.get(String(made.headers.location));
    expect(listPage.text).toContain('<option value="public"');

    // The next sign-in changes nothing more.
    await signIn('surfconext', docent);
    expect(await accountOf(docent.email!)).toEqual(after);
    expect(await auditOf(after.id)).toHaveLength(2);
  });

  it('never replaces an organisation an admin chose', async () => {
    const chosen = await organisation('Gekozen door beheer');
    await organisation('Het ROC van het domein', ['rocvanhetdomein.nl']);
    const docent: IssuerAccount = {
      sub: 'surf-gekozen-1',
      email: 'g.gekozen@elders.example',
      schac_home_organization: 'elders.example',
    };
    await signIn('surfconext', docent);
    const made = await accountOf(docent.email!);
    await t
      .http()
      .patch(`/api/v1/users/${made.id}`)
      .set(await t.userEtag(made.id))
      .set(bearer(admin))
      .send({ organisationId: chosen.id })
      .expect(200);
    const set = await accountOf(docent.email!);
    expect(
      (await signIn('surfconext', { ...docent, schac_home_organization: 'rocvanhetdomein.nl' }))
        .answer.status,
    ).toBe(303);
    expect(await accountOf(docent.email!)).toEqual(set);
    expect(set.organisationId).toBe(chosen.id);
  });

  it('sets it when a password account without one links its institution account', async () => {
    const college = await organisation('Koppelcollege', ['koppelcollege.nl']);
    const owner = await t.user('teacher');
    const browser = new Browser(t);
    await browser.signIn(owner);
    const linked = await link(browser, 'surfconext', {
      sub: 'surf-koppel-1',
      email: 'k.koppel@koppelcollege.nl',
      schac_home_organization: 'koppelcollege.nl',
    });
    expect(linked.status).toBe(303);
    const account = await accountOf(owner.email);
    expect(account.organisationId).toBe(college.id);
    expect((await auditOf(account.id)).map((row: { summary: string }) => row.summary)).toContain(
      `${owner.email}: organisationId (the home organisation surfconext released)`,
    );
  });
});
