import { AuditTrail } from '@bouwsteen/database';
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
});
