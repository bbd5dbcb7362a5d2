import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'csv-parse/sync';

/** The data directory beside the sources, found the same way from ts-jest and from dist/. */
export function seedDataDir(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error('Cannot find the project root (package.json) above ' + __dirname);
    dir = parent;
  }
  return join(dir, 'libs', 'seed', 'data');
}

export function readJson<T>(name: string): T {
  return JSON.parse(readFileSync(join(seedDataDir(), name), 'utf8')) as T;
}

export function readCsv<T>(name: string): T[] {
  return parse(readFileSync(join(seedDataDir(), name), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
  }) as T[];
}
