import { demoTemplate } from './harness/demo-site';
import { DemoAccounts, DEMO_ACCOUNTS } from '@bouwsteen/seed';
import { TestApp, createTestApp } from './harness/test-app';

/** The demo sign-ins `npm start` makes when DEMO_ACCOUNTS_PASSWORD is set. */
describe('demo accounts (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ isolated: true, template: await demoTemplate() });
  });
  afterAll(() => t.close());

  it('creates a PPS lead and an LLO office once, with their PPS and organisation, who can sign in', async () => {
    const password = 'demo-wachtwoord-voor-test';
    const created = await t.app.get(DemoAccounts).ensure(password);
    expect(created).toEqual(DEMO_ACCOUNTS.map((account) => account.email));
    expect(await t.app.get(DemoAccounts).ensure('een-ander-wachtwoord')).toEqual([]);
    for (const account of DEMO_ACCOUNTS) {
      const login = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: account.email, password })
        .expect(200);
      const me = await t
        .http()
        .get('/api/v1/me')
        .set('Authorization', `Bearer ${login.body.accessToken}`)
        .expect(200);
      expect(me.body.role).toBe(account.role);
      if (account.pps) expect(me.body.ppsIds).toEqual([await t.ppsId(account.pps)]);
      if (account.organisation) expect(me.body.organisationId).toEqual(expect.any(String));
    }
  });
});
