import { readFileSync } from 'node:fs';
import Html from '@kitajs/html';
import {
  ASSET_FIELDS,
  ASSET_KINDS,
  AssetKind,
  CatalogueField,
  CreateAssetDto,
  missingToPublish,
} from '@bouwsteen/assets';
import { nestedTypesOf, projectPath } from '@bouwsteen/common';
import { ALL_COLUMNS, Column, NOT_IN_COLUMNS, Part, columnsFor } from '@bouwsteen/imports';
import { LabelBook } from '@bouwsteen/taxonomy';
import { ContentChecks } from '../../libs/assets/src/content-checks';
import { FieldErrors } from '../../libs/web/src/forms/field-errors';
import { Fields, FormContext } from '../../libs/web/src/forms/asset-form/form-render';
import {
  FieldSpec,
  NOT_IN_FORM,
  formSections,
} from '../../libs/web/src/forms/asset-form/form-schema';

/**
 * One field catalogue (libs/assets/src/fields, bound to the DTOs as ASSET_FIELDS) and the
 * tables that read it: the form, the import/export columns, the API's own rules. Here they are
 * held together (issue 24): every path the API accepts is in the catalogue with a label; every
 * form field and every import column names a catalogue path and shows its label; no catalogue
 * field is missing from the form or the columns unless listed as left out on purpose, with why.
 * Loads the DTOs with their Nest decorators, hence this tier.
 */

type Schema = {
  $ref?: string;
  type?: string;
  title?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
};
const openapi = JSON.parse(readFileSync(projectPath('openapi.json'), 'utf8')) as {
  components: { schemas: Record<string, Schema> };
};
const resolve = (schema: Schema): Schema =>
  schema.$ref
    ? resolve(openapi.components.schemas[schema.$ref.split('/').pop()!])
    : schema.allOf?.length === 1
      ? resolve(schema.allOf[0])
      : schema;

/** Every path the API documents for a create, records and their parts alike, with its title. */
function apiPaths(schema: Schema, prefix = ''): [string, string | undefined][] {
  const resolved = resolve(schema);
  const inner = resolved.type === 'array' && resolved.items ? resolve(resolved.items) : resolved;
  return Object.entries(inner.properties ?? {}).flatMap(([name, child]) => {
    const path = prefix + name;
    return [[path, child.title], ...apiPaths(child, `${path}.`)] as [string, string | undefined][];
  });
}

/** The form's specs with their full paths (list entries without their index). */
function formFields(specs: FieldSpec[], prefix = ''): { path: string; spec: FieldSpec }[] {
  return specs.flatMap((spec) => {
    const path = prefix + spec.path;
    const inner = spec.type === 'group' ? spec.fields : spec.type === 'list' ? spec.item : [];
    return [{ path, spec }, ...formFields(inner, `${path}.`)];
  });
}
const formOf = (kind: AssetKind) =>
  formFields(formSections(kind).flatMap((section) => section.fields));

/** The fields a block of `kind` has: the shared ones and its own section's. */
const fieldsOf = (kind: AssetKind) =>
  ASSET_FIELDS.all().filter((field) => !field.kind || field.kind === kind);
const sectionOf = (path: string) => (ASSET_KINDS as readonly string[]).includes(path);

/** Whether `path` is `other`, or inside it, or holds it. */
const related = (path: string, other: string) =>
  path === other || path.startsWith(`${other}.`) || other.startsWith(`${path}.`);

