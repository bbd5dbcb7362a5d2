import { AssetsService } from '@bouwsteen/assets';
import { AuditTrail } from '@bouwsteen/database';
import { moduleBody } from './harness/fixtures';
import { html, mainText } from './harness/html';
import { PageBrowser } from './harness/page-browser';
import { TestApp, TestUser, bearer, createTestApp } from './harness/test-app';

/** Who changed accounts, PPS and organisations: recorded with the change, never with values. */
describe('the audit trail (e2e)', () => {
  let t: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    t = await createTestApp({ isolated: true });
    admin = await t.user('admin');
  });
  afterAll(() => t.close());

  it('records account, PPS and organisation changes with their actor, and no passwords', async () => {
    const created = await t
      .http()
      .post('/api/v1/users')
      .set(bearer(admin))
      .send({
        email: 'audit@example.org',
        displayName: 'Audit',
        password: 'geheim-wachtwoord-123',
        role: 'teacher',
      })
      .expect(201);
    await t
      .http()
      .patch(`/api/v1/users/${created.body.id}`)
      .set(await t.userEtag(created.body.id))
      .set(bearer(admin))
      .send({ password: 'nog-geheimer-wachtwoord-456', active: false })
      .expect(200);
    const pps = await t
      .http()
      .get(`/api/v1/pps/${await t.ppsId('Techport mbo')}`)
      .expect(200);
    await t
      .http()
      .patch(`/api/v1/pps/${pps.body.id}`)
      .set(bearer(admin))
      .set('If-Match', `"${pps.body.revision}"`)
      .send({ website: 'https://www.techportmbo.nl' })
      .expect(200);
    const events = await t.app.get(AuditTrail).recent(10);
    expect(events.map((event) => [event.subjectType, event.action, event.actorId])).toEqual([
      ['pps', 'updated', admin.id],
      ['account', 'deactivated', created.body.id === admin.id ? null : admin.id],
      ['account', 'created', admin.id],
      ...events.slice(3).map((event) => [event.subjectType, event.action, event.actorId]),
    ]);
    expect(events[0].summary).toBe('Techport mbo: website');
    expect(events[1].summary).toBe('audit@example.org: password, active');
    expect(JSON.stringify(events)).not.toContain('geheim');
  });

  it('says which role an account changed from and to, in Dutch on /beheer/wijzigingen', async () => {
    const member = await t.user('teacher');
    await t
      .http()
      .patch(`/api/v1/users/${member.id}`)
      .set(await t.userEtag(member.id))
      .set(bearer(admin))
      .send({ role: 'pps-editor', ppsIds: [await t.ppsId('Techport mbo')] })
      .expect(200);
    const [event] = await t.app.get(AuditTrail).recent(1);
    expect(event.summary).toMatch(/: role \(teacher → pps-editor\), ppsIds$/);
    const browser = new PageBrowser(t);
    expect((await browser.signIn(admin)).status).toBe(303);
    const page = mainText(html(await browser.get('/beheer/wijzigingen')));
    expect(page).toContain('Rol van Docent naar Projectleider PPS, PPS');
    expect(page).not.toMatch(/teacher →|→ pps-editor/);
  });

  it("names who edited a draft, who archived a block and who discarded a draft, not the version's creator", async () => {
    const ppsId = await t.ppsId('Techport mbo');
    const opener = await t.user('pps-editor', [ppsId]);
    const editor = await t.user('pps-editor', [ppsId]);
    const archiver = await t.user('pps-editor', [ppsId]);
    const body = moduleBody(ppsId);
    const published = await t.publish(opener, body);
    // The editor opens and edits the next version, which the opener had not touched.
    const draft = await t
      .http()
      .patch(`/api/v1/assets/${published.id}`)
      .set(bearer(opener))
      .set('If-Match', published.etag)
      .send({ summary: 'Door de opener begonnen.' })
      .expect(200);
    const edited = await t
      .http()
      .patch(`/api/v1/assets/${published.id}`)
      .set(bearer(editor))
      .set('If-Match', draft.headers.etag)
      .send({ summary: 'Door de bewerker aangepast.' })
      .expect(200);
    await t
      .http()
      .delete(`/api/v1/assets/${published.id}/draft`)
      .set(bearer(editor))
      .set('If-Match', edited.headers.etag)
      .expect(204);
    const current = await t.http().get(`/api/v1/assets/${published.id}`).expect(200);
    await t
      .http()
      .post(`/api/v1/assets/${published.id}/archive`)
      .set(bearer(archiver))
      .set('If-Match', current.headers.etag)
      .send({})
      .expect(200);

    const second = await t.publish(opener, moduleBody(ppsId, { title: 'Tweede bouwsteen' }));
    const secondDraft = await t
      .http()
      .patch(`/api/v1/assets/${second.id}`)
      .set(bearer(opener))
      .set('If-Match', second.etag)
      .send({ summary: 'Eerst de opener.' })
      .expect(200);
    await t
      .http()
      .patch(`/api/v1/assets/${second.id}`)
      .set(bearer(editor))
      .set('If-Match', secondDraft.headers.etag)
      .send({ summary: 'Dan de bewerker.' })
      .expect(200);

    const changes = await t.app.get(AssetsService).recentChanges(
      {
        userId: admin.id,
        email: '',
        role: 'admin',
        ppsIds: [],
        organisationId: null,
        via: 'jwt',
      },
      50,
    );
    const of = (assetId: string, what: string) =>
      changes.filter((entry) => entry.assetId === assetId && entry.what === what);
    expect(of(published.id, 'archived').map((entry) => entry.userId)).toEqual([archiver.id]);
    expect(of(second.id, 'edited').find((entry) => entry.number === 2)?.userId).toBe(editor.id);

    const [discarded] = (await t.app.get(AuditTrail).recent(20)).filter(
      (event) => event.subjectType === 'asset',
    );
    expect(discarded).toMatchObject({
      action: 'discarded',
      actorId: editor.id,
      subjectId: published.id,
      summary: `${body.title as string}: draft 2`,
    });
    expect(JSON.stringify(discarded)).not.toContain('Door de bewerker');
  });
});
