import { createHmac } from 'node:crypto';
import { IncomingMessage, Server, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { moduleBody } from './harness/fixtures';
import { TestApp, TestUser, bearer, createTestApp } from './harness/test-app';

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

describe('follow and notify (e2e)', () => {
  let t: TestApp;
  let owner: TestUser;
  let follower: TestUser;
  let reuser: TestUser;
  let bystander: TestUser;
  let ownerPps: string;
  let reuserPps: string;
  let server: Server;
  let hookUrl: string;
  const received: Received[] = [];
  let failuresToSimulate = 0;

  beforeAll(async () => {
    t = await createTestApp({ isolated: true });
    await t.startWorker();
    ownerPps = await t.ppsId('GreenTechNHN');
    reuserPps = await t.ppsId('Plant & Business');
    owner = await t.user('pps-editor', [ownerPps]);
    follower = await t.user('teacher');
    reuser = await t.user('pps-editor', [reuserPps]);
    bystander = await t.user('teacher');
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        if (failuresToSimulate > 0) {
          failuresToSimulate--;
          response.writeHead(500).end();
          return;
        }
        received.push({ headers: request.headers, body });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    hookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });
  afterAll(async () => {
    await t.close();
    await new Promise((resolve) => server.close(resolve));
  });

  const published = () => t.publish(owner, moduleBody(ownerPps));

  const newVersion = (asset: { id: string; etag: string }) =>
    t.publishNewVersion(
      owner,
      asset,
      { summary: 'Een herziene samenvatting van de module.' },
      'Herzien',
    );

  const inbox = async (user: TestUser) =>
    (await t.http().get('/api/v1/me/notifications').set(bearer(user)).expect(200)).body;

  it('tells followers of an asset and of its PPS, and reusers, about a new version and archiving', async () => {
    const asset = await published();
    const ppsFollower = await t.user('llo-office');
    await t.http().put(`/api/v1/me/follows/assets/${asset.id}`).set(bearer(follower)).expect(204);
    await t.http().put(`/api/v1/me/follows/pps/${ownerPps}`).set(bearer(ppsFollower)).expect(204);
    await t
      .http()
      .post(`/api/v1/assets/${asset.id}/reuses`)
      .set(bearer(reuser))
      .send({ adopterPpsId: reuserPps, mode: 'as-is', context: 'Teelt' })
      .expect(201);

    const v2 = await newVersion(asset);
    expect((await inbox(follower)).items[0]).toMatchObject({
      type: 'new-version',
      assetId: asset.id,
      assetVersion: 2,
      reason: 'u volgt deze bouwsteen',
    });
    expect((await inbox(ppsFollower)).items[0]).toMatchObject({
      assetId: asset.id,
      reason: 'u volgt de PPS',
    });
    expect((await inbox(reuser)).items[0]).toMatchObject({
      assetId: asset.id,
      reason: 'uw PPS hergebruikt deze bouwsteen',
    });
    expect((await inbox(bystander)).totalItems).toBe(0);
    expect((await inbox(owner)).totalItems).toBe(0);

    await t
      .http()
      .post(`/api/v1/assets/${asset.id}/archive`)
      .set(bearer(owner))
      .set('If-Match', v2.etag)
      .send({})
      .expect(200);
    const afterArchive = await inbox(follower);
    expect(afterArchive.items[0]).toMatchObject({ type: 'archived', assetId: asset.id });
    expect(afterArchive.items[0].message).toContain('is gearchiveerd');
  });

  it('marks notifications read and filters unread ones', async () => {
    const list = await inbox(follower);
    await t
      .http()
      .post(`/api/v1/me/notifications/${list.items[0].id}/read`)
      .set(bearer(follower))
      .expect(204);
    const unread = await t
      .http()
      .get('/api/v1/me/notifications?unread=true')
      .set(bearer(follower))
      .expect(200);
    expect(unread.body.totalItems).toBe(list.totalItems - 1);
    await t
      .http()
      .post(`/api/v1/me/notifications/${list.items[0].id}/read`)
      .set(bearer(bystander))
      .expect(404);
  });

  it('stops telling those who unfollow', async () => {
    const asset = await published();
    await t.http().put(`/api/v1/me/follows/assets/${asset.id}`).set(bearer(bystander)).expect(204);
    expect(
      (await t.http().get('/api/v1/me/follows').set(bearer(bystander)).expect(200)).body.items[0],
    ).toMatchObject({ targetType: 'asset', targetId: asset.id });
    await t
      .http()
      .delete(`/api/v1/me/follows/assets/${asset.id}`)
      .set(bearer(bystander))
      .expect(204);
    await newVersion(asset);
    expect((await inbox(bystander)).totalItems).toBe(0);
    await t
      .http()
      .put('/api/v1/me/follows/assets/00000000-0000-4000-8000-000000000000')
      .set(bearer(bystander))
      .expect(404);
  });

  it('calls a registered webhook with an HMAC-SHA256 signature, retrying after failures', async () => {
    const subscriber = await t.user('teacher');
    const hook = await t
      .http()
      .post('/api/v1/me/webhooks')
      .set(bearer(subscriber))
      .send({ url: hookUrl })
      .expect(201);
    expect(hook.body.secret).toMatch(/^whsec_/);
    expect(
      (await t.http().get('/api/v1/me/webhooks').set(bearer(subscriber)).expect(200)).body[0]
        .secret,
    ).toBeUndefined();
    const asset = await published();
    await t.http().put(`/api/v1/me/follows/assets/${asset.id}`).set(bearer(subscriber)).expect(204);
    failuresToSimulate = 2;
    received.length = 0;
    await newVersion(asset);

    const deadline = Date.now() + 15_000;
    while (received.length === 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(received).toHaveLength(1);
    const [call] = received;
    const expected = `sha256=${createHmac('sha256', hook.body.secret).update(`${call.headers['x-bouwsteen-timestamp']}.${call.body}`).digest('hex')}`;
    expect(call.headers['x-bouwsteen-signature']).toBe(expected);
    expect(JSON.parse(call.body)).toMatchObject({
      type: 'new-version',
      assetId: asset.id,
      assetVersion: 2,
    });
    expect(failuresToSimulate).toBe(0);
  });

  it('validates webhook URLs', async () => {
    const response = await t
      .http()
      .post('/api/v1/me/webhooks')
      .set(bearer(bystander))
      .send({ url: 'ftp://example.nl/x' })
      .expect(400);
    expect(response.body.errors[0].field).toBe('url');
    await t.http().post('/api/v1/me/webhooks').send({ url: hookUrl }).expect(401);
  });
});