describe('the field catalogue (integration)', () => {
  it('has every path the API accepts, each with a written label (its title in the API documentation), and no text for a path it does not', () => {
    expect(ASSET_FIELDS.disagreements()).toEqual({ unwritten: [], unknown: [] });
    const catalogue = ASSET_FIELDS.all().map((field) => [field.path, field.label]);
    // The API documentation titles each field with the catalogue's label (swagger.ts).
    expect([...catalogue].sort()).toEqual(
      [...apiPaths(openapi.components.schemas.CreateAssetDto)].sort(),
    );
  });

  it('names every code of every fixed choice', () => {
    const choices = ASSET_FIELDS.all().filter((field) => field.type === 'choice');
    expect(choices.map((field) => field.path)).toEqual(
      expect.arrayContaining(['kind', 'links.type', 'module.studyLoad.unit']),
    );
    const unnamed = choices.flatMap((field) =>
      Object.entries(field.options!)
        .filter(([code, label]) => code === label)
        .map(([code]) => `${field.path}: ${code}`),
    );
    expect(unnamed).toEqual([]);
  });

  it('gives each field the vocabulary the content checks hold its codes to', async () => {
    // Every code field gets its own path as its value; the checks say which vocabulary they
    // look each value up in.
    const asked = new Map<string, string>();
    const vocabularies = new Proxy(new Map(), {
      get: (_target, key) =>
        key === 'get'
          ? (vocabulary: string) => ({
              has: (value: string) => (asked.set(value, vocabulary), true),
              keys: () => [],
            })
          : undefined,
    }) as never;
    const checks = new ContentChecks(null as never, null as never, null as never, null as never);
    const coded = ASSET_FIELDS.all().filter((field) => field.vocabulary);
    for (const kind of ASSET_KINDS) {
      const content: Record<string, unknown> = {};
      for (const field of coded.filter((field) => !field.kind || field.kind === kind))
        place(content, field, field.list ? [field.path] : field.path);
      checks.problems({} as never, { kind, content: content as never }, undefined, {
        vocabularies,
        assets: new Map(),
        organisations: new Set(),
      });
    }
    expect(Object.fromEntries(asked)).toEqual(
      Object.fromEntries(coded.map((field) => [field.path, field.vocabulary])),
    );
  });

  it('tells the help of a limited field from the DTO’s numbers, in Dutch', () => {
    expect(ASSET_FIELDS.get('title')!.help).toMatch(/Minstens 3 en hoogstens 200 tekens\.$/);
    expect(ASSET_FIELDS.get('description')!.help).toBe('Hoogstens 20.000 tekens.');
    expect(ASSET_FIELDS.get('sectors')!.help).toBe('Hoogstens vijf.');
    expect(ASSET_FIELDS.get('title')!.draft).toBe(true);
    expect(ASSET_FIELDS.get('summary')!.publish).toEqual(ASSET_KINDS);
  });
});

describe('the building-block form and the catalogue (integration)', () => {
  it.each(ASSET_KINDS)(
    'names only catalogue paths of a %s, and leaves out only what it says',
    (kind) => {
      const form = formOf(kind);
      const foreign = form.filter(({ path }) => {
        const field = ASSET_FIELDS.get(path);
        return !field || (field.kind !== undefined && field.kind !== kind);
      });
      expect(foreign.map(({ path }) => path)).toEqual([]);
      const paths = form.map(({ path }) => path);
      const missing = fieldsOf(kind)
        .map((field) => field.path)
        .filter((path) => !sectionOf(path) && !paths.some((shown) => related(path, shown)))
        .filter((path) => !NOT_IN_FORM[path]);
      expect(missing).toEqual([]);
      const stale = Object.keys(NOT_IN_FORM).filter(
        (path) => !ASSET_FIELDS.get(path) || paths.some((shown) => related(path, shown)),
      );
      expect(stale).toEqual([]);
    },
  );

  it.each(ASSET_KINDS)(
    'shows each field of a %s with the catalogue’s label, help and limit',
    (kind) => {
      const ctx: FormContext = {
        kind,
        labels: new LabelBook(new Map()),
        errors: new FieldErrors(),
        organisations: [{ value: 'org', label: 'Organisatie' }],
        refs: new Map(),
        extra: {},
      };
      const wrong: string[] = [];
      const walk = (specs: FieldSpec[], prefix: string) => {
        for (const spec of specs) {
          const path = prefix + spec.path;
          const field = ASSET_FIELDS.get(path)!;
          const html = String(Fields({ specs: [spec], value: {}, ctx, prefix }));
          const shown = /<(?:label|legend)[^>]*>([^<]*)/.exec(html)?.[1]?.trim();
          if (shown !== Html.escapeHtml(field.label)) wrong.push(`${path}: label ${shown}`);
          for (const words of [field.about, field.limitsText])
            if (words && !html.includes(Html.escapeHtml(words)))
              wrong.push(`${path}: no "${words}"`);
          const maxLength = field.limits.maxLength;
          if (spec.type === 'text' && maxLength && !html.includes(`maxlength="${maxLength}"`))
            wrong.push(`${path}: no maxlength ${maxLength}`);
          if (spec.type === 'group') walk(spec.fields, `${path}.`);
          if (spec.type === 'list') walk(spec.item, `${path}.0.`);
        }
      };
      for (const section of formSections(kind)) walk(section.fields, '');
      expect(wrong).toEqual([]);
      expect(formSections(kind)[1].title).toBe(ASSET_FIELDS.get(kind)!.label);
    },
  );

  it.each(ASSET_KINDS)('has a field for every answer a %s needs to be published', (kind) => {
    const form = new Set(formOf(kind).map(({ path }) => path));
    const needed = missingToPublish(kind, {});
    expect(needed.length).toBeGreaterThan(1);
    expect(needed.filter((path) => !form.has(path))).toEqual([]);
    expect(
      fieldsOf(kind)
        .filter((field) => field.publish.includes(kind))
        .map((f) => f.path),
    ).toEqual(needed);
  });

  it('finds the nested classes at every depth, lists and objects alike', () => {
    expect(Object.keys(nestedTypesOf(CreateAssetDto))).toEqual(
      expect.arrayContaining([
        'contacts',
        'module.learningOutcomes',
        'module.offerings.period',
        'infrastructure.locations.address',
      ]),
    );
  });
});

