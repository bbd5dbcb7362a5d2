import { demoTemplate } from './harness/demo-site';
import { DataSource } from 'typeorm';
import { FeedMembership } from '@bouwsteen/assets';
import { moduleBody, unique } from './harness/fixtures';
import { OaiRecord, edurepProblems, lomValues, oaiRecords } from './harness/edurep';
import { html, mainText } from './harness/html';
import { oaiSchemaErrors, texts } from './harness/oai';
import { PageBrowser } from './harness/page-browser';
import { TestApp, TestUser, bearer, createTestApp } from './harness/test-app';

/**
 * The `edurep` set over the demo data `npm start` shows: every record in it has Edurep's
 * mandatory fields (checked on the XML as harvested), a block that lacks one is left out and
 * listed where its PPS and the admin look, and incremental harvests of the set see a block
 * leave it (a deleted record) and enter it again (with a new datestamp).
 */
describe('The edurep set (e2e)', () => {
  let t: TestApp;
  let lead: TestUser;
  let ppsId: string;
  let leadPages: PageBrowser;
  let adminPages: PageBrowser;
  const identifierOf = (id: string) => `oai:bouwsteen.local:${id}`;
  const second = () => new Promise((resolve) => setTimeout(resolve, 1100));

  /** Every page of a list request, each validated against the schemas; its records. */
  const harvest = async (query: Record<string, string>): Promise<OaiRecord[]> => {
    const records: OaiRecord[] = [];
    let next: Record<string, string> | undefined = query;
    while (next) {
      const xml = (await t.http().get('/oai').query(next).expect(200)).text;
      expect(oaiSchemaErrors(xml)).toBeUndefined();
      if (xml.includes('code="noRecordsMatch"')) return records;
      records.push(...oaiRecords(xml));
      const [token] = texts(xml, 'resumptionToken');
      next = token ? { verb: query.verb, resumptionToken: token } : undefined;
    }
    return records;
  };

  beforeAll(async () => {
    t = await createTestApp({ isolated: true, template: await demoTemplate() });
    ppsId = await t.ppsId('House of Digital');
    lead = await t.user('pps-editor', [ppsId]);
    leadPages = new PageBrowser(t);
    expect((await leadPages.signIn(lead)).status).toBe(303);
    adminPages = new PageBrowser(t);
    expect((await adminPages.signIn(await t.user('admin'))).status).toBe(303);
    await second();
  });
  afterAll(() => t.close());

  it('holds every published module and curriculum of the demo set, each with Edurep’s mandatory fields', async () => {
    const records = await harvest({ verb: 'ListRecords', metadataPrefix: 'lom', set: 'edurep' });
    const [{ n }] = await t.app
      .get(DataSource)
      .query(
        `SELECT count(*)::int AS n FROM asset WHERE status = 'published' AND kind IN ('module', 'curriculum')`,
      );
    expect(n).toBeGreaterThan(30);
    expect(records.filter((record) => !record.deleted)).toHaveLength(n);
    for (const record of records) {
      expect(record.sets).toContain('edurep');
      expect([record.identifier, edurepProblems(record)]).toEqual([record.identifier, []]);
    }
    // Curricula are in it, at aggregation level 4, with their duration.
    const curricula = records.filter((record) =>
      lomValues(record, 'general', 'aggregationLevel', 'value').includes('4'),
    );
    expect(curricula.length).toBeGreaterThan(5);
    expect(
      curricula.some((record) =>
        /^P\d+M$/.test(lomValues(record, 'educational', 'typicalLearningTime', 'duration')[0]),
      ),
    ).toBe(true);
  });

  it('checks what it checks: a record without keywords or discipline fails the coded check', async () => {
    const [record] = (
      await harvest({ verb: 'ListRecords', metadataPrefix: 'lom', set: 'edurep' })
    ).filter((candidate) => !candidate.deleted);
    const lom = record.lom!;
    for (const keyword of [...lom.getElementsByTagNameNS(lom.namespaceURI, 'keyword')])
      keyword.parentNode!.removeChild(keyword);
    for (const purpose of [...lom.getElementsByTagNameNS(lom.namespaceURI, 'purpose')])
      if (purpose.textContent?.includes('discipline'))
        purpose.parentNode!.parentNode!.removeChild(purpose.parentNode!);
    expect(edurepProblems(record)).toEqual(['Keywords', 'Discipline']);
  });

  it('gives places a resource type and all-rights-reserved blocks a rights description', async () => {
    const places = await harvest({
      verb: 'ListRecords',
      metadataPrefix: 'lom',
      set: 'kind:infrastructure',
    });
    expect(places.length).toBeGreaterThan(5);
    for (const place of places)
      expect(lomValues(place, 'educational', 'learningResourceType', 'value')).toEqual([
        'gereedschap',
      ]);
    const all = await harvest({ verb: 'ListRecords', metadataPrefix: 'lom' });
    const reserved = all.filter(
      (record) =>
        lomValues(record, 'rights', 'copyrightAndOtherRestrictions', 'value')[0] === 'yes',
    );
    expect(reserved.length).toBeGreaterThan(0);
    for (const record of reserved)
      expect(lomValues(record, 'rights', 'description', 'string')[0]).toMatch(
        /^Alle rechten voorbehouden\. Vraag .+ om toestemming/,
      );
  });

  it('leaves a block without keywords out, says why, and lets harvesters see it leave and come back', async () => {
    const published = await t.publish(lead, moduleBody(ppsId, { title: unique('Module zonder') }));
    const id = identifierOf(published.id);
    await second();
    const inSet = await harvest({ verb: 'ListIdentifiers', metadataPrefix: 'lom', set: 'edurep' });
    const entered = inSet.find((record) => record.identifier === id)!;
    expect(entered.deleted).toBe(false);

    // A version as one published before keywords were needed to publish (the data a site
    // upgraded to this gate has; published versions are immutable, so it is a new one), left
    // unchecked, then checked as `npm run seed` checks such blocks.
    const db = t.app.get(DataSource);
    const columns: string[] = (
      await db.query(
        `SELECT column_name AS name FROM information_schema.columns
         WHERE table_name = 'asset_version' AND is_generated = 'NEVER'
           AND column_name NOT IN ('number', 'keywords')`,
      )
    ).map((column: { name: string }) => `"${column.name}"`);
    await db.query(
      `INSERT INTO asset_version (number, keywords, ${columns.join(', ')})
       SELECT number + 1, '{}', ${columns.join(', ')} FROM asset_version WHERE asset_id = $1`,
      [published.id],
    );
    await db.query(
      `UPDATE asset SET published_version = 2, latest_version = 2, edurep_missing = NULL
       WHERE id = $1`,
      [published.id],
    );
    await second();
    const leftAt = Date.now();
    expect(await t.app.get(FeedMembership).refresh()).toBe(1);
    expect(await t.app.get(FeedMembership).refresh()).toBe(0);
    const since = new Date(leftAt - 1000).toISOString().replace(/\.\d+Z$/, 'Z');
    await second();

    // An incremental harvest of the set: a deleted record with a new datestamp.
    const left = await harvest({
      verb: 'ListIdentifiers',
      metadataPrefix: 'lom',
      set: 'edurep',
      from: since,
    });
    const gone = left.find((record) => record.identifier === id)!;
    expect(gone.deleted).toBe(true);
    expect(gone.sets).toContain('edurep');
    expect(Date.parse(gone.datestamp)).toBeGreaterThan(Date.parse(entered.datestamp));
    expect(
      (await harvest({ verb: 'ListRecords', metadataPrefix: 'lom', set: 'edurep' })).find(
        (record) => record.identifier === id,
      )?.deleted,
    ).toBe(true);
    // Elsewhere it is still a live record, no longer naming the set.
    const [live] = await harvest({ verb: 'GetRecord', metadataPrefix: 'lom', identifier: id });
    expect(live.deleted).toBe(false);
    expect(live.sets).not.toContain('edurep');
    expect(edurepProblems(live)).toEqual(['Keywords']);

    // Said in Dutch where its PPS and the admin look.
    const mine = mainText(
      html(await leadPages.get(`/mijn-pps?pps=${ppsId}&tab=gepubliceerd&zoek=zonder`)),
    );
    expect(mine).toContain('Niet in Edurep: mist trefwoorden');
    const overview = mainText(html(await adminPages.get('/beheer')));
    expect(overview).toContain('Niet in Edurep');
    expect(overview).toContain(published.title);
    expect(overview).toContain('mist trefwoorden');

    // It gains keywords: published again, it enters the set with a newer datestamp.
    const etag = (await t.http().get(`/api/v1/assets/${published.id}`).set(bearer(lead))).headers
      .etag;
    await t.publishNewVersion(lead, { id: published.id, etag }, { keywords: ['hydrauliek'] });
    await second();
    const back = (
      await harvest({ verb: 'ListIdentifiers', metadataPrefix: 'lom', set: 'edurep', from: since })
    ).find((record) => record.identifier === id)!;
    expect(back.deleted).toBe(false);
    expect(Date.parse(back.datestamp)).toBeGreaterThan(Date.parse(gone.datestamp));
    expect(mainText(html(await adminPages.get('/beheer')))).not.toContain(published.title);
  });
});
