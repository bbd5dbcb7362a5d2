import { readFileSync } from 'node:fs';
import { projectPath } from '@bouwsteen/common/pure';
import { ASSET_KINDS } from '@bouwsteen/assets/pure';
import { FieldSpec, formSections, KEPT_BY_WRITE_PATH, NOT_IN_FORM } from './form-schema';

type Schema = {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
};

const openapi = JSON.parse(readFileSync(projectPath('openapi.json'), 'utf8')) as {
  components: { schemas: Record<string, Schema> };
};

function resolve(schema: Schema): Schema {
  if (schema.$ref) return resolve(openapi.components.schemas[schema.$ref.split('/').pop()!]);
  if (schema.allOf?.length === 1) return resolve(schema.allOf[0]);
  return schema;
}

/** Every leaf the API accepts, by path (list entries without their index). */
function apiPaths(schema: Schema, prefix = ''): string[] {
  const resolved = resolve(schema);
  if (resolved.properties)
    return Object.entries(resolved.properties).flatMap(([name, child]) =>
      apiPaths(child, prefix ? `${prefix}.${name}` : name),
    );
  if (resolved.type === 'array' && resolved.items) {
    const item = resolve(resolved.items);
    if (item.properties) return apiPaths(item, prefix);
  }
  return [prefix];
}

/** Every leaf the form writes, by the same kind of path. */
function formPaths(specs: FieldSpec[], prefix = ''): string[] {
  return specs.flatMap((spec) => {
    const path = prefix + spec.path;
    if (spec.type === 'group') return formPaths(spec.fields, path + '.');
    if (spec.type === 'list') return formPaths(spec.item, path + '.');
    if (spec.type === 'euro') return [`${path}.amountCents`, `${path}.currency`];
    return [path];
  });
}

describe('the building-block form', () => {
  const create = openapi.components.schemas.CreateAssetDto;
  const all = apiPaths(create).filter(
    (path) => !(path in NOT_IN_FORM) && !KEPT_BY_WRITE_PATH.includes(path),
  );

  it.each(ASSET_KINDS)('covers every field the API accepts for a %s, and nothing else', (kind) => {
    const others = ASSET_KINDS.filter((other) => other !== kind);
    const expected = all.filter((path) => !others.some((other) => path.startsWith(`${other}.`)));
    const written = formPaths(formSections(kind).flatMap((section) => section.fields));
    expect([...written].sort()).toEqual([...expected].sort());
  });
});
