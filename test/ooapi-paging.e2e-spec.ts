import { DataSource } from 'typeorm';
import { moduleBody } from './harness/fixtures';
import { expectOoapiValid, ooapiAjv } from './harness/ooapi-spec';
import { TestApp, createTestApp } from './harness/test-app';

/**
 * Pages of /courses and offerings by id are read through indexes, asserted on the query plans
 * of the very queries the endpoint runs, over a few thousand blocks (no clock involved).
 */
describe('OOAPI paging and lookups by index (e2e)', () => {
  let t: TestApp;
  let dataSource: DataSource;
  let offeringId: string;

  beforeAll(async () => {
    t = await createTestApp({ isolated: true });
    dataSource = t.app.get(DataSource);
    const ppsId = await t.ppsId('House of Digital');
    const editor = await t.user('pps-editor', [ppsId]);
    const base = moduleBody(ppsId);
    const module = await t.publish(editor, {
      ...base,
      module: {
        ...(base.module as object),
        offerings: [{ period: { start: '2090-01-01', end: '2090-02-01' } }],
      },
    });
    // 4,000 copies of the published block, each its own asset with its own title.
    await dataSource.query(
      `CREATE TEMP TABLE copies AS SELECT gen_random_uuid() AS id, n FROM generate_series(1, 4000) n`,
    );
    // The copies have no offerings: the one offering stays one among thousands of versions.
    const select = (columns: string) => columns.replace(/\bdetails\b/, `details - 'offerings'`);
    const copy = async (table: string, id: string, title: string) => {
      // Every stored column but the generated ones, the id and the title, copied as they are.
      const [{ columns }] = await dataSource.query(
        `SELECT string_agg(quote_ident(column_name), ', ') AS columns
         FROM information_schema.columns
         WHERE table_name = $1 AND is_generated = 'NEVER' AND column_name NOT IN ($2, $3)`,
        [table, id, title],
      );
      await dataSource.query(
        `INSERT INTO ${table} (${id}, ${title}, ${columns})
         SELECT c.id, 'Kopie ' || lpad(c.n::text, 5, '0'), ${select(columns)}
         FROM ${table}, copies c WHERE ${table}.${id === 'id' ? 'id' : 'asset_id'} = $1`,
        [module.id],
      );
    };
    await copy('asset', 'id', 'published_title');
    await copy('asset_version', 'asset_id', 'title');
    await dataSource.query('VACUUM ANALYZE asset');
    await dataSource.query('VACUUM ANALYZE asset_version');
    const offerings = await t.http().get(`/ooapi/v5/courses/${module.id}/offerings`).expect(200);
    offeringId = offerings.body.items[0].offeringId;
  }, 120_000);
  afterAll(() => t.close());

  /** The plans of the statements an OOAPI request runs. */
  async function plansOf(url: string): Promise<string[]> {
    const statements: [string, unknown[] | undefined][] = [];
    const query = dataSource.query.bind(dataSource);
    const spy = jest
      .spyOn(dataSource, 'query')
      .mockImplementation((sql: string, parameters?: unknown[]) => {
        statements.push([sql, parameters]);
        return query(sql, parameters);
      });
    try {
      const response = await t.http().get(`/ooapi/v5${url}`).expect(200);
      // The offering path's oneOf admits no course offering (see ooapi.e2e-spec): it is held
      // to the schema it claims.
      if (url.startsWith('/courses')) expectOoapiValid(response.body, '/courses');
      else {
        const claimed = ooapiAjv.getSchema('ooapi#/components/schemas/CourseOffering')!;
        expect(claimed(response.body) ? [] : claimed.errors).toEqual([]);
      }
    } finally {
      spy.mockRestore();
    }
    return Promise.all(
      statements.map(async ([sql, parameters]) =>
        JSON.stringify(await dataSource.query(`EXPLAIN (FORMAT JSON) ${sql}`, parameters)),
      ),
    );
  }

  it('pages courses in name order by the listing’s index, without counting or sorting them all', async () => {
    const page = (await t.http().get('/ooapi/v5/courses?pageSize=100&pageNumber=21').expect(200))
      .body;
    expect(page.items).toHaveLength(100);
    expect(page.hasNextPage).toBe(true);
    expect(page.items[0].name[0].value).toBe('Kopie 02000');
    const plans = await plansOf('/courses?pageSize=100&pageNumber=21');
    expect(plans).toHaveLength(1);
    expect(plans[0]).toContain('asset_listed_title_idx');
    expect(plans[0]).not.toMatch(/"Relation Name":"asset","Alias":"a"[^}]*"Node Type":"Seq Scan"/);
    const descending = await plansOf('/courses?pageSize=100&pageNumber=3&sort=-name');
    expect(descending[0]).toContain('asset_listed_title_idx');
    expect(await plansOf('/courses?pageSize=100&sort=courseId')).toEqual([
      expect.stringContaining('asset_listed_id_idx'),
    ]);
  });

  it('finds an offering by its id through its index', async () => {
    const plans = await plansOf(`/offerings/${offeringId}`);
    expect(plans[0]).toContain('asset_version_offering_ids');
  });
});
