import { Logger, LoggerService } from '@nestjs/common';
import { Server, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { Clock } from '@bouwsteen/common';
import { html } from './harness/html';
import { PageBrowser as Browser } from './harness/page-browser';
import { TestApp, TestUser, bearer, createTestApp, freePort } from './harness/test-app';

const SECRET = 'far-client-secret-for-tests';
const DOWN_SECRET = 'down-client-secret-for-tests';

/**
 * The federation's edges, without a real provider: an issuer whose authorization and logout
 * endpoints lie on other origins than its discovery document (CSP form-action), an issuer that
 * cannot be reached (503, nothing secret said or logged), the bounds on unfinished sign-in
 * starts, and the home organisation domains (one organisation each, also under a race).
 */
describe('institution sign-in: endpoints, outages, bounds and domains (e2e)', () => {
  let t: TestApp;
  let admin: TestUser;
  let discovery: Server;
  let discoveries = 0;
  let issuer: string;
  let novaId: string;
  const logged: string[] = [];

  beforeAll(async () => {
    discovery = createServer((request, response) => {
      if (request.url !== '/.well-known/openid-configuration') {
        response.writeHead(404).end();
        return;
      }
      discoveries++;
      response.writeHead(200, { 'Content-Type': 'application/json' }).end(
        JSON.stringify({
          issuer,
          authorization_endpoint: 'http://localhost:9/authorize',
          token_endpoint: `${issuer}/token`,
          jwks_uri: `${issuer}/jwks`,
          end_session_endpoint: 'http://127.0.0.2:9/logout',
          response_types_supported: ['code'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256'],
        }),
      );
    });
    await new Promise<void>((resolve) => discovery.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(discovery.address() as AddressInfo).port}`;
    const down = `http://127.0.0.1:${await freePort()}`;
    const capture =
      (level: string) =>
      (message: unknown, ...rest: unknown[]) =>
        logged.push(`${level} ${JSON.stringify([message, ...rest])}`);
    const logger: LoggerService = {
      log: capture('log'),
      error: capture('error'),
      warn: capture('warn'),
      debug: capture('debug'),
      verbose: capture('verbose'),
    };
    t = await createTestApp({
      isolated: true,
      env: {
        TRUST_PROXY: 'loopback',
        OIDC_START_ADDRESS_LIMIT: '3',
        OIDC_PENDING_LIMIT: '6',
        OIDC_ISSUERS: 'far,down',
        OIDC_FAR_LABEL: 'Verre federatie',
        OIDC_FAR_DISCOVERY_URL: `${issuer}/.well-known/openid-configuration`,
        OIDC_FAR_CLIENT_ID: 'bouwsteen-far',
        OIDC_FAR_CLIENT_SECRET: SECRET,
        OIDC_DOWN_LABEL: 'Onbereikbare federatie',
        OIDC_DOWN_DISCOVERY_URL: `${down}/.well-known/openid-configuration`,
        OIDC_DOWN_CLIENT_ID: 'bouwsteen-down',
        OIDC_DOWN_CLIENT_SECRET: DOWN_SECRET,
      },
    });
    // After the app is made (it turns Nest's logger off): the warnings of the issuers from now on.
    Logger.overrideLogger(logger);
    admin = await t.user('admin');
    const nova = await t
      .http()
      .post('/api/v1/organisations')
      .set(bearer(admin))
      .send({ name: 'Nova College Federatie', type: 'school', domains: ['novacollege.nl'] })
      .expect(201);
    novaId = nova.body.id;
  });
  afterAll(async () => {
    Logger.overrideLogger(false);
    await t?.close();
    await new Promise((resolve) => discovery?.close(resolve));
  });

  let address = 0;
  /** A browser on a network address of its own (the app trusts the loopback proxy). */
  function from(ip = `198.51.100.${++address}`) {
    const browser = new Browser(t);
    const forwarded = { 'X-Forwarded-For': ip };
    return {
      browser,
      start: async (key = 'far') => {
        await browser.get('/inloggen');
        return browser.post(
          `/inloggen/instelling/${key}`,
          { _formulier: browser.token },
          forwarded,
        );
      },
    };
  }

  const pending = async () =>
    (await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM federated_sign_in`))[0]
      .n as number;

  it("allows in form-action the origins of each issuer's discovered authorization and logout endpoints, discovered once", async () => {
    const { start, browser } = from();
    const started = await start();
    expect(started.status).toBe(303);
    expect(String(started.headers.location)).toMatch(/^http:\/\/localhost:9\/authorize\?/);
    const policy = String((await browser.get('/inloggen')).headers['content-security-policy']);
    const formAction = policy.split('; ').find((part) => part.startsWith('form-action'))!;
    expect(formAction.split(' ')).toEqual(
      expect.arrayContaining([issuer, 'http://localhost:9', 'http://127.0.0.2:9']),
    );
    for (let i = 0; i < 3; i++) await browser.get('/inloggen');
    expect(discoveries).toBe(1);
    await t.app.get(DataSource).query(`DELETE FROM federated_sign_in`);
  });

  it('answers an unreachable issuer with a Dutch 503 page, never a 500, and says or logs nothing secret', async () => {
    const { start } = from();
    // Tried at boot already; half a minute later the next sign-in tries again (and logs).
    const clock = t.app.get(Clock);
    jest.spyOn(clock, 'now').mockReturnValue(new Date(Date.now() + 31_000));
    const answer = await start('down');
    jest.restoreAllMocks();
    expect(answer.status).toBe(503);
    expect(answer.text).toContain('Uw instelling is even niet bereikbaar');
    const again = await start('down');
    expect(again.status).toBe(503);
    for (const text of [answer.text, again.text, logged.join('\n')]) {
      expect(text).not.toContain(DOWN_SECRET);
      expect(text).not.toContain(SECRET);
      expect(text).not.toMatch(/state=|code_verifier|nonce=/);
    }
    expect(logged.join('\n')).toContain('Discovery of down failed');
    expect(await pending()).toBe(0);
  });

  it('bounds unfinished starts per network address: 429 with Retry-After, other addresses go on', async () => {
    const ip = '203.0.113.7';
    for (let i = 0; i < 3; i++) expect((await from(ip).start()).status).toBe(303);
    const refused = await from(ip).start();
    expect(refused.status).toBe(429);
    const wait = Number(refused.headers['retry-after']);
    expect(wait).toBeGreaterThan(500);
    expect(wait).toBeLessThanOrEqual(600);
    expect(refused.text).toContain('Te veel inlogpogingen tegelijk');
    expect(await pending()).toBe(3);
    expect((await from().start()).status).toBe(303);
    await t.app.get(DataSource).query(`DELETE FROM federated_sign_in`);
    // An IPv6 connection may use any address of its /64: they count as one network.
    for (const ip of ['2001:db8:7:7::1', '2001:db8:7:7:a:b:c:d', '2001:db8:7:7:ffff:1:2:3'])
      expect((await from(ip).start()).status).toBe(303);
    expect((await from('2001:db8:7:7:9999::').start()).status).toBe(429);
    expect((await from('2001:db8:7:8::1').start()).status).toBe(303);
    await t.app.get(DataSource).query(`DELETE FROM federated_sign_in`);
  });

  it('bounds the pending sign-ins of everyone together, also when they start at once', async () => {
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        from()
          .start()
          .then((answer) => answer.status),
      ),
    );
    expect(answers.filter((status) => status === 303).length).toBeLessThanOrEqual(6);
    expect(answers.filter((status) => status === 429).length).toBeGreaterThanOrEqual(4);
    expect(answers.every((status) => status === 303 || status === 429)).toBe(true);
    expect(await pending()).toBeLessThanOrEqual(6);
    // Starts that met at once may all have seen each other and stepped back: fill up to the
    // bound one at a time, then the next is refused.
    for (let waiting = await pending(); waiting < 6; waiting++)
      expect((await from().start()).status).toBe(303);
    const late = await from().start();
    expect(late.status).toBe(429);
    expect(Number(late.headers['retry-after'])).toBeGreaterThan(0);
    await t.app.get(DataSource).query(`DELETE FROM federated_sign_in`);
  });

  it('answers two admins adding the same domain at once with one success and one 409, never a 500', async () => {
    const create = (name: string) =>
      t
        .http()
        .post('/api/v1/organisations')
        .set(bearer(admin))
        .send({ name, type: 'school', domains: ['gelijktijdig.nl'] });
    for (let round = 0; round < 3; round++) {
      const answers = await Promise.all([
        create(`Eerste College ${round}`),
        create(`Tweede College ${round}`),
      ]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
      const conflict = answers.find((answer) => answer.status === 409)!;
      expect(conflict.body.code).toBe('organisation-domain-taken');
      expect(conflict.headers['content-type']).toContain('application/problem+json');
      await t.app
        .get(DataSource)
        .query(`DELETE FROM organisation_domain WHERE domain = 'gelijktijdig.nl'`);
    }
  });

  it('lets admins keep the domains in /beheer and the API, one organisation per domain', async () => {
    const other = await t
      .http()
      .post('/api/v1/organisations')
      .set(bearer(admin))
      .send({ name: 'Ander College', type: 'school', domains: ['novacollege.nl'] })
      .expect(409);
    expect(other.body.code).toBe('organisation-domain-taken');
    const browser = new Browser(t);
    await browser.signIn(admin);
    const form = html(await browser.get(`/beheer/organisaties/${novaId}`));
    expect(form.querySelector('textarea[name="domains"]')!.text).toBe('novacollege.nl');
    const revision = form.querySelector('input[name="revisie"]')!.getAttribute('value')!;
    const wrong = await browser.post(`/beheer/organisaties/${novaId}`, {
      _formulier: browser.token,
      revisie: revision,
      name: 'Nova College Federatie',
      aliases: '',
      domains: 'novacollege.nl\nhttps://www.nova.nl',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain('Vul een domeinnaam in kleine letters in');
    const saved = await browser.post(`/beheer/organisaties/${novaId}`, {
      _formulier: browser.token,
      revisie: revision,
      name: 'Nova College Federatie',
      aliases: '',
      domains: 'novacollege.nl\nstudent.novacollege.nl',
    });
    expect(saved.status).toBe(303);
    const read = await t
      .http()
      .get(`/api/v1/organisations/${novaId}`)
      .set(bearer(admin))
      .expect(200);
    expect(read.body.domains).toEqual(['novacollege.nl', 'student.novacollege.nl']);
  });
});
