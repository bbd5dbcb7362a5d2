import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The bundled OOAPI v5 specification, unmodified (its licence forbids changes), offline. */
export const ooapiSpec = JSON.parse(
  readFileSync(join(__dirname, '..', 'fixtures', 'specs', 'ooapi-v5', 'ooapi.json'), 'utf8'),
);
export const ooapiAjv = new Ajv({ strict: false, allErrors: true });
addFormats(ooapiAjv);
ooapiAjv.addSchema(ooapiSpec, 'ooapi');

const escape = (path: string) => path.replace(/~/g, '~0').replace(/\//g, '~1');

/** The schema a response claims: the spec's own, for that path and status. */
export function ooapiSchemaFor(path: string, status = '200'): ValidateFunction {
  const response = ooapiSpec.paths[path].get.responses[status];
  const pointer = response.$ref
    ? `${response.$ref}/content/application~1problem+json/schema`
    : `#/paths/${escape(path)}/get/responses/${status}/content/application~1json/schema`;
  return ooapiAjv.getSchema(`ooapi${pointer}`)!;
}

/** Expects a body to satisfy the schema the spec gives for that path and status. */
export function expectOoapiValid(body: unknown, path: string, status = '200'): void {
  const validate = ooapiSchemaFor(path, status);
  const ok = validate(body);
  expect(ok ? [] : validate.errors).toEqual([]);
}
