import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  curriculumWith,
  infrastructureBody,
  moduleBody,
  practiceBody,
  unique,
} from './harness/fixtures';
import ICAL from 'ical.js';
import { errorCode, oaiSchemaErrors, texts, xpathString } from './harness/oai';
import { TestApp, TestUser, bearer, createTestApp } from './harness/test-app';

/**
 * The independent harvester: the `oai-pmh` package's command-line client (GPL, a dev dependency,
 * never bundled), run as its own process, one JSON object per header or record it harvested.
 */
async function harvestWithClient(baseUrl: string, command: string, ...args: string[]) {
  const bin = join(__dirname, '..', 'node_modules', '.bin', 'oai-pmh');
  const { stdout } = await promisify(execFile)(bin, [command, baseUrl, ...args], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { identifier?: string; header?: { identifier: string } });
}

/**
 * The OAI-PMH provider as a catalogue such as Edurep uses it: every response validated against
 * the OAI-PMH schema with LOM and Dublin Core loaded (offline), full and incremental harvests,
 * harvests during writes, and a harvest by an independent client.
 */
describe('OAI-PMH provider (e2e)', () => {
  let t: TestApp;
  let editor: TestUser;
  let ppsId: string;
  const ids: Record<string, string> = {};
  let archivedBetween: [number, number];

  const oai = async (query: Record<string, string>, method: 'get' | 'post' = 'get') => {
    const request =
      method === 'get'
        ? t.http().get('/oai').query(query)
        : t.http().post('/oai').type('form').send(query);
    const response = await request.expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/xml; charset=utf-8/);
    return response.text;
  };
  const valid = (xml: string) => expect(oaiSchemaErrors(xml)).toBeUndefined();
  const identifierOf = (id: string) => `oai:bouwsteen.local:${id}`;

  beforeAll(async () => {
    t = await createTestApp({ isolated: true });
    ppsId = await t.ppsId('House of Digital');
    editor = await t.user('pps-editor', [ppsId]);
    const publish = (body: Record<string, unknown>) => t.publish(editor, body);
    ids.module = (
      await publish(
        moduleBody(ppsId, { keywords: ['cybersecurity', 'mkb'], levels: ['mbo-3', 'mbo-4'] }),
      )
    ).id;
    ids.curriculum = (await publish(curriculumWith(ppsId, [ids.module]))).id;
    ids.place = (await publish(infrastructureBody(ppsId))).id;
    ids.practice = (await publish(practiceBody(ppsId))).id;
    const archived = await publish(moduleBody(ppsId, { title: unique('Oude module') }));
    ids.archived = archived.id;
    const before = Math.floor(Date.now() / 1000) * 1000;
    await t
      .http()
      .post(`/api/v1/assets/${archived.id}/archive`)
      .set(bearer(editor))
      .set('If-Match', archived.etag)
      .send({})
      .expect(200);
    archivedBetween = [before, Date.now()];
    // A harvest is taken as of the second before it: let this one pass.
    await new Promise((resolve) => setTimeout(resolve, 1100));
  });
  afterAll(() => t.close());

  describe('every response validates against the OAI-PMH schema with LOM and Dublin Core', () => {
    it.each<[string, () => Record<string, string>]>([
      ['Identify', () => ({ verb: 'Identify' })],
      ['ListMetadataFormats', () => ({ verb: 'ListMetadataFormats' })],
      [
        'ListMetadataFormats for a record',
        () => ({ verb: 'ListMetadataFormats', identifier: identifierOf(ids.module) }),
      ],
      ['ListSets', () => ({ verb: 'ListSets' })],
      ['ListIdentifiers', () => ({ verb: 'ListIdentifiers', metadataPrefix: 'oai_dc' })],
      ['ListRecords oai_dc', () => ({ verb: 'ListRecords', metadataPrefix: 'oai_dc' })],
      ['ListRecords lom', () => ({ verb: 'ListRecords', metadataPrefix: 'lom' })],
      [
        'GetRecord lom',
        () => ({ verb: 'GetRecord', metadataPrefix: 'lom', identifier: identifierOf(ids.module) }),
      ],
      [
        'GetRecord of a deleted record',
        () => ({
          verb: 'GetRecord',
          metadataPrefix: 'oai_dc',
          identifier: identifierOf(ids.archived),
        }),
      ],
      ['badVerb', () => ({ verb: 'Harvest' })],
      ['badArgument', () => ({ verb: 'ListRecords' })],
      ['cannotDisseminateFormat', () => ({ verb: 'ListRecords', metadataPrefix: 'marc21' })],
      [
        'idDoesNotExist',
        () => ({
          verb: 'GetRecord',
          metadataPrefix: 'oai_dc',
          identifier: identifierOf('00000000-0000-4000-8000-000000000000'),
        }),
      ],
      [
        'noRecordsMatch',
        () => ({ verb: 'ListRecords', metadataPrefix: 'oai_dc', from: '2999-01-01' }),
      ],
      ['badResumptionToken', () => ({ verb: 'ListRecords', resumptionToken: 'made-up' })],
    ])('%s', async (_name, query) => {
      valid(await oai(query()));
    });
  });

  it('answers POST (form-encoded) as it answers GET', async () => {
    const viaPost = await oai({ verb: 'ListIdentifiers', metadataPrefix: 'oai_dc' }, 'post');
    valid(viaPost);
    expect(texts(viaPost, 'identifier').sort()).toEqual(
      texts(await oai({ verb: 'ListIdentifiers', metadataPrefix: 'oai_dc' }), 'identifier').sort(),
    );
  });

  it('identifies itself: persistent deletions, seconds granularity, the oai identifier scheme', async () => {
    const xml = await oai({ verb: 'Identify' });
    expect(texts(xml, 'deletedRecord')).toEqual(['persistent']);
    expect(texts(xml, 'granularity')).toEqual(['YYYY-MM-DDThh:mm:ssZ']);
    expect(texts(xml, 'repositoryIdentifier')).toEqual(['bouwsteen.local']);
    expect(texts(xml, 'baseURL')[0]).toMatch(/\/oai$/);
  });

  it('lists every published block as a record and the archived one as a deleted header', async () => {
    const xml = await oai({ verb: 'ListRecords', metadataPrefix: 'oai_dc' });
    const identifiers = texts(xml, 'identifier').filter((value) => value.startsWith('oai:'));
    expect(identifiers.sort()).toEqual(Object.values(ids).map(identifierOf).sort());
    expect(xml).toContain(`<header status="deleted"><identifier>${identifierOf(ids.archived)}`);
    // A deleted record is its header alone.
    expect(texts(xml, 'dc:title')).toHaveLength(4);
    const deleted = await oai({
      verb: 'GetRecord',
      metadataPrefix: 'lom',
      identifier: identifierOf(ids.archived),
    });
    expect(deleted).not.toContain('<metadata>');
    // Its datestamp is the archiving, not the publication.
    const stamp = Date.parse(texts(deleted, 'datestamp')[0]);
    expect(stamp).toBeGreaterThanOrEqual(archivedBetween[0]);
    expect(stamp).toBeLessThanOrEqual(archivedBetween[1]);
  });

  it('carries what Edurep requires in NL-LOM', async () => {
    const xml = await oai({
      verb: 'GetRecord',
      metadataPrefix: 'lom',
      identifier: identifierOf(ids.module),
    });
    expect(texts(xml, 'entry')).toEqual(
      expect.arrayContaining([identifierOf(ids.module), expect.stringMatching(/\/bouwstenen\//)]),
    );
    expect(texts(xml, 'location')[0]).toMatch(new RegExp(`/bouwstenen/${ids.module}$`));
    expect(texts(xml, 'value')).toEqual(
      // The module has a price: cost yes.
      expect.arrayContaining(['2', 'publisher', 'learner', 'BVE', 'yes', 'cc-by-sa-40']),
    );
    expect(texts(xml, 'metadataSchema')).toEqual(['LOMv1.0', 'nl_lom_v1p0']);
    expect(texts(xml, 'id')).toEqual(
      expect.arrayContaining([
        'f3ac3fbb-5eae-49e0-8494-0a44855fff25',
        '654931e1-6f8b-4f72-aa4b-92c99c72c347',
        '8beca7eb-95a5-4c7d-9704-2d2a2fc4bc65',
        // The discipline: sector techniek is the mbo domain Techniek en procesindustrie.
        'c6c55e80-9fae-440b-b50a-4a1f70432734',
        'OpenAccess',
      ]),
    );
    expect(texts(xml, 'string')).toContain('Techniek en procesindustrie');
    expect(xml).toContain('BEGIN:VCARD');
    expect(xml).toContain('FN:House of Digital');
    expect(texts(xml, 'duration')[0]).toMatch(/^PT(\d+H)?(\d+M)?$/);
  });

  it('selects by set: per kind, per PPS, per province, and the Edurep set', async () => {
    const headers = async (set: string) =>
      texts(await oai({ verb: 'ListIdentifiers', metadataPrefix: 'oai_dc', set }), 'identifier');
    expect(await headers('kind:practice')).toEqual([identifierOf(ids.practice)]);
    // Complete modules and curricula (and the archived module, a deleted record of the set).
    expect((await headers('edurep')).sort()).toEqual(
      [identifierOf(ids.module), identifierOf(ids.curriculum), identifierOf(ids.archived)].sort(),
    );
    expect(await headers(`pps:${ppsId}`)).toHaveLength(5);
    expect(await headers('kind')).toHaveLength(5);
    const sets = await oai({ verb: 'ListSets' });
    expect(texts(sets, 'setSpec')).toEqual(
      expect.arrayContaining(['edurep', 'kind:module', `pps:${ppsId}`, 'province:noord-holland']),
    );
    expect(errorCode(await oai({ verb: 'ListRecords', metadataPrefix: 'lom', set: 'nope' }))).toBe(
      'noRecordsMatch',
    );
  });

  it('takes from and until at either granularity and returns exactly what falls inside', async () => {
    const all = await oai({ verb: 'ListIdentifiers', metadataPrefix: 'oai_dc' });
    const stamps = texts(all, 'datestamp').sort();
    const latest = stamps.at(-1)!;
    const exactly = await oai({
      verb: 'ListIdentifiers',
      metadataPrefix: 'oai_dc',
      from: latest,
      until: latest,
    });
    expect(texts(exactly, 'datestamp').every((stamp) => stamp === latest)).toBe(true);
    expect(texts(exactly, 'datestamp')).toHaveLength(stamps.filter((s) => s === latest).length);
    const today = latest.slice(0, 10);
    const byDay = await oai({
      verb: 'ListIdentifiers',
      metadataPrefix: 'oai_dc',
      from: today,
      until: today,
    });
    expect(texts(byDay, 'datestamp')).toHaveLength(
      stamps.filter((s) => s.startsWith(today)).length,
    );
    for (const [query, code] of [
      [{ from: '2026-02-30' }, 'badArgument'],
      [{ from: today, until: latest }, 'badArgument'],
      [{ from: '2026-01-01T00:00:00.000Z' }, 'badArgument'],
      [{ from: '2026-06-01', until: '2026-01-01' }, 'badArgument'],
    ] as const) {
      const xml = await oai({ verb: 'ListRecords', metadataPrefix: 'oai_dc', ...query });
      valid(xml);
      expect(errorCode(xml)).toBe(code);
      expect(xml).toMatch(/<request>[^<]+<\/request>/);
    }
  });

  it('refuses repeated and unknown arguments and a token with other arguments', async () => {
    const repeated = await t
      .http()
      .get('/oai?verb=ListRecords&metadataPrefix=lom&metadataPrefix=oai_dc');
    expect(errorCode(repeated.text)).toBe('badArgument');
    expect(errorCode(await oai({ verb: 'Identify', extra: 'x' }))).toBe('badArgument');
    expect(
      errorCode(await oai({ verb: 'ListRecords', resumptionToken: 'x', metadataPrefix: 'lom' })),
    ).toBe('badArgument');
    expect(errorCode((await t.http().get('/oai?verb=Identify&verb=Identify')).text)).toBe(
      'badVerb',
    );
  });

  it('answers arguments holding NUL or other control characters with badArgument in XML, by GET and POST', async () => {
    const queries = [
      '/oai?verb=GetRecord&metadataPrefix=lom&identifier=oai%3Abouwsteen.local%3A%00',
      '/oai?verb=ListRecords&metadataPrefix=oai_dc&set=kind%3A%07',
      '/oai?verb=ListIdentifiers&metadataPrefix=oai_dc&from=2026-01-01%1B',
      '/oai?verb=Identify&ex%00tra=1',
      '/oai?verb=ListRecords&resumptionToken=%00',
      '/oai?verb=ListRecords&metadataPrefix=%EF%BF%BF',
    ];
    for (const query of queries) {
      const response = await t.http().get(query).expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/xml; charset=utf-8/);
      valid(response.text);
      expect(errorCode(response.text)).toBe('badArgument');
      expect(response.text).toMatch(/<request>[^<]+<\/request>/);
    }
    const posted = await t
      .http()
      .post('/oai')
      .type('form')
      .send('verb=ListRecords&metadataPrefix=lom%00')
      .expect(200);
    valid(posted.text);
    expect(errorCode(posted.text)).toBe('badArgument');
    // A NUL in the verb is no verb at all.
    expect(errorCode((await t.http().get('/oai?verb=Identify%00').expect(200)).text)).toBe(
      'badVerb',
    );
  });

  it('delivers a PPS’s blocks again when the PPS is renamed (their publisher changed)', async () => {
    const admin = await t.user('admin');
    const since = new Date(Date.now() + 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const current = await t.http().get(`/api/v1/pps/${ppsId}`).set(bearer(admin)).expect(200);
    await t
      .http()
      .patch(`/api/v1/pps/${ppsId}`)
      .set(bearer(admin))
      .set('If-Match', current.headers.etag)
      .send({ name: 'House of Digital Noord-Holland' })
      .expect(200);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const xml = await oai({ verb: 'ListRecords', metadataPrefix: 'oai_dc', from: since });
    valid(xml);
    expect(
      texts(xml, 'identifier')
        .filter((value) => value.startsWith('oai:'))
        .sort(),
    ).toEqual(Object.values(ids).map(identifierOf).sort());
    expect(texts(xml, 'dc:publisher')[0]).toBe('House of Digital Noord-Holland');
  });

  it('writes a publisher whose name holds "]]>" as escaped text that round-trips through the vCard', async () => {
    const admin = await t.user('admin');
    const name = 'Huis ]]> <Digitaal>, Techniek & "Zorg"';
    const current = await t.http().get(`/api/v1/pps/${ppsId}`).set(bearer(admin)).expect(200);
    await t
      .http()
      .patch(`/api/v1/pps/${ppsId}`)
      .set(bearer(admin))
      .set('If-Match', current.headers.etag)
      .send({ name })
      .expect(200);
    const xml = await oai({
      verb: 'GetRecord',
      metadataPrefix: 'lom',
      identifier: identifierOf(ids.module),
    });
    valid(xml);
    expect(xml).not.toContain('<![CDATA[');
    // libxml2 reads the entity back, and a vCard parser (ical.js) reads the name from it.
    const entity = xpathString(xml, "//*[local-name()='contribute']/*[local-name()='entity']");
    const card = new ICAL.Component(ICAL.parse(entity.replace(/\r?\n/g, '\r\n')));
    expect(card.name).toBe('vcard');
    expect(card.getFirstPropertyValue('fn')).toBe(name);
    expect(card.getFirstPropertyValue('n')).toEqual([name, '', '', '', '']);
    // Dublin Core carries the same name as plain escaped text.
    const dc = await oai({
      verb: 'GetRecord',
      metadataPrefix: 'oai_dc',
      identifier: identifierOf(ids.module),
    });
    valid(dc);
    expect(xpathString(dc, "//*[local-name()='publisher']")).toBe(name);
  });

  describe('with more records than one page', () => {
    const page = async (query: Record<string, string>) => {
      const xml = await oai(query);
      valid(xml);
      const token = /<resumptionToken[^>]*>([^<]+)<\/resumptionToken>/.exec(xml)?.[1];
      return { xml, token, identifiers: texts(xml, 'identifier') };
    };

    beforeAll(async () => {
      const bodies = Array.from({ length: 430 }, (_, n) =>
        moduleBody(ppsId, { title: unique(`Module ${n}`) }),
      );
      for (let start = 0; start < bodies.length; start += 10)
        await Promise.all(bodies.slice(start, start + 10).map((body) => t.publish(editor, body)));
      await new Promise((resolve) => setTimeout(resolve, 1100));
    }, 240_000);

    it('pages with resumption tokens that carry the whole request, cursor and list size', async () => {
      const first = await page({ verb: 'ListIdentifiers', metadataPrefix: 'oai_dc' });
      expect(first.identifiers).toHaveLength(200);
      expect(first.xml).toMatch(/completeListSize="435" cursor="0"/);
      const second = await page({ verb: 'ListIdentifiers', resumptionToken: first.token! });
      expect(second.xml).toMatch(/completeListSize="435" cursor="200"/);
      const third = await page({ verb: 'ListIdentifiers', resumptionToken: second.token! });
      expect(third.identifiers).toHaveLength(35);
      expect(third.token).toBeUndefined();
      expect(third.xml).toMatch(/<resumptionToken completeListSize="435" cursor="400"\/>/);
      const all = [...first.identifiers, ...second.identifiers, ...third.identifiers];
      expect(new Set(all).size).toBe(435);
      // A token is only good for the verb it came from, and cannot be altered.
      expect(errorCode(await oai({ verb: 'ListRecords', resumptionToken: first.token! }))).toBe(
        'badResumptionToken',
      );
      const altered = first.token!.replace(/^./, (c) => (c === 'e' ? 'f' : 'e'));
      expect(errorCode(await oai({ verb: 'ListIdentifiers', resumptionToken: altered }))).toBe(
        'badResumptionToken',
      );
    });

    const harvestAll = async () => {
      const all: string[] = [];
      let current = await page({ verb: 'ListIdentifiers', metadataPrefix: 'oai_dc' });
      all.push(...current.identifiers);
      while (current.token) {
        current = await page({ verb: 'ListIdentifiers', resumptionToken: current.token });
        all.push(...current.identifiers);
      }
      return all;
    };

    it('harvests without duplicates or gaps while blocks are published', async () => {
      const before = await harvestAll();
      const seen: string[] = [];
      let current = await page({ verb: 'ListIdentifiers', metadataPrefix: 'oai_dc' });
      seen.push(...current.identifiers);
      const changed: string[] = [];
      while (current.token) {
        // Writes between pages: a new block, and an edit of one already harvested.
        const added = await t.publish(editor, moduleBody(ppsId, { title: unique('Tussendoor') }));
        changed.push(identifierOf(added.id));
        current = await page({ verb: 'ListIdentifiers', resumptionToken: current.token });
        seen.push(...current.identifiers);
      }
      expect(new Set(seen).size).toBe(seen.length);
      // Everything that existed when the harvest began was delivered once; what came during it
      // waits for the next harvest (whose `from` is this one's responseDate).
      expect(seen.sort()).toEqual(before.sort());
      for (const identifier of changed) expect(seen).not.toContain(identifier);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect((await harvestAll()).length).toBe(before.length + changed.length);
    });

    it('is harvested completely by an independent OAI-PMH client, incrementally too', async () => {
      const address = t.app.getHttpServer().address() as { port: number };
      const baseUrl = `http://127.0.0.1:${address.port}/oai`;
      const harvested = (await harvestWithClient(baseUrl, 'list-records', '-p', 'oai_dc')).map(
        (record) => record.header!.identifier,
      );
      expect(harvested.length).toBeGreaterThan(400);
      expect(new Set(harvested).size).toBe(harvested.length);
      expect(harvested).toEqual(await harvestAll());

      // Incremental: from the last harvest's time, exactly what changed since — a new block, a
      // new version of one, and one archived (a deleted header).
      const since = new Date(Date.now() + 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const etagOf = async (id: string) =>
        (await t.http().get(`/api/v1/assets/${id}`).set(bearer(editor)).expect(200)).headers.etag;
      const fresh = await t.publish(editor, moduleBody(ppsId, { title: unique('Nieuw') }));
      const edited = await t.publishNewVersion(
        editor,
        { id: ids.curriculum, etag: await etagOf(ids.curriculum) },
        { summary: 'Bijgewerkte samenvatting van de leerlijn.' },
      );
      await t
        .http()
        .post(`/api/v1/assets/${ids.place}/archive`)
        .set(bearer(editor))
        .set('If-Match', await etagOf(ids.place))
        .send({})
        .expect(200);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const changes = await harvestWithClient(
        baseUrl,
        'list-identifiers',
        '-p',
        'oai_dc',
        '-f',
        since,
      );
      expect(changes.map((header) => header.identifier).sort()).toEqual(
        [fresh.id, edited.id, ids.place].map(identifierOf).sort(),
      );
      const archived = changes.find((header) => header.identifier === identifierOf(ids.place)) as {
        $?: { status?: string };
      };
      expect(archived.$?.status).toBe('deleted');
    });
  });
});
