import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { OfferingIds1766205000000 } from '../migrations/1766205000000-OfferingIds';
import { moduleBody } from './harness/fixtures';
import { ooapiAjv } from './harness/ooapi-spec';
import { TestApp, TestUser, createTestApp } from './harness/test-app';

/** How OOAPI derived an offering's id before offerings had their own (SHA-1, v5 layout). */
function derivedBefore(courseId: string, start: string, end: string, place = ''): string {
  const hex = createHash('sha1')
    .update(`offering:${courseId}:${start}:${end}:${place}`)
    .digest('hex')
    .split('');
  hex[12] = '5';
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const s = hex.slice(0, 32).join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** Offerings have an identity of their own: edits keep it, and ids from before still resolve. */
describe('OOAPI offering identity (e2e)', () => {
  let t: TestApp;
  let editor: TestUser;
  let ppsId: string;
  const offering = ajv();

  function ajv() {
    return ooapiAjv.getSchema('ooapi#/components/schemas/CourseOffering')!;
  }
  const get = async (url: string, status = 200) =>
    (await t.http().get(`/ooapi/v5${url}`).expect(status)).body as Record<string, unknown> & {
      items: Record<string, unknown>[];
    };
  const offerings = async (id: string) =>
    (await get(`/courses/${id}/offerings?since=2000-01-01`)).items;

  beforeAll(async () => {
    t = await createTestApp({ isolated: true });
    ppsId = await t.ppsId('House of Digital');
    editor = await t.user('pps-editor', [ppsId]);
  }, 60_000);
  afterAll(() => t.close());

  const runs = [
    { period: { start: '2090-02-01', end: '2090-03-15' }, location: 'Haarlem', seats: 12 },
    { period: { start: '2090-09-01', end: '2090-10-15' } },
  ];
  const publish = async () => {
    const base = moduleBody(ppsId);
    return t.publish(editor, { ...base, module: { ...(base.module as object), offerings: runs } });
  };

  it('keeps an offering’s id when its place and dates are edited, through the API and a form’s resend', async () => {
    const course = await publish();
    const before = await offerings(course.id);
    expect(before.map((item) => item.startDate)).toEqual(['2090-02-01', '2090-09-01']);
    const [haarlem, autumn] = before.map((item) => item.offeringId as string);
    // A resend without ids (a form, an import file): the place and dates change, the ids stay.
    const moved = await t.publishNewVersion(editor, course, {
      module: {
        ...(moduleBody(ppsId).module as object),
        offerings: [
          { ...runs[0], location: 'Zaandam' },
          { period: { start: '2090-09-08', end: '2090-10-22' } },
        ],
      },
    });
    const after = await get(`/offerings/${haarlem}`);
    expect(offering(after) ? [] : offering.errors).toEqual([]);
    expect(after.consumers).toEqual([{ consumerKey: 'x-bouwsteen', location: 'Zaandam' }]);
    expect((await get(`/offerings/${autumn}`)).startDate).toBe('2090-09-08');
    // With ids (the API's own view shows them): the order may change, each keeps its own.
    const view = (await t.http().get(`/api/v1/assets/${course.id}`).expect(200)).body;
    const stored = view.module.offerings as { id: string }[];
    expect(stored.map((item) => item.id)).toEqual([haarlem, autumn]);
    await t.publishNewVersion(editor, moved, {
      module: {
        ...(moduleBody(ppsId).module as object),
        offerings: [{ ...stored[1], seats: 30 }, { ...stored[0] }, { period: runs[0].period }],
      },
    });
    const third = await offerings(course.id);
    expect(third.map((item) => item.offeringId)).toEqual(expect.arrayContaining([haarlem, autumn]));
    expect(third).toHaveLength(3);
    expect(new Set(third.map((item) => item.offeringId)).size).toBe(3);
    expect((await get(`/offerings/${autumn}`)).maxNumberStudents).toBe(30);
  });

  it('refuses an offering id that is not the block’s own, and gives a derivative its own ids', async () => {
    const course = await publish();
    const [first] = await offerings(course.id);
    const other = await publish();
    const draft = await t
      .http()
      .patch(`/api/v1/assets/${other.id}`)
      .set('Authorization', `Bearer ${editor.token}`)
      .set('If-Match', other.etag)
      .send({
        module: {
          ...(moduleBody(ppsId).module as object),
          offerings: [{ ...runs[0], id: first.offeringId }],
        },
      })
      .expect(400);
    expect(draft.body.errors).toEqual([
      expect.objectContaining({ field: 'module.offerings.0.id', code: 'unknownOffering' }),
    ]);
    const derived = await t
      .http()
      .post(`/api/v1/assets/${course.id}/derive`)
      .set('Authorization', `Bearer ${editor.token}`)
      .send({ ppsId })
      .expect(201);
    const ids = (derived.body.module.offerings as { id: string }[]).map((item) => item.id);
    expect(ids).toHaveLength(2);
    expect(ids).not.toContain(first.offeringId);
  });

  it('after the migration, offerings keep the ids OOAPI derived for them before', async () => {
    const course = await publish();
    const migration = new OfferingIds1766205000000();
    const runner = t.app.get(DataSource).createQueryRunner();
    try {
      // The data as it was before offerings had ids, then the migration as a deploy runs it.
      await migration.down(runner);
      const [bare] = await runner.query(
        `SELECT details->'offerings' AS offerings FROM asset_version WHERE asset_id = $1`,
        [course.id],
      );
      expect(bare.offerings.every((item: object) => !('id' in item))).toBe(true);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    const derived = [
      derivedBefore(course.id, '2090-02-01', '2090-03-15', 'Haarlem'),
      derivedBefore(course.id, '2090-09-01', '2090-10-15'),
    ];
    expect((await offerings(course.id)).map((item) => item.offeringId)).toEqual(derived);
    for (const id of derived) expect((await get(`/offerings/${id}`)).offeringId).toBe(id);
    // And from then on an edit keeps them.
    const current = (await t.http().get(`/api/v1/assets/${course.id}`).expect(200)).body;
    await t.publishNewVersion(
      editor,
      { id: course.id, etag: `"${current.revision}"` },
      {
        module: {
          ...(moduleBody(ppsId).module as object),
          offerings: [{ ...current.module.offerings[0], location: 'Velsen' }],
        },
      },
    );
    expect((await get(`/offerings/${derived[0]}`)).consumers).toEqual([
      { consumerKey: 'x-bouwsteen', location: 'Velsen' },
    ]);
    await get(`/offerings/${derived[1]}`, 404);
  });
});
