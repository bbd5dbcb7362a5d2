import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT, SourceFacts, codeFiles, libraries, relationsIn, sourceFacts } from './source-facts';

/**
 * Holds docs/architecture.md to the code: the libraries and what they import, the tables, who
 * owns them and who else may use them, the read surfaces and the paths the page names. When a
 * test here fails, either the code crossed a line the page draws, or the page is out of date.
 */
const DOC = 'docs/architecture.md';
const doc = readFileSync(join(ROOT, DOC), 'utf8');

/** The body rows of the first table under `## <heading>`, as trimmed cells. */
function tableUnder(heading: string): string[][] {
  const start = doc.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`${DOC} has no section "## ${heading}"`);
  const rows: string[][] = [];
  for (const line of doc.slice(start + heading.length + 5).split('\n')) {
    if (line.startsWith('|'))
      rows.push(
        line
          .split('|')
          .slice(1, -1)
          .map((cell) => cell.trim()),
      );
    else if (rows.length > 0 || line.startsWith('## ')) break;
  }
  return rows.slice(2);
}
const ticked = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1]);
/** "a, b (note, with commas), c" → ["a", "b (note, with commas)", "c"]; "—" → []. */
function listed(cell: string): string[] {
  if (cell === '—') return [];
  const items: string[] = [];
  let depth = 0;
  let item = '';
  for (const char of cell) {
    if (char === ',' && depth === 0) {
      items.push(item.trim());
      item = '';
      continue;
    }
    if (char === '(') depth++;
    if (char === ')') depth--;
    item += char;
  }
  return [...items, item.trim()];
}

const LIBRARIES = libraries();
const code = new Map<string, { file: string; facts: SourceFacts }[]>(
  LIBRARIES.map((library) => [
    library,
    codeFiles(library).map((file) => ({ file, facts: sourceFacts(file) })),
  ]),
);
const libraryOf = (specifier: string) => /^@bouwsteen\/([a-z-]+)(\/pure)?$/.exec(specifier)?.[1];

const librariesTable = tableUnder('Libraries and what each owns').map(([name, , dependsOn]) => ({
  library: ticked(name)[0],
  dependsOn: listed(dependsOn).sort(),
}));

/** Every table and view the migrations create, with the migrations that (re)define each view. */
const relations = new Map<string, { view: boolean; definedIn: string[] }>();
let migrationText = '';
for (const file of readdirSync(join(ROOT, 'migrations')).sort()) {
  const sql = sourceFacts(`migrations/${file}`).literals.join('\n');
  migrationText += sql;
  for (const match of sql.matchAll(/CREATE\s+(TABLE|(?:OR\s+REPLACE\s+)?VIEW)\s+([a-z_]+)/g)) {
    const entry = relations.get(match[2]) ?? { view: match[1] !== 'TABLE', definedIn: [] };
    entry.definedIn.push(`migrations/${file}`);
    relations.set(match[2], entry);
  }
}

const tablesTable = tableUnder('Tables and who may use them').map(
  ([tables, owner, surface, alsoUsedBy]) => ({
    tables: ticked(tables),
    owner,
    views: ticked(surface).filter((name) => !name.includes('/')),
    migration: ticked(surface).find((name) => name.startsWith('migrations/')),
    /** Each view with the migration named after it (`a`, `b` (`m1`), `c` (`m2`)). */
    viewMigrations: ticked(surface).reduce<{ pending: string[]; pairs: [string, string][] }>(
      (acc, name) =>
        name.startsWith('migrations/')
          ? {
              pending: [],
              pairs: [...acc.pairs, ...acc.pending.map((v): [string, string] => [v, name])],
            }
          : name.includes('/')
            ? acc
            : { ...acc, pending: [...acc.pending, name] },
      { pending: [], pairs: [] },
    ).pairs,
    uses: listed(alsoUsedBy).map((use) => ({
      library: use.split(' ')[0],
      tables: ticked(use),
    })),
  }),
);
/** Whole schemas a library owns (`pgboss.*`: pg-boss's tables, made by its own plans). */
const schemas = new Map(
  tablesTable.flatMap((row) =>
    row.tables.filter((name) => name.endsWith('.*')).map((name) => [name.slice(0, -1), row.owner]),
  ),
);
const owners = new Map(
  tablesTable.flatMap((row) => [...row.tables, ...row.views].map((name) => [name, row.owner])),
);
const schemaOf = (relation: string) =>
  [...schemas.keys()].find((prefix) => relation.startsWith(prefix));
const ownerOf = (relation: string) => owners.get(relation) ?? schemas.get(schemaOf(relation) ?? '');
const views = new Set(tablesTable.flatMap((row) => row.views));
const documentedUses = new Set(
  tablesTable.flatMap((row) =>
    row.uses.flatMap((use) => use.tables.map((table) => `${use.library} ${table}`)),
  ),
);

/** Every table or view a library's SQL names, with where. */
function relationsNamedBy(library: string): { relation: string; file: string }[] {
  return code.get(library)!.flatMap(({ file, facts }) =>
    facts.literals
      .flatMap(relationsIn)
      .filter((relation) => relations.has(relation) || schemaOf(relation))
      .map((relation) => ({ relation, file })),
  );
}

