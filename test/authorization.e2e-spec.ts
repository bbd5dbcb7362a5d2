import { Role } from '@bouwsteen/auth';
import { TestApp, TestUser, bearer, createTestApp } from './harness/test-app';
import { moduleBody, unique } from './harness/fixtures';

type Actor =
  | 'anonymous'
  | 'teacher'
  | 'llo-office'
  | 'editor-other-pps'
  | 'editor-own-pps'
  | 'admin';

/**
 * Every write endpoint against every kind of caller. `allowed` lists who succeeds; everyone
 * else must get 401 (anonymous) or 403 (and never a 404 that hides a published asset).
 */
describe('authorisation matrix (e2e)', () => {
  let t: TestApp;
  let ownPps: string;
  let otherPps: string;
  const users = new Map<Actor, TestUser | undefined>();

  beforeAll(async () => {
    t = await createTestApp();
    ownPps = await t.ppsId('GreenTechNHN');
    otherPps = await t.ppsId('Lelytalent');
    users.set('anonymous', undefined);
    users.set('teacher', await t.user('teacher'));
    users.set('llo-office', await t.user('llo-office'));
    users.set('editor-other-pps', await t.user('pps-editor', [otherPps]));
    users.set('editor-own-pps', await t.user('pps-editor', [ownPps]));
    users.set('admin', await t.user('admin'));
  });
  afterAll(() => t.close());

  const actors: Actor[] = [
    'anonymous',
    'teacher',
    'llo-office',
    'editor-other-pps',
    'editor-own-pps',
    'admin',
  ];
  const editors: Actor[] = ['editor-own-pps', 'admin'];

  function expected(actor: Actor, allowed: Actor[], success: number): number {
    if (allowed.includes(actor)) return success;
    return actor === 'anonymous' ? 401 : 403;
  }

  async function publishedAsset(): Promise<{ id: string; etag: string }> {
    const admin = users.get('admin');
    const created = await t
      .http()
      .post('/api/v1/assets')
      .set(bearer(admin))
      .send(moduleBody(ownPps))
      .expect(201);
    const published = await t
      .http()
      .post(`/api/v1/assets/${created.body.id}/publish`)
      .set(bearer(admin))
      .set('If-Match', `"${created.body.revision}"`)
      .send({})
      .expect(200);
    return { id: created.body.id, etag: published.headers.etag };
  }

  const assetWrites: {
    name: string;
    success: number;
    call: (actor: TestUser | undefined) => Promise<{ status: number }>;
  }[] = [
    {
      name: 'POST /assets',
      success: 201,
      call: (u) => t.http().post('/api/v1/assets').set(bearer(u)).send(moduleBody(ownPps)),
    },
    {
      name: 'PATCH /assets/:id',
      success: 200,
      call: async (u) => {
        const asset = await publishedAsset();
        return t
          .http()
          .patch(`/api/v1/assets/${asset.id}`)
          .set(bearer(u))
          .set('If-Match', asset.etag)
          .send({ title: 'Aangepaste titel' });
      },
    },
    {
      name: 'POST /assets/:id/publish',
      success: 200,
      call: async (u) => {
        const asset = await publishedAsset();
        const edited = await t
          .http()
          .patch(`/api/v1/assets/${asset.id}`)
          .set(bearer(users.get('admin')))
          .set('If-Match', asset.etag)
          .send({ title: 'Nieuwe versie' });
        return t
          .http()
          .post(`/api/v1/assets/${asset.id}/publish`)
          .set(bearer(u))
          .set('If-Match', edited.headers.etag)
          .send({ changeNote: 'Nieuwe versie' });
      },
    },
    {
      name: 'POST /assets/:id/archive',
      success: 200,
      call: async (u) => {
        const asset = await publishedAsset();
        return t
          .http()
          .post(`/api/v1/assets/${asset.id}/archive`)
          .set(bearer(u))
          .set('If-Match', asset.etag)
          .send({});
      },
    },
    {
      name: 'DELETE /assets/:id/draft',
      success: 204,
      call: async (u) => {
        const asset = await publishedAsset();
        const edited = await t
          .http()
          .patch(`/api/v1/assets/${asset.id}`)
          .set(bearer(users.get('admin')))
          .set('If-Match', asset.etag)
          .send({ title: 'Te verwerpen' });
        return t
          .http()
          .delete(`/api/v1/assets/${asset.id}/draft`)
          .set(bearer(u))
          .set('If-Match', edited.headers.etag);
      },
    },
  ];

  describe.each(assetWrites)('$name', ({ success, call }) => {
    it.each(actors)('as %s', async (actor) => {
      const response = await call(users.get(actor));
      expect(response.status).toBe(expected(actor, editors, success));
    });
  });

  describe('PATCH /pps/:id (profile)', () => {
    it.each(actors)('as %s', async (actor) => {
      const pps = await t.http().get(`/api/v1/pps/${ownPps}`).expect(200);
      const response = await t
        .http()
        .patch(`/api/v1/pps/${ownPps}`)
        .set(bearer(users.get(actor)))
        .set('If-Match', pps.headers.etag)
        .send({ website: 'https://greentechnhn.nl' });
      expect(response.status).toBe(expected(actor, editors, 200));
    });
  });

  describe('POST /pps', () => {
    it.each(actors)('as %s', async (actor) => {
      const lead = await t.http().get('/api/v1/organisations?q=clusius').expect(200);
      const response = await t
        .http()
        .post('/api/v1/pps')
        .set(bearer(users.get(actor)))
        .send({
          name: unique('PPS Nieuwe Energie'),
          leadOrganisationId: lead.body.items[0].id,
          provinces: ['noord-holland'],
        });
      expect(response.status).toBe(expected(actor, ['admin'], 201));
    });
  });

  describe('POST /organisations', () => {
    it.each(actors)('as %s', async (actor) => {
      const response = await t
        .http()
        .post('/api/v1/organisations')
        .set(bearer(users.get(actor)))
        .send({ name: unique('Installatiebedrijf De Vonk'), type: 'company' });
      expect(response.status).toBe(
        expected(actor, ['llo-office', 'editor-other-pps', 'editor-own-pps', 'admin'], 201),
      );
    });
  });

  describe('PATCH /organisations/:id', () => {
    it.each(actors)('as %s', async (actor) => {
      const created = await t
        .http()
        .post('/api/v1/organisations')
        .set(bearer(users.get('admin')))
        .send({ name: unique('Bouwbedrijf Polder'), type: 'company' })
        .expect(201);
      const response = await t
        .http()
        .patch(`/api/v1/organisations/${created.body.id}`)
        .set(bearer(users.get(actor)))
        .set('If-Match', created.headers.etag)
        .send({ website: 'https://polder.example.nl' });
      expect(response.status).toBe(expected(actor, ['admin'], 200));
    });
  });

  describe('POST /users and PATCH /users/:id', () => {
    it.each(actors)('as %s', async (actor) => {
      const response = await t
        .http()
        .post('/api/v1/users')
        .set(bearer(users.get(actor)))
        .send({
          email: `${unique('x').replace(' ', '')}@example.nl`,
          password: 'a-long-enough-password',
          role: 'teacher',
          displayName: 'Docent',
        });
      expect(response.status).toBe(expected(actor, ['admin'], 201));
      const target = users.get('teacher')!;
      const patch = await t
        .http()
        .patch(`/api/v1/users/${target.id}`)
        .set(await t.userEtag(target.id))
        .set(bearer(users.get(actor)))
        .send({ displayName: 'Docent Jansen' });
      expect(patch.status).toBe(expected(actor, ['admin'], 200));
    });
  });

  describe('POST /me/tokens and DELETE /me/tokens/:id', () => {
    it.each(actors)('as %s', async (actor) => {
      const user = users.get(actor);
      const created = await t
        .http()
        .post('/api/v1/me/tokens')
        .set(bearer(user))
        .send({ name: 'Koppeling' });
      expect(created.status).toBe(actor === 'anonymous' ? 401 : 201);
      const id = created.body.id ?? '00000000-0000-4000-8000-000000000000';
      const revoked = await t.http().delete(`/api/v1/me/tokens/${id}`).set(bearer(user));
      expect(revoked.status).toBe(actor === 'anonymous' ? 401 : 204);
    });
  });

  describe('mass assignment', () => {
    it.each(['status', 'source', 'createdBy', 'revision', 'publishedVersion'])(
      'refuses %s on create',
      async (field) => {
        const response = await t
          .http()
          .post('/api/v1/assets')
          .set(bearer(users.get('editor-own-pps')))
          .send({ ...moduleBody(ownPps), [field]: 'published' })
          .expect(400);
        expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(
          field,
        );
      },
    );

    it.each(['status', 'ppsId', 'kind', 'source', 'successorId'])(
      'refuses %s on edit',
      async (field) => {
        const asset = await publishedAsset();
        const response = await t
          .http()
          .patch(`/api/v1/assets/${asset.id}`)
          .set(bearer(users.get('editor-own-pps')))
          .set('If-Match', asset.etag)
          .send({ [field]: field === 'ppsId' ? otherPps : 'archived' })
          .expect(400);
        expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(
          field,
        );
      },
    );

    it('refuses creating an asset in another PPS', async () => {
      const response = await t
        .http()
        .post('/api/v1/assets')
        .set(bearer(users.get('editor-own-pps')))
        .send(moduleBody(otherPps))
        .expect(403);
      expect(response.body.code).toBe('forbidden');
    });

    it('keeps PPS name and lead institution for admins', async () => {
      const pps = await t.http().get(`/api/v1/pps/${ownPps}`).expect(200);
      const response = await t
        .http()
        .patch(`/api/v1/pps/${ownPps}`)
        .set(bearer(users.get('editor-own-pps')))
        .set('If-Match', pps.headers.etag)
        .send({ name: 'Overgenomen PPS' })
        .expect(403);
      expect(response.body.detail).toContain('name');
    });

    it('does not let a user pick their own role', async () => {
      const teacher = users.get('teacher')!;
      await t
        .http()
        .patch(`/api/v1/users/${teacher.id}`)
        .set(await t.userEtag(teacher.id))
        .set(bearer(teacher))
        .send({ role: 'admin' })
        .expect(403);
      const me = await t.http().get('/api/v1/me').set(bearer(teacher)).expect(200);
      expect(me.body.role).toBe('teacher');
    });
  });

  it('takes away editing rights as soon as a membership is removed', async () => {
    const admin = users.get('admin');
    const editor = await t.user('pps-editor' as Role, [ownPps]);
    await t
      .http()
      .patch(`/api/v1/users/${editor.id}`)
      .set(await t.userEtag(editor.id))
      .set(bearer(admin))
      .send({ ppsIds: [otherPps] })
      .expect(200);
    await t.http().post('/api/v1/assets').set(bearer(editor)).send(moduleBody(ownPps)).expect(403);
  });
});
