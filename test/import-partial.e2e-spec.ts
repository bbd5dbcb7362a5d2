import { moduleBody } from './harness/fixtures';
import { csv, reportOf, runImport } from './harness/imports';
import { TestApp, TestUser, bearer, createTestApp } from './harness/test-app';

const JSONL = 'application/x-ndjson';

/**
 * A file that has only some columns ("just the titles", "Eigen code;Prijs") changes only those
 * fields of the blocks it names: a column the file does not have never clears a field, of a
 * draft nor of a published block (an empty cell in a column it has does, except what publishing
 * needs of a published block: that row is reported).
 */
describe('an import with some columns changes only those fields (e2e)', () => {
  let t: TestApp;
  let lead: TestUser;
  let ppsId: string;

  beforeAll(async () => {
    t = await createTestApp({ isolated: true });
    await t.startWorker();
    ppsId = await t.ppsId('Techport mbo');
    lead = await t.user('pps-editor', [ppsId]);
  });
  afterAll(() => t.close());

  const full = () =>
    moduleBody(ppsId, {
      description: 'Een lange beschrijving die blijft staan.',
      links: [{ title: 'Handleiding', url: 'https://example.nl/h.pdf', type: 'document' }],
    });
  const read = async (id: string) =>
    (await t.http().get(`/api/v1/assets/${id}`).set(bearer(lead)).expect(200)).body;

  it('keeps a draft’s other fields when a file gives only its id and title', async () => {
    const draft = await t.http().post('/api/v1/assets').set(bearer(lead)).send(full()).expect(201);
    const job = await runImport(
      t,
      lead,
      ppsId,
      csv(['Bouwsteen-id', 'Titel', 'Soort'], [[draft.body.id, 'Een nieuwe titel', 'Module']]),
    );
    expect(job.totals).toMatchObject({ updated: 1, failed: 0 });
    const after = await read(draft.body.id);
    expect(after.title).toBe('Een nieuwe titel');
    expect(after).toMatchObject({
      summary: draft.body.summary,
      description: 'Een lange beschrijving die blijft staan.',
      keywords: draft.body.keywords,
      links: draft.body.links,
      module: draft.body.module,
    });
  });

  it('publishes a partial file over a published block without emptying what it leaves out', async () => {
    const published = await t.publish(lead, full());
    const before = await read(published.id);
    const job = await runImport(
      t,
      lead,
      ppsId,
      csv(
        ['Bouwsteen-id', 'Soort', 'Titel', 'Samenvatting'],
        [[published.id, 'Module', before.title, 'Een nieuwe samenvatting van deze module.']],
      ),
      { publish: true },
    );
    expect(job.totals).toMatchObject({ updated: 1, published: 1, failed: 0 });
    const after = await t.http().get(`/api/v1/assets/${published.id}`).expect(200);
    expect(after.body).toMatchObject({
      summary: 'Een nieuwe samenvatting van deze module.',
      description: before.description,
      links: before.links,
      module: before.module,
    });
    expect(after.body.module.price).toEqual({ amountCents: 25000, currency: 'EUR' });
  });

  it('reports an empty cell for what publishing needs of a published block, and changes nothing', async () => {
    const published = await t.publish(lead, full());
    const before = await read(published.id);
    const job = await runImport(
      t,
      lead,
      ppsId,
      csv(
        ['Bouwsteen-id', 'Soort', 'Titel', 'Samenvatting'],
        [[published.id, 'Module', before.title, '']],
      ),
    );
    expect(job.totals).toMatchObject({ updated: 0, failed: 1 });
    const [line] = await reportOf(t, lead, job.id);
    expect(line).toMatchObject({ severity: 'error', field: 'summary' });
    expect(line.message).toContain('Deze bouwsteen is gepubliceerd en kan niet zonder dit veld');
    expect(await read(published.id)).toMatchObject({ hasDraft: false, summary: before.summary });
  });

  it('clears a field whose column the file has and leaves empty; a JSON line keeps the keys it lacks', async () => {
    const draft = await t.http().post('/api/v1/assets').set(bearer(lead)).send(full()).expect(201);
    await runImport(
      t,
      lead,
      ppsId,
      csv(
        ['Bouwsteen-id', 'Soort', 'Titel', 'Beschrijving'],
        [[draft.body.id, 'Module', draft.body.title, '']],
      ),
    );
    expect((await read(draft.body.id)).description).toBeUndefined();
    const line = JSON.stringify({ id: draft.body.id, kind: 'module', title: 'Titel uit JSON' });
    const job = await runImport(t, lead, ppsId, `${line}\n`, { type: JSONL });
    expect(job.totals).toMatchObject({ updated: 1 });
    expect(await read(draft.body.id)).toMatchObject({
      title: 'Titel uit JSON',
      summary: draft.body.summary,
      links: draft.body.links,
    });
  });
});
