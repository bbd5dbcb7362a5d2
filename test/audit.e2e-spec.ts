import { DataSource } from 'typeorm';
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

  it('pages both lists of /beheer/wijzigingen on their own, without losing entries that share a moment', async () => {
    const ppsId = await t.ppsId('Techport mbo');
    const editor = await t.user('pps-editor', [ppsId]);
    const ids: string[] = [];
    for (let index = 0; index < 60; index++) {
      const created = await t
        .http()
        .post('/api/v1/assets')
        .set(bearer(editor))
        .send(moduleBody(ppsId, { title: `Paginering ${index}` }))
        .expect(201);
      ids.push(created.body.id as string);
    }
    // A bulk import writes many versions in one transaction: one moment for all of them.
    await t.app
      .get(DataSource)
      .query(
        `UPDATE asset_version SET updated_at = '2030-01-01T00:00:00.123456Z' WHERE asset_id = ANY($1)`,
        [ids],
      );
    for (let index = 0; index < 55; index++)
      await t.app.get(AuditTrail).record(t.app.get(DataSource).manager, {
        actorId: admin.id,
        action: 'updated',
        subjectType: 'pps',
        subjectId: ppsId,
        summary: `Techport mbo: stap ${index}`,
      });

    const browser = new PageBrowser(t);
    expect((await browser.signIn(admin)).status).toBe(303);
    const seen: string[] = [];
    let url: string | undefined = '/beheer/wijzigingen';
    let adminLink: string | undefined;
    for (let pages = 0; url && pages < 10; pages++) {
      const response = await browser.get(url);
      expect(response.status).toBe(200);
      const page = html(response);
      seen.push(
        ...[...page.querySelectorAll('td a')]
          .map((a) => a.text)
          .filter((t) => t.startsWith('Paginering')),
      );
      const older = page.querySelector(
        'nav[aria-label="Bladeren in wijzigingen aan bouwstenen"] a[rel=next]',
      );
      adminLink ??= page
        .querySelector('nav[aria-label="Bladeren in accounts, PPS en organisaties"] a[rel=next]')
        ?.getAttribute('href');
      url = older?.getAttribute('href');
    }
    // Every draft once: none skipped at the page boundary inside the shared moment, none twice.
    expect(seen.sort()).toEqual(ids.map((_, index) => `Paginering ${index}`).sort());

    // The other list keeps its own position; an altered position starts from the newest.
    expect(adminLink).toMatch(/^\/beheer\/wijzigingen\?beheer=\d+#/);
    const adminRows = async (url: string) =>
      html(await browser.get(url)).querySelectorAll(
        'table[aria-labelledby="beheer-wijzigingen-titel"] tbody tr',
      ).length;
    const total = Number(
      (await t.app.get(DataSource).query(`SELECT count(*) AS n FROM audit_event`))[0].n,
    );
    expect(await adminRows('/beheer/wijzigingen')).toBe(50);
    expect(await adminRows(adminLink!)).toBe(total - 50);
    expect(mainText(html(await browser.get(adminLink!)))).toContain('Naar de nieuwste');
    const altered = await browser.get(
      '/beheer/wijzigingen?bouwstenen=bm90LWEtcG9zaXRpb24&beheer=1%3B',
    );
    expect(altered.status).toBe(200);
    expect(await adminRows('/beheer/wijzigingen?bouwstenen=bm90LWEtcG9zaXRpb24&beheer=1%3B')).toBe(
      50,
    );
  });
});
