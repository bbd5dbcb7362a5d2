import { FollowService } from '@bouwsteen/follow';
import { principalFor } from './harness/actors';
import { moduleBody } from './harness/fixtures';
import { TestApp, bearer, createTestApp } from './harness/test-app';

/** What a PPS lead sees on /mijn-pps: how many follow the PPS and its blocks (counts, never who). */
describe('follower counts (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ isolated: true });
  });
  afterAll(() => t.close());

  it('counts followers of the PPS and of its published blocks, for its editors only', async () => {
    const ppsId = await t.ppsId('Techport mbo');
    const editor = await t.user('pps-editor', [ppsId]);
    const asset = await t.publish(editor, moduleBody(ppsId));
    for (let i = 0; i < 2; i++) {
      const teacher = await t.user('teacher');
      await t.http().put(`/api/v1/me/follows/assets/${asset.id}`).set(bearer(teacher)).expect(204);
    }
    const fan = await t.user('teacher');
    await t.http().put(`/api/v1/me/follows/pps/${ppsId}`).set(bearer(fan)).expect(204);
    const lead = await principalFor(t.app, 'pps-editor', [ppsId]);
    expect(await t.app.get(FollowService).followerCounts(lead, ppsId)).toEqual({
      pps: 1,
      assets: 2,
    });
    const other = await principalFor(t.app, 'pps-editor', [await t.ppsId('House of Digital')]);
    await expect(t.app.get(FollowService).followerCounts(other, ppsId)).rejects.toThrow();
  });
});
