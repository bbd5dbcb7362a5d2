import { IncomingMessage, Server, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { moduleBody } from './harness/fixtures';
import { TestApp, TestUser, bearer, createTestApp } from './harness/test-app';

/** With the default setting webhooks reach public addresses only, at registration and at delivery. */
describe('webhooks cannot reach inside (e2e, WEBHOOK_ALLOW_PRIVATE_HOSTS unset)', () => {
  let t: TestApp;
  let owner: TestUser;
  let follower: TestUser;
  let ppsId: string;
  let receiver: Server;
  const received: IncomingMessage[] = [];

  beforeAll(async () => {
    t = await createTestApp({ isolated: true, env: { WEBHOOK_ALLOW_PRIVATE_HOSTS: '' } });
    await t.startWorker();
    ppsId = await t.ppsId('GreenTechNHN');
    owner = await t.user('pps-editor', [ppsId]);
    follower = await t.user('teacher');
    receiver = createServer((request, response) => {
      received.push(request);
      response.writeHead(204).end();
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await t.close();
    await new Promise((resolve) => receiver.close(resolve));
  });

  it.each([
    'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
    'http://127.0.0.1:7700/keys',
    'http://localhost:3000/api/v1/users',
    'http://0x7f000001/',
    'http://2130706433/',
    'http://[::1]:5432/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:7f00:1]/',
    'http://10.0.0.8/',
    'http://192.168.1.1/admin',
    'http://172.20.0.2/',
    'http://100.64.0.1/',
    'http://[fd00::1]/',
    'http://[fe80::1]/',
    'http://224.0.0.1/',
    'http://0.0.0.0:3000/',
    'http://meilisearch:7700/',
    'http://postgres/',
    'http://printer.local/',
    'http://metadata.google.internal/computeMetadata/v1/',
  ])('refuses to register %s', async (url) => {
    const response = await t
      .http()
      .post('/api/v1/me/webhooks')
      .set(bearer(follower))
      .send({ url })
      .expect(400);
    // Refused as not public, or already as not a URL (the validator rejects http://2130706433).
    expect(response.body.errors[0]).toMatchObject({
      field: 'url',
      message: expect.stringMatching(/^must be a public address|must be a URL/),
    });
  });

  it.each([
    'https://hooks.example.nl:8443/bouwsteen',
    'http://hooks.example.nl:22/',
    'http://8.8.8.8:6379/',
    'https://[2001:4860:4860::8888]:5432/',
  ])('refuses to register a public host on another port than 80 or 443: %s', async (url) => {
    const response = await t
      .http()
      .post('/api/v1/me/webhooks')
      .set(bearer(follower))
      .send({ url })
      .expect(400);
    expect(response.body.errors[0]).toMatchObject({
      field: 'url',
      message: expect.stringMatching(/^must be a public address: .*must use port 80 or 443/),
    });
  });

  it('registers public hosts on ports 80 and 443, also named', async () => {
    const user = await t.user('teacher');
    for (const url of ['https://lms.example.nl:443/hooks', 'http://lms.example.nl:80/hooks'])
      await t.http().post('/api/v1/me/webhooks').set(bearer(user)).send({ url }).expect(201);
  });

  it('registers a public URL (its addresses are checked when it is called)', async () => {
    await t
      .http()
      .post('/api/v1/me/webhooks')
      .set(bearer(follower))
      .send({ url: 'https://lms.example.nl/hooks/bouwsteen' })
      .expect(201);
  });

  it('re-checks a stored webhook at every delivery and never sends to a private address', async () => {
    const port = (receiver.address() as AddressInfo).port;
    const user = await t.user('teacher');
    // Registered while private hosts were allowed (or written before this check existed).
    await t.app
      .get(DataSource)
      .query(`INSERT INTO webhook (user_id, url, secret) VALUES ($1, $2, 'whsec_test')`, [
        user.id,
        `http://127.0.0.1:${port}/hook`,
      ]);
    const asset = await t.publish(owner, moduleBody(ppsId));
    await t.http().put(`/api/v1/me/follows/assets/${asset.id}`).set(bearer(user)).expect(204);
    await t.publishNewVersion(owner, asset, { title: 'Nieuwe titel voor volgers' }, 'Titel');
    const db = t.app.get(DataSource);
    const deadline = Date.now() + 10_000;
    let delivery:
      | { gave_up_at: Date | null; last_error: string | null; attempts: number }
      | undefined;
    while (Date.now() < deadline) {
      [delivery] = await db.query(
        `SELECT d.gave_up_at, d.last_error, d.attempts FROM webhook_delivery d
         JOIN webhook w ON w.id = d.webhook_id WHERE w.user_id = $1`,
        [user.id],
      );
      if (delivery?.gave_up_at) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(delivery).toMatchObject({ attempts: 1, gave_up_at: expect.any(Date) });
    expect(delivery!.last_error).toMatch(/non-public destination: 127\.0\.0\.1 is a loopback/);
    expect(received).toHaveLength(0);
  });
});

describe('webhook ports a deployment allows (e2e, WEBHOOK_ALLOWED_PORTS=443,8443)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      env: { WEBHOOK_ALLOW_PRIVATE_HOSTS: '', WEBHOOK_ALLOWED_PORTS: '443,8443' },
    });
  });
  afterAll(() => t.close());

  it('takes the listed ports and only those', async () => {
    const user = await t.user('teacher');
    const register = (url: string) =>
      t.http().post('/api/v1/me/webhooks').set(bearer(user)).send({ url });
    await register('https://hooks.example.nl:8443/bouwsteen').expect(201);
    await register('https://hooks.example.nl/bouwsteen').expect(201);
    const plain = await register('http://hooks.example.nl/bouwsteen').expect(400);
    expect(plain.body.errors[0].message).toMatch(/must use port 443 or 8443 \(it uses 80\)/);
  });
});
