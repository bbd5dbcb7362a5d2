import { relationsIn, scanTypeScript } from './source-facts';

/** The lexer the architecture checks read code with (checked against the compiler when written). */
describe('scanTypeScript', () => {
  it('reads string and template literals, never comments', () => {
    const { literals } = scanTypeScript(`
      // SELECT 1 FROM pps p — a comment, with 'quotes'
      /* JOIN organisation o ON "it's" */
      const sql = 'SELECT id FROM asset';
      const other = "FROM \\"quoted\\" x";`);
    expect(literals).toEqual(['SELECT id FROM asset', 'FROM \\"quoted\\" x']);
  });

  it('splits templates at their substitutions, nested ones included', () => {
    const { literals, code } = scanTypeScript(
      "const q = `SELECT ${kind ? `a.${kind}` : 'b'} FROM pps_public p ${where}`;",
    );
    expect(literals).toEqual(['SELECT ', 'a.', '', 'b', ' FROM pps_public p ', '']);
    expect(code).toContain('"#0"${');
  });

  it('tells a regular expression from a division', () => {
    const { literals } = scanTypeScript(`
      const half = total / 2; const quote = /'/g.test(text) ? '"' : "'";
      const url = (x) => x.replace(/\\/\\*/, '') / 1;
      return /["'\`]/.test(value) && 'after';`);
    expect(literals).toEqual(['"', "'", '', 'after']);
  });

  it('finds imports, with the names they import', () => {
    const { imports } = scanTypeScript(`
      import { A, type B, C as D } from '@bouwsteen/assets';
      import type { E } from '@bouwsteen/organisations/pure';
      import * as fs from 'node:fs';
      import 'reflect-metadata';
      export * from './pure';
      const later = () => import('./later');
      const text = 'import { X } from "not-an-import"';`);
    expect(imports).toEqual([
      { from: '@bouwsteen/assets', names: ['A', 'B', 'C'] },
      { from: '@bouwsteen/organisations/pure', names: ['E'] },
      { from: 'node:fs', names: [] },
      { from: 'reflect-metadata', names: [] },
      { from: './pure', names: [] },
      { from: './later', names: [] },
    ]);
  });
});

describe('relationsIn', () => {
  it('names what SQL reads and writes: FROM lists, joins, UPDATE and INTO', () => {
    expect(
      relationsIn(`
        WITH target AS (SELECT id FROM asset_published WHERE id = $1)
        SELECT f.user_id FROM follow f, target t
        JOIN pps_public p ON p.id = t.pps_id LEFT JOIN organisation_public AS o ON true
        WHERE EXISTS (SELECT 1 FROM reuse r WHERE r.asset_id = t.id)`),
    ).toEqual([
      'asset_published',
      'follow',
      'target',
      'pps_public',
      'organisation_public',
      'reuse',
    ]);
    expect(relationsIn('INSERT INTO reuse (id) SELECT unnest($1::uuid[])')).toEqual(['reuse']);
    expect(relationsIn('SELECT count(*) FROM pgboss.job WHERE name = $1')).toEqual(['pgboss.job']);
    expect(relationsIn('UPDATE asset SET x = 1 ON CONFLICT DO UPDATE SET y = 2')).toEqual([
      'asset',
      'set',
    ]);
  });

  it('skips functions, quoted SQL text and SQL comments', () => {
    expect(
      relationsIn(`SELECT extract(epoch FROM clock_timestamp()) FROM unnest($1) AS x
        WHERE note = 'copied FROM pps' -- JOIN organisation here
        AND y IN (SELECT 1 FROM "webhook")`),
    ).toEqual(['webhook']);
  });
});