describe('the import and export columns and the catalogue (integration)', () => {
  const content = ALL_COLUMNS.filter((column) => ASSET_FIELDS.get(column.name));

  it('names a catalogue path in every column but the row’s own ids, with its label', () => {
    expect(
      ALL_COLUMNS.filter((column) => !ASSET_FIELDS.get(column.name)).map((column) => column.name),
    ).toEqual(['id', 'sourceId']);
    const wrong = content.flatMap((column) => [
      ...(column.label === ASSET_FIELDS.label(column.name)
        ? []
        : [`${column.name}: ${column.label}`]),
      ...(column.parts ?? [])
        .filter((part) => part.label !== ASSET_FIELDS.get(`${column.name}.${part.key}`)?.label)
        .map((part) => `${column.name}.${part.key}: ${part.label}`),
    ]);
    expect(wrong).toEqual([]);
  });

  it('reads and writes each cell as the catalogue types its field', () => {
    const wrong = content.flatMap((column) => {
      const problems = [mismatch(column, ASSET_FIELDS.get(column.name)!)];
      for (const part of column.parts ?? [])
        problems.push(mismatch(part, ASSET_FIELDS.get(`${column.name}.${part.key}`)!));
      return problems.filter(Boolean).map((problem) => `${column.name}: ${problem}`);
    });
    expect(wrong).toEqual([]);
  });

  it.each(ASSET_KINDS)(
    'has a column for every field of a %s, but those it leaves out and why',
    (kind) => {
      const covered = (path: string) =>
        columnsFor(kind).some(
          (column) =>
            related(path, column.name) ||
            Object.keys(column.implies ?? {}).includes(path) ||
            (column.parts ?? []).some((part) => related(path, `${column.name}.${part.key}`)),
        );
      const missing = fieldsOf(kind)
        .map((field) => field.path)
        .filter((path) => !covered(path) && !NOT_IN_COLUMNS[path]);
      expect(missing).toEqual([]);
      const stale = Object.keys(NOT_IN_COLUMNS).filter(
        (path) => !ASSET_FIELDS.get(path) || covered(path),
      );
      expect(stale).toEqual([]);
    },
  );
});

/** What is wrong with how a column (or part) types a field, or undefined. */
function mismatch(cell: Column | Part, field: CatalogueField): string | undefined {
  const column = cell as Column;
  if (column.parts)
    return field.type === 'record' && field.list ? undefined : 'records for no list of records';
  if (!!column.list !== field.list && field.type !== 'record')
    return `list ${!!column.list}, field list ${field.list}`;
  switch (column.type) {
    case 'vocabulary':
      return column.vocabulary === field.vocabulary ? undefined : `vocabulary ${column.vocabulary}`;
    case 'choice':
      return JSON.stringify(column.choices) === JSON.stringify(field.options)
        ? undefined
        : 'other choices';
    case 'reference':
      return field.type === 'uuid' ? undefined : `reference to a ${field.type}`;
    case 'euro':
      // An amount the API keeps as { amountCents, currency }: a record of those two parts.
      return field.type === 'record' &&
        ASSET_FIELDS.get(`${field.path}.amountCents`) &&
        ASSET_FIELDS.get(`${field.path}.currency`)
        ? undefined
        : `euro for a ${field.type}`;
    case 'text':
      return ['text', 'url', 'email'].includes(field.type) && !field.vocabulary
        ? undefined
        : `text for a ${field.type}`;
    default:
      return column.type === field.type ? undefined : `${column.type} for a ${field.type}`;
  }
}

/** Puts `value` at a field's path, entry 0 of each list of records on the way. */
function place(content: Record<string, unknown>, field: CatalogueField, value: unknown): void {
  const keys = field.path.split('.');
  let target = content;
  keys.slice(0, -1).forEach((_, index) => {
    const path = keys.slice(0, index + 1).join('.');
    const key = keys[index];
    const list = ASSET_FIELDS.get(path)!.list;
    if (list) {
      const entries = (target[key] ??= [{}]) as Record<string, unknown>[];
      target = entries[0];
    } else target = (target[key] ??= {}) as Record<string, unknown>;
  });
  target[keys[keys.length - 1]] = value;
}