describe(`${DOC} is true to the code`, () => {
  it('lists every library, and only those', () => {
    expect(librariesTable.map((row) => row.library).sort()).toEqual(LIBRARIES);
  });

  it("names each library's dependencies as its code imports them", () => {
    const wrong: string[] = [];
    for (const { library, dependsOn } of librariesTable) {
      const imported = new Set<string>();
      for (const { facts } of code.get(library) ?? [])
        for (const { from } of facts.imports) {
          const other = libraryOf(from);
          if (other && other !== library) imported.add(other);
        }
      const actual = [...imported].sort();
      if (actual.join() !== dependsOn.join())
        wrong.push(
          `${library}: the page says ${dependsOn.join(', ') || '—'}; the code imports ${actual.join(', ') || '—'}`,
        );
    }
    expect(wrong).toEqual([]);
  });

  it("never reaches into another library's folder by a relative path", () => {
    const reaching: string[] = [];
    for (const library of LIBRARIES)
      for (const { file, facts } of code.get(library)!)
        for (const { from } of facts.imports) {
          if (!from.startsWith('.')) continue;
          const target = join(dirname(file), from);
          const inside = target.startsWith(`libs/${library}/`);
          const migrations = library === 'database' && target === 'migrations';
          if (!inside && !migrations) reaching.push(`${file} imports ${from}`);
        }
    expect(reaching).toEqual([]);
  });

  it('lists every table and view of the migrations, each once, with a library as owner', () => {
    const documented = tablesTable
      .flatMap((row) => [...row.tables, ...row.views])
      .filter((name) => !name.endsWith('.*'));
    expect([...documented].sort()).toEqual([...relations.keys()].sort());
    for (const prefix of schemas.keys())
      expect([prefix, migrationText.includes(prefix.slice(0, -1))]).toEqual([prefix, true]);
    expect(new Set(documented).size).toBe(documented.length);
    for (const row of tablesTable) expect(LIBRARIES).toContain(row.owner);
    for (const name of views) expect(relations.get(name)?.view).toBe(true);
  });

  it('names, for each read surface, the migration that defines it last', () => {
    for (const row of tablesTable.filter((row) => row.views.length > 0)) {
      expect(row.viewMigrations.map(([view]) => view)).toEqual(row.views);
      for (const [view, migration] of row.viewMigrations)
        expect([view, relations.get(view)!.definedIn.at(-1)]).toEqual([view, migration]);
    }
  });

  it('has each library name only its own tables, the read surfaces and the uses listed', () => {
    const crossing = LIBRARIES.flatMap((library) =>
      relationsNamedBy(library)
        .filter(({ relation }) => ownerOf(relation) !== library && !views.has(relation))
        .filter(({ relation }) => !documentedUses.has(`${library} ${relation}`))
        .map(
          ({ relation, file }) =>
            `${file} names ${relation}, a table of ${ownerOf(relation)}: read its read ` +
            `surface or ask its repository (or list the use in ${DOC})`,
        ),
    );
    expect(crossing).toEqual([]);
  });

  it('lists only uses the code makes', () => {
    const made = new Set(
      LIBRARIES.flatMap((library) =>
        relationsNamedBy(library).map(({ relation }) => `${library} ${relation}`),
      ),
    );
    expect([...documentedUses].filter((use) => !made.has(use))).toEqual([]);
  });

  it("has no library import another library's TypeORM entities", () => {
    const entities = new Map<string, string>(); // class → library
    for (const library of LIBRARIES)
      for (const { facts } of code.get(library)!)
        for (const match of facts.code.matchAll(/@Entity\([^)]*\)\s*export\s+class\s+(\w+)/g))
          entities.set(match[1], library);
    const borrowed: string[] = [];
    for (const library of LIBRARIES)
      for (const { file, facts } of code.get(library)!)
        for (const { from, names } of facts.imports)
          for (const name of names) {
            const owner = entities.get(name);
            if (owner && owner !== library && libraryOf(from) === owner)
              borrowed.push(`${file} imports ${name}, an entity of ${owner}`);
          }
    expect(entities.size).toBeGreaterThan(10);
    expect(borrowed).toEqual([]);
  });

  it('names only files that exist', () => {
    const paths = ticked(doc).filter((text) =>
      /^(libs|apps|migrations|test|docs)\/[\w./-]+$/.test(text),
    );
    expect(paths.length).toBeGreaterThan(20);
    expect(paths.filter((path) => !existsSync(join(ROOT, path)))).toEqual([]);
  });
});

describe('read surfaces', () => {
  it('leaves "published" and "listed" to the views: no SQL tests a status for them', () => {
    // Outside assets, a version's state is off limits too; inside, asset_version is its table.
    const STATUS =
      /\bstatus\s*(=|<>|!=)\s*'published'|\bstatus\s+(NOT\s+)?IN\s*\([^)]*'published'/i;
    const STATE = /\bstate\s*(=|<>|!=)\s*'published'|\bstate\s+(NOT\s+)?IN\s*\([^)]*'published'/i;
    const testing = LIBRARIES.flatMap((library) =>
      code
        .get(library)!
        .filter(({ facts }) =>
          facts.literals.some(
            (text) => STATUS.test(text) || (library !== 'assets' && STATE.test(text)),
          ),
        )
        .map(
          ({ file }) =>
            `${file} tests a status for "published": read asset_published(_version), WHERE listed`,
        ),
    );
    expect(testing).toEqual([]);
  });

  it('has each pure entry load without Nest or TypeORM, and its index export it', () => {
    const entries = LIBRARIES.filter((library) =>
      existsSync(join(ROOT, 'libs', library, 'src', 'pure.ts')),
    );
    expect(entries.length).toBeGreaterThanOrEqual(5);
    for (const library of entries) {
      // The unit tier maps @nestjs/* and typeorm to a module that throws (jest.config.js).
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      expect(() => require(join(ROOT, 'libs', library, 'src', 'pure'))).not.toThrow();
      const index = code.get(library)!.find(({ file }) => file === `libs/${library}/src/index.ts`);
      expect([library, index?.facts.imports.some(({ from }) => from === './pure')]).toEqual([
        library,
        true,
      ]);
    }
  });
});
