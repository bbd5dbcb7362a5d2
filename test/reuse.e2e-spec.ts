import { randomUUID } from 'node:crypto';
import { moduleBody } from './harness/fixtures';
import { TestApp, TestUser, bearer, createTestApp } from './harness/test-app';

describe('reuse and derivatives (e2e)', () => {
  let t: TestApp;
  let owner: TestUser;
  let adopter: TestUser;
  let teacher: TestUser;
  let ownerPps: string;
  let adopterPps: string;
  let thirdPps: string;

  beforeAll(async () => {
    t = await createTestApp({ isolated: true });
    await t.startWorker();
    ownerPps = await t.ppsId('Techport mbo');
    adopterPps = await t.ppsId('House of Logistics');
    thirdPps = await t.ppsId('Lelytalent');
    owner = await t.user('pps-editor', [ownerPps]);
    adopter = await t.user('pps-editor', [adopterPps]);
    teacher = await t.user('teacher', [thirdPps]);
  });
  afterAll(() => t.close());

  const published = (license = 'CC-BY-SA-4.0', extra: Record<string, unknown> = {}) =>
    t.publish(owner, moduleBody(ownerPps, { license, ...extra }));

  const reuse = (user: TestUser, assetId: string, body: Record<string, unknown>) =>
    t
      .http()
      .post(`/api/v1/assets/${assetId}/reuses`)
      .set(bearer(user))
      .send({ mode: 'as-is', context: 'BBL logistiek, leerjaar 1', ...body });

  describe('reuse records', () => {
    it('records a reuse for a member PPS and counts distinct adopters', async () => {
      const asset = await published();
      const first = await reuse(adopter, asset.id, {
        adopterPpsId: adopterPps,
        mode: 'adapted',
        reachStudents: 40,
        startedOn: '2026-09-01',
      }).expect(201);
      expect(first.body).toMatchObject({
        assetId: asset.id,
        assetVersion: 1,
        adopter: { type: 'pps', id: adopterPps, name: 'House of Logistics' },
        mode: 'adapted',
        reachStudents: 40,
      });
      await reuse(adopter, asset.id, {
        adopterPpsId: adopterPps,
        context: 'Tweede opleiding',
      }).expect(201);
      await reuse(teacher, asset.id, { adopterPpsId: thirdPps }).expect(201);
      const detail = await t.http().get(`/api/v1/assets/${asset.id}`).expect(200);
      expect(detail.body.reuseCount).toBe(2);
      expect(detail.headers.etag).toBe(asset.etag);
      const list = await t.http().get(`/api/v1/assets/${asset.id}/reuses`).expect(200);
      expect(list.body.totalItems).toBe(3);
      // A full page, and a page past the end, still count the rows (a short first page need not).
      for (const [pageNumber, items] of [
        [1, 2],
        [2, 1],
        [3, 0],
      ]) {
        const paged = await t
          .http()
          .get(`/api/v1/assets/${asset.id}/reuses?pageSize=2&pageNumber=${pageNumber}`)
          .expect(200);
        expect([paged.body.items.length, paged.body.totalItems, paged.body.totalPages]).toEqual([
          items,
          3,
          2,
        ]);
      }
      const byPps = await t.http().get(`/api/v1/pps/${adopterPps}/reuses`).expect(200);
      expect(
        byPps.body.items.every(
          (item: { adopter: { id: string } }) => item.adopter.id === adopterPps,
        ),
      ).toBe(true);
    });

    it('lets only members record for their own PPS or organisation', async () => {
      const asset = await published();
      const foreign = await reuse(adopter, asset.id, { adopterPpsId: thirdPps }).expect(403);
      expect(foreign.body.code).toBe('forbidden');
      const organisation = await t.http().get('/api/v1/organisations?q=olam').expect(200);
      await reuse(adopter, asset.id, {
        adopterOrganisationId: organisation.body.items[0].id,
      }).expect(403);
      await t
        .http()
        .post(`/api/v1/assets/${asset.id}/reuses`)
        .send({ mode: 'as-is', context: 'x', adopterPpsId: adopterPps })
        .expect(401);
    });

    it('refuses a PPS "reusing" its own asset, both or neither adopter, and unpublished versions', async () => {
      const asset = await published();
      expect((await reuse(owner, asset.id, { adopterPpsId: ownerPps }).expect(409)).body.code).toBe(
        'own-asset',
      );
      expect((await reuse(adopter, asset.id, {}).expect(400)).body.errors[0].field).toBe(
        'adopterPpsId',
      );
      expect(
        (await reuse(adopter, asset.id, { adopterPpsId: adopterPps, version: 7 }).expect(400)).body
          .errors[0].field,
      ).toBe('version');
      expect(
        (await reuse(adopter, asset.id, { adopterPpsId: adopterPps, mode: 'stolen' }).expect(400))
          .body.errors[0].field,
      ).toBe('mode');
    });

    it('refuses reuse of an archived asset, the same record twice, and a start in the future', async () => {
      const asset = await published();
      await reuse(adopter, asset.id, { adopterPpsId: adopterPps, context: 'BBL logistiek' }).expect(
        201,
      );
      const twice = await reuse(adopter, asset.id, {
        adopterPpsId: adopterPps,
        context: '  bbl LOGISTIEK ',
      }).expect(409);
      expect(twice.body.code).toBe('reuse-exists');
      const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
      const future = await reuse(teacher, asset.id, {
        adopterPpsId: thirdPps,
        startedOn: tomorrow,
      }).expect(400);
      expect(future.body.errors).toEqual([
        {
          field: 'startedOn',
          message: 'must not be in the future: record a reuse once it has started',
          code: 'notInFuture',
        },
      ]);
      await t
        .http()
        .post(`/api/v1/assets/${asset.id}/archive`)
        .set(bearer(owner))
        .set('If-Match', asset.etag)
        .send({})
        .expect(200);
      const archived = await reuse(teacher, asset.id, { adopterPpsId: thirdPps }).expect(409);
      expect(archived.body.code).toBe('asset-archived');
      expect((await t.http().get(`/api/v1/assets/${asset.id}`).expect(200)).body.reuseCount).toBe(
        1,
      );
    });

    it('lets the recorder (or an admin) remove a record, and recounts', async () => {
      const asset = await published();
      const record = await reuse(adopter, asset.id, { adopterPpsId: adopterPps }).expect(201);
      await t.http().delete(`/api/v1/reuses/${record.body.id}`).set(bearer(teacher)).expect(403);
      await t.http().delete(`/api/v1/reuses/${record.body.id}`).set(bearer(adopter)).expect(204);
      expect((await t.http().get(`/api/v1/assets/${asset.id}`).expect(200)).body.reuseCount).toBe(
        0,
      );
    });

    it('makes "most reused" sortable in search', async () => {
      const popular = await published('CC-BY-4.0', { keywords: ['zzreusesort'] });
      const quiet = await published('CC-BY-4.0', { keywords: ['zzreusesort'] });
      await reuse(adopter, popular.id, { adopterPpsId: adopterPps }).expect(201);
      await t.indexed();
      const result = await t
        .http()
        .get('/api/v1/search?q=zzreusesort&sort=-reuseCount')
        .expect(200);
      expect(result.body.hits.map((hit: { id: string }) => hit.id)).toEqual([popular.id, quiet.id]);
      expect(result.body.hits[0].reuseCount).toBe(1);
    });
  });

  describe('derivatives', () => {
    const derive = (user: TestUser, id: string, ppsId = adopterPps) =>
      t.http().post(`/api/v1/assets/${id}/derive`).set(bearer(user)).send({ ppsId });

    it('creates a draft in the caller’s PPS with copied content, a based-on link and attribution', async () => {
      const source = await published('CC-BY-4.0');
      const derived = await derive(adopter, source.id).expect(201);
      expect(derived.body).toMatchObject({
        status: 'draft',
        pps: { id: adopterPps },
        title: source.title,
        license: 'CC-BY-4.0',
        basedOn: { assetId: source.id, version: 1 },
      });
      expect(derived.body.attribution).toContain(source.title);
      expect(derived.body.licenseNotes[0]).toMatch(/^attribution/);
      expect(derived.body.module.learningOutcomes).toHaveLength(1);
    });

    it('refuses derivatives of ND and all-rights-reserved sources, with the reason', async () => {
      for (const license of ['CC-BY-ND-4.0', 'all-rights-reserved']) {
        const source = await published(license);
        const refused = await derive(adopter, source.id).expect(409);
        expect(refused.body.code).toBe('license-forbids-derivatives');
        expect(refused.body.detail).toContain(license);
      }
    });

    it('keeps a share-alike license and refuses changing it', async () => {
      const source = await published('CC-BY-SA-4.0');
      const derived = await derive(adopter, source.id).expect(201);
      expect(derived.body.license).toBe('CC-BY-SA-4.0');
      const change = await t
        .http()
        .patch(`/api/v1/assets/${derived.body.id}`)
        .set(bearer(adopter))
        .set('If-Match', derived.headers.etag)
        .send({ license: 'CC-BY-4.0' })
        .expect(400);
      expect(change.body.errors).toEqual([
        {
          field: 'license',
          message: 'the source is ShareAlike (CC-BY-SA-4.0): a derivative keeps the same license',
          code: 'licenceShareAlike',
          values: { source: 'CC-BY-SA-4.0' },
        },
      ]);
    });

    it('carries and flags non-commercial', async () => {
      const source = await published('CC-BY-NC-4.0');
      const derived = await derive(adopter, source.id).expect(201);
      expect(derived.body.license).toBe('CC-BY-NC-4.0');
      expect(derived.body.licenseNotes).toContain(
        'non-commercial: not for use in paid courses or offerings',
      );
      await t
        .http()
        .patch(`/api/v1/assets/${derived.body.id}`)
        .set(bearer(adopter))
        .set('If-Match', derived.headers.etag)
        .send({ license: 'CC-BY-4.0' })
        .expect(400);
      await t
        .http()
        .patch(`/api/v1/assets/${derived.body.id}`)
        .set(bearer(adopter))
        .set('If-Match', derived.headers.etag)
        .send({ license: 'CC-BY-NC-SA-4.0' })
        .expect(200);
    });

    it('lets only editors of the target PPS derive', async () => {
      const source = await published('CC-BY-4.0');
      await derive(teacher, source.id, thirdPps).expect(403);
      await derive(adopter, source.id, thirdPps).expect(403);
      await t
        .http()
        .post(`/api/v1/assets/${source.id}/derive`)
        .send({ ppsId: adopterPps })
        .expect(401);
    });

    it('returns the lineage: ancestors and descendants', async () => {
      const root = await published('CC-BY-4.0');
      const child = await derive(adopter, root.id).expect(201);
      const childPublished = await t
        .http()
        .post(`/api/v1/assets/${child.body.id}/publish`)
        .set(bearer(adopter))
        .set('If-Match', child.headers.etag)
        .send({})
        .expect(200);
      const grandchild = await t
        .http()
        .post(`/api/v1/assets/${childPublished.body.id}/derive`)
        .set(bearer(owner))
        .send({ ppsId: ownerPps })
        .expect(201);

      const ofChild = await t
        .http()
        .get(`/api/v1/assets/${child.body.id}/lineage`)
        .set(bearer(owner))
        .expect(200);
      expect(ofChild.body.ancestors.map((node: { id: string }) => node.id)).toEqual([root.id]);
      expect(ofChild.body.descendants.map((node: { id: string }) => node.id)).toEqual([
        grandchild.body.id,
      ]);

      const ofRoot = await t.http().get(`/api/v1/assets/${root.id}/lineage`).expect(200);
      expect(
        ofRoot.body.descendants.map((node: { id: string; depth: number }) => [node.id, node.depth]),
      ).toEqual([[child.body.id, 1]]);
      const ofRootForOwner = await t
        .http()
        .get(`/api/v1/assets/${root.id}/lineage`)
        .set(bearer(owner))
        .expect(200);
      expect(ofRootForOwner.body.descendants.map((node: { depth: number }) => node.depth)).toEqual([
        1, 2,
      ]);
      // The draft grandchild's own lineage is its PPS's to see: absent for anyone else, as an
      // unknown block is; its readers see its ancestors.
      await t.http().get(`/api/v1/assets/${grandchild.body.id}/lineage`).expect(404);
      await t
        .http()
        .get(`/api/v1/assets/${grandchild.body.id}/lineage`)
        .set(bearer(adopter))
        .expect(404);
      const ofDraft = await t
        .http()
        .get(`/api/v1/assets/${grandchild.body.id}/lineage`)
        .set(bearer(owner))
        .expect(200);
      expect(ofDraft.body.ancestors.map((node: { id: string }) => node.id)).toEqual([
        child.body.id,
        root.id,
      ]);
      expect(ofDraft.body.descendants).toEqual([]);
      await t.http().get(`/api/v1/assets/${randomUUID()}/lineage`).expect(404);
    });
  });
});
