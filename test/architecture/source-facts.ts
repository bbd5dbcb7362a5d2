import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The repository's root. */
export const ROOT = join(__dirname, '..', '..');

export interface Import {
  /** The module, as written: '@bouwsteen/assets', './asset.policy', 'typeorm'. */
  from: string;
  /** What is imported by name (`import { A, B as C }` gives A, B); empty for `*`, defaults and calls. */
  names: string[];
}

/** What the architecture checks read of a source file. Comments are never part of it. */
export interface SourceFacts {
  /** The raw text of every string literal and of every part of a template literal. */
  literals: string[];
  /** `import … from`, `export … from`, `import '…'`, `import(…)` and `require(…)`. */
  imports: Import[];
  /** The code without comments, each literal replaced by "#<its index in literals>". */
  code: string;
}

/** After these (ignoring spaces) a `/` starts a regular expression, not a division. */
const BEFORE_REGEX =
  /(^|[(,=:[!&|?{};+\-*%<>~^]|\b(return|typeof|case|do|else|in|of|void|yield|await|delete|throw|new))$/;
const SPECIAL = /[/"'`{}]/g;

/**
 * Reads TypeScript without JSX. A small lexer instead of the compiler: loading and running
 * TypeScript's parser over every file takes seconds, this takes milliseconds. It knows
 * comments, strings, nested template literals and regular expressions (by the usual rule: a `/`
 * after an operator, an opening bracket or a keyword starts one). source-facts.spec.ts tests
 * the hard cases; when written it read every file of the code base as the compiler does.
 */
export function scanTypeScript(source: string): SourceFacts {
  const literals: string[] = [];
  const code: string[] = [];
  const resumeAt: number[] = []; // brace depths at which an open template literal continues
  let depth = 0;
  let i = 0;
  let runStart = 0; // where the current run of code began
  let tail = ''; // the last bit of code before the run, to tell what a `/` is

  const endRun = () => {
    const run = source.slice(runStart, i);
    code.push(run);
    tail = (tail + run).slice(-40);
  };
  const literal = (text: string, quote: string) => {
    code.push(`"#${literals.length}"${quote}`);
    tail = '""';
    literals.push(text);
    runStart = i;
  };
  /** Reads template text from i up to its end or its next substitution. */
  const template = () => {
    const start = i;
    while (i < source.length) {
      if (source[i] === '\\') i += 2;
      else if (source[i] === '`') return literal(source.slice(start, i++), '');
      else if (source[i] === '$' && source[i + 1] === '{') {
        resumeAt.push(depth++);
        return literal(source.slice(start, (i += 2) - 2), '${');
      } else i++;
    }
  };

  while (i < source.length) {
    SPECIAL.lastIndex = i;
    if (!SPECIAL.exec(source)) break;
    i = SPECIAL.lastIndex - 1;
    const char = source[i];
    const next = source[i + 1];
    if (char === '/' && (next === '/' || next === '*')) {
      endRun();
      const end = next === '/' ? source.indexOf('\n', i) : source.indexOf('*/', i + 2);
      i = runStart = end < 0 ? source.length : next === '/' ? end : end + 2;
    } else if (char === '"' || char === "'") {
      endRun();
      const start = ++i;
      while (i < source.length && source[i] !== char) i += source[i] === '\\' ? 2 : 1;
      literal(source.slice(start, i++), '');
    } else if (char === '`') {
      endRun();
      i++;
      template();
    } else if (char === '}' && resumeAt.at(-1) === depth - 1) {
      endRun();
      resumeAt.pop();
      depth--;
      i++;
      code.push('}');
      template();
    } else if (char === '/' && BEFORE_REGEX.test((tail + source.slice(runStart, i)).trimEnd())) {
      let inClass = false;
      for (i++; i < source.length && (inClass || source[i] !== '/'); i++) {
        if (source[i] === '\\') i++;
        else if (source[i] === '[') inClass = true;
        else if (source[i] === ']') inClass = false;
      }
      for (i++; /[a-z]/.test(source[i] ?? ''); ) i++;
    } else {
      if (char === '{') depth++;
      else if (char === '}') depth--;
      i++;
    }
  }
  i = source.length;
  endRun();
  const text = code.join('');
  return { literals, imports: importsIn(text, literals), code: text };
}

/** The imports of code whose literals stand as "#n". */
function importsIn(code: string, literals: string[]): Import[] {
  const found: { at: number; entry: Import }[] = [];
  const add = (at: number, index: string, names: string[] = []) =>
    found.push({ at, entry: { from: literals[Number(index)], names } });
  for (const match of code.matchAll(
    /\b(?:import|export)\s+(?:type\s+)?([^;"]*?)\s*from\s*"#(\d+)"/g,
  ))
    add(match.index, match[2], namesIn(match[1]));
  for (const match of code.matchAll(/\bimport\s*"#(\d+)"/g)) add(match.index, match[1]);
  for (const match of code.matchAll(/\b(?:import|require)\s*\(\s*"#(\d+)"\s*\)/g))
    add(match.index, match[1]);
  return found.sort((a, b) => a.at - b.at).map(({ entry }) => entry);
}

/** The names in `{ A, type B, C as D }` (A, B, C); none for `* as x` or a default. */
function namesIn(clause: string): string[] {
  const braces = /\{([^}]*)\}/.exec(clause);
  if (!braces) return [];
  return braces[1]
    .split(',')
    .map(
      (part) =>
        part
          .trim()
          .replace(/^type\s+/, '')
          .split(/\s+as\s+/)[0],
    )
    .filter(Boolean);
}

/** The same facts for TSX, through the compiler (JSX text is not code); loaded only for these. */
function scanTsx(path: string, source: string): SourceFacts {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ts = require('typescript') as typeof import('typescript');
  const literals: string[] = [];
  const imports: Import[] = [];
  const file = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TSX);
  const visit = (node: import('typescript').Node): void => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    )
      literals.push(node.text);
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      const bindings = ts.isImportDeclaration(node)
        ? node.importClause?.namedBindings
        : node.exportClause;
      const elements =
        bindings && (ts.isNamedImports(bindings) || ts.isNamedExports(bindings))
          ? bindings.elements
          : [];
      imports.push({
        from: node.moduleSpecifier.text,
        names: elements.map((element) => (element.propertyName ?? element.name).text),
      });
    }
    if (
      ts.isCallExpression(node) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(node.expression) && node.expression.text === 'require')) &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    )
      imports.push({ from: node.arguments[0].text, names: [] });
    ts.forEachChild(node, visit);
  };
  visit(file);
  return { literals, imports, code: '' };
}

