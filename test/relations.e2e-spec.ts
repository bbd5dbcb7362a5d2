import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { expand } from 'jsonld';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { curriculumWith, moduleBody, unique } from './harness/fixtures';
import { oaiSchemaErrors, texts } from './harness/oai';
import { TestApp, TestUser, bearer, createTestApp } from './harness/test-app';

const spec = JSON.parse(
  readFileSync(join(__dirname, 'fixtures', 'specs', 'ooapi-v5', 'ooapi.json'), 'utf8'),
);
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(spec, 'ooapi');
const escape = (path: string) => path.replace(/~/g, '~0').replace(/\//g, '~1');

const SCHEMA = 'https://schema.org/';
const documentLoader = async (url: string) => {
  if (!/^https?:\/\/schema\.org\/?$/.test(url)) throw new Error(`not fetched: ${url}`);
  return { contextUrl: null, documentUrl: url, document: { '@context': { '@vocab': SCHEMA } } };
};

/** The relations of a LOM record: kind, the catalog and entry naming the resource, its title. */
function lomRelations(xml: string) {
  return [...xml.matchAll(/<relation>(.*?)<\/relation>/g)].map(([, body]) => ({
    source: texts(body, 'source')[0],
    kind: texts(body, 'value')[0],
    catalog: texts(body, 'catalog')[0],
    entry: texts(body, 'entry')[0],
    title: texts(body, 'string')[0],
  }));
}

const idOf = (url: string) => url.slice(url.lastIndexOf('/') + 1);

/**
 * A curriculum's modules and a derivative's source, walked from every format a harvester
 * reads (NL-LOM, Dublin Core, JSON-LD, OOAPI) — and only listed blocks: an archived module,
 * an unpublished derivative and a draft's new title never show.
 */
describe('relations in every feed (e2e)', () => {
  let t: TestApp;
  let editor: TestUser;
  let other: TestUser;
  const modules: { id: string; title: string }[] = [];
  let archived: string;
  let curriculum: string;
  let derivative: string;
  let unpublishedDerivative: string;
  let base: string;
  const page = (id: string) => `${base}/bouwstenen/${id}`;

  const oai = async (query: Record<string, string>) => {
    const response = await t.http().get('/oai').query(query).expect(200);
    expect(oaiSchemaErrors(response.text)).toBeUndefined();
    return response.text;
  };
  const record = (id: string, metadataPrefix: string) =>
    oai({ verb: 'GetRecord', identifier: `oai:bouwsteen.local:${id}`, metadataPrefix });
  const jsonLd = async (id: string) => {
    const response = await t
      .http()
      .get(`/api/v1/assets/${id}`)
      .set('Accept', 'application/ld+json')
      .expect(200);
    // A JSON-LD processor reads it (schema.org's vocabulary, offline).
    expect(await expand(response.body, { documentLoader })).toHaveLength(1);
    return response.body as Record<string, unknown>;
  };
  const ooapi = async (url: string, path: string) => {
    const body = (await t.http().get(`/ooapi/v5${url}`).expect(200)).body;
    const validate = ajv.getSchema(
      `ooapi#/paths/${escape(path)}/get/responses/200/content/application~1json/schema`,
    )!;
    expect(validate(body) ? [] : validate.errors).toEqual([]);
    return body;
  };

  beforeAll(async () => {
    t = await createTestApp({ isolated: true });
    const ppsId = await t.ppsId('House of Digital');
    const otherPps = await t.ppsId('Techport mbo');
    editor = await t.user('pps-editor', [ppsId]);
    other = await t.user('pps-editor', [otherPps]);
    // Eleven listed modules (two pages of ten) and one archived after the curriculum is out.
    for (let n = 0; n < 11; n++) {
      const body = moduleBody(ppsId, n === 0 ? {} : { title: unique(`Module ${n}`) });
      if (n === 0) (body.module as Record<string, unknown>).electiveCode = 'K0771';
      const { id, title } = await t.publish(editor, body);
      modules.push({ id, title });
    }
    const old = await t.publish(editor, moduleBody(ppsId, { title: unique('Vervallen module') }));
    archived = old.id;
    curriculum = (
      await t.publish(
        editor,
        curriculumWith(ppsId, [...modules.map((module) => module.id), archived]),
      )
    ).id;
    await t
      .http()
      .post(`/api/v1/assets/${archived}/archive`)
      .set(bearer(editor))
      .set('If-Match', old.etag)
      .send({})
      .expect(200);
    // A draft's new title is not public.
    const second = await t.http().get(`/api/v1/assets/${modules[1].id}`).expect(200);
    await t
      .http()
      .patch(`/api/v1/assets/${modules[1].id}`)
      .set(bearer(editor))
      .set('If-Match', second.headers.etag)
      .send({ title: 'Nog niet gepubliceerde titel' })
      .expect(200);
    const derive = async () =>
      (
        await t
          .http()
          .post(`/api/v1/assets/${modules[0].id}/derive`)
          .set(bearer(other))
          .send({ ppsId: otherPps })
          .expect(201)
      ).body as { id: string; revision: number };
    const derived = await derive();
    await t
      .http()
      .post(`/api/v1/assets/${derived.id}/publish`)
      .set(bearer(other))
      .set('If-Match', `"${derived.revision}"`)
      .send({})
      .expect(200);
    derivative = derived.id;
    unpublishedDerivative = (await derive()).id;
    // A harvest is taken as of the second before it.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    base = texts(await oai({ verb: 'Identify' }), 'baseURL')[0].replace(/\/oai$/, '');
  }, 120_000);
  afterAll(() => t.close());

  const listed = () => modules.map((module) => module.id);

  it('walks a curriculum’s modules in NL-LOM, each module pointing back, by the record’s own catalog', async () => {
    const xml = await record(curriculum, 'lom');
    const relations = lomRelations(xml);
    const parts = relations.filter((relation) => relation.kind === 'haspart');
    expect(parts.map((part) => idOf(part.entry))).toEqual(listed());
    expect(relations.map((relation) => relation.entry)).not.toContain(page(archived));
    // The same catalog and entry form as the record's general/identifier.
    expect(texts(xml, 'catalog')[0]).toBe('URI');
    expect(texts(xml, 'entry')[0]).toBe(page(curriculum));
    for (const part of parts) {
      expect(part).toMatchObject({
        source: 'http://purl.edustandaard.nl/relation_kind_nllom_20131211',
        catalog: 'URI',
      });
      expect(part.entry).toBe(page(idOf(part.entry)));
    }
    expect(parts[1].title).toBe(modules[1].title);
    expect(xml).not.toContain('Nog niet gepubliceerde titel');
    for (const part of parts.slice(0, 3)) {
      const module = lomRelations(await record(idOf(part.entry), 'lom'));
      expect(module).toContainEqual(
        expect.objectContaining({ kind: 'ispartof', entry: page(curriculum) }),
      );
    }
  });

  it('names derivatives both ways in NL-LOM, never an unpublished one', async () => {
    const source = lomRelations(await record(modules[0].id, 'lom'));
    const derived = source.filter((relation) => relation.kind === 'isbasisfor');
    expect(derived.map((relation) => relation.entry)).toEqual([page(derivative)]);
    expect(JSON.stringify(source)).not.toContain(unpublishedDerivative);
    const back = lomRelations(await record(derivative, 'lom'));
    expect(back.filter((relation) => relation.kind === 'isbasedon')).toEqual([
      expect.objectContaining({ entry: page(modules[0].id), title: modules[0].title }),
    ]);
  });

  it('classifies crebo and keuzedeel codes as competencies in NL-LOM', async () => {
    const xml = await record(curriculum, 'lom');
    const competency =
      /<classification><purpose><source>LOMv1\.0<\/source><value>competency<\/value><\/purpose>(.*?)<\/classification>/g;
    const ids = [...xml.matchAll(competency)].map(([, body]) => texts(body, 'id'));
    expect(ids).toEqual([['25923'], ['K0080']]);
    expect(await record(modules[0].id, 'lom')).toMatch(/<id>K0771<\/id>/);
  });

  it('carries the relations of a whole page of ListRecords, still schema-valid', async () => {
    const xml = await oai({ verb: 'ListRecords', metadataPrefix: 'lom', set: 'kind:curriculum' });
    expect(lomRelations(xml).filter((r) => r.kind === 'haspart')).toHaveLength(11);
    const dc = await oai({ verb: 'ListRecords', metadataPrefix: 'oai_dc' });
    expect(texts(dc, 'dc:relation')).toEqual(expect.arrayContaining([page(curriculum)]));
  });

  it('walks a curriculum’s modules in Dublin Core, by the same URLs as dc:identifier', async () => {
    const xml = await record(curriculum, 'oai_dc');
    expect(texts(xml, 'dc:relation').map(idOf).sort()).toEqual([...listed()].sort());
    const module = await record(modules[0].id, 'oai_dc');
    expect(texts(module, 'dc:relation').sort()).toEqual(
      [page(curriculum), page(derivative)].sort(),
    );
    expect(texts(module, 'dc:identifier')).toEqual([page(modules[0].id)]);
  });

  it('walks a curriculum’s modules in JSON-LD: hasPart, isPartOf and isBasedOn as typed nodes', async () => {
    const node = await jsonLd(curriculum);
    const parts = node.hasPart as { '@id': string; '@type': string[]; name: string }[];
    expect(parts.map((part) => idOf(part['@id']))).toEqual(listed());
    expect(parts[0]).toEqual({
      '@id': page(modules[0].id),
      '@type': ['LearningResource', 'Course'],
      name: modules[0].title,
    });
    expect(node.educationalAlignment).toEqual([
      expect.objectContaining({ '@type': 'AlignmentObject', targetCode: '25923' }),
      expect.objectContaining({ targetCode: 'K0080', educationalFramework: expect.any(String) }),
    ]);
    const module = await jsonLd(idOf(parts[0]['@id']));
    expect(module.isPartOf).toEqual([
      expect.objectContaining({
        '@id': page(curriculum),
        '@type': ['LearningResource', 'EducationalOccupationalProgram'],
      }),
    ]);
    expect(module.educationalAlignment).toEqual([
      expect.objectContaining({ targetCode: 'K0771', targetName: 'Keuzedeel K0771' }),
    ]);
    expect((await jsonLd(derivative)).isBasedOn).toEqual([
      expect.objectContaining({ '@id': page(modules[0].id), name: modules[0].title }),
    ]);
    // The page embeds the same.
    const html = (await t.http().get(`/bouwstenen/${curriculum}`).expect(200)).text;
    expect(html).toContain(`"hasPart":[{"@id":"${page(modules[0].id)}"`);
  });

  it('walks a program’s courses in OOAPI, in pages, and a course’s programs with expand', async () => {
    const path = '/programs/{programId}/courses';
    const first = await ooapi(`/programs/${curriculum}/courses?pageSize=10`, path);
    // No count per page (the paging of /courses): hasNextPage says there is more.
    expect(first).toMatchObject({ hasNextPage: true });
    const second = await ooapi(`/programs/${curriculum}/courses?pageSize=10&pageNumber=2`, path);
    expect(second.hasNextPage).toBe(false);
    const ids = [...first.items, ...second.items].map(
      (item: { courseId: string }) => item.courseId,
    );
    expect(ids).toEqual([...listed()].sort());
    const course = await ooapi(`/courses/${modules[0].id}`, '/courses/{courseId}');
    expect(course.programs).toEqual([curriculum]);
    expect(course.otherCodes).toEqual([{ codeType: 'x-keuzedeel', code: 'K0771' }]);
    const expanded = await ooapi(
      `/courses/${modules[0].id}?expand=programs`,
      '/courses/{courseId}',
    );
    expect(expanded.programs).toEqual([
      expect.objectContaining({ programId: curriculum, primaryCode: expect.any(Object) }),
    ]);
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(
      (await t.http().get(`/ooapi/v5/programs/${missing}/courses`).expect(404)).body.status,
    ).toBe('404');
    await t.http().get(`/ooapi/v5/programs/${curriculum}/courses?pageSize=7`).expect(400);
    await t.http().get(`/ooapi/v5/programs/${archived}/courses`).expect(404);
  });
});