/** The facts of a file, by its path relative to the repository. */
export function sourceFacts(path: string): SourceFacts {
  const source = readFileSync(join(ROOT, path), 'utf8');
  return path.endsWith('.tsx') ? scanTsx(path, source) : scanTypeScript(source);
}

/** The libraries, by folder name. */
export function libraries(): string[] {
  return readdirSync(join(ROOT, 'libs'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** A library's own code (its specs left out), as paths relative to the repository. */
export function codeFiles(library: string): string[] {
  const files: string[] = [];
  const walk = (directory: string): void => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name) && !/\.(spec\.tsx?|d\.ts)$/.test(entry.name))
        files.push(relative(ROOT, path));
    }
  };
  walk(join(ROOT, 'libs', library, 'src'));
  return files.sort();
}

const SQL_STRING = /'(?:[^']|'')*'/g;
const SQL_COMMENT = /--[^\n]*/g;
/** A relation, schema-qualified or not (pgboss.job). */
const NAME = String.raw`"?([a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)?)(?![a-z0-9_.])"?`;
const NOT_A_FUNCTION = String.raw`(?!\s*\()`;
const ALIAS = String.raw`(?:\s+(?:AS\s+)?(?!(?:ON|WHERE|JOIN|LEFT|RIGHT|INNER|FULL|CROSS|NATURAL|USING|GROUP|ORDER|LIMIT|OFFSET|UNION|SET|VALUES|RETURNING|FOR|WINDOW|HAVING)\b)[a-z_][a-z0-9_]*)?`;
const READ = new RegExp(
  String.raw`\b(?:FROM|JOIN)\s+(?:ONLY\s+|LATERAL\s+)?${NAME}${NOT_A_FUNCTION}${ALIAS}((?:\s*,\s*${NAME}${NOT_A_FUNCTION}${ALIAS})*)`,
  'gi',
);
const MORE = new RegExp(String.raw`,\s*${NAME}`, 'gi');
const WRITE = new RegExp(String.raw`\b(?:UPDATE|INTO)\s+(?:ONLY\s+)?${NAME}`, 'gi');

/**
 * The relations an SQL text reads or writes: what follows FROM and JOIN (with the rest of a
 * comma-separated FROM list), UPDATE and INTO. Quoted SQL strings and SQL comments are left
 * out; names that are no table (CTEs, functions, words of prose) match nothing callers ask for.
 */
export function relationsIn(sql: string): string[] {
  const text = sql.replace(SQL_STRING, "''").replace(SQL_COMMENT, '');
  const names: string[] = [];
  for (const match of text.matchAll(READ)) {
    names.push(match[1].toLowerCase());
    for (const more of (match[2] ?? '').matchAll(MORE)) names.push(more[1].toLowerCase());
  }
  for (const match of text.matchAll(WRITE)) names.push(match[1].toLowerCase());
  return names;
}
