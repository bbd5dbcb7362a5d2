import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectPath } from '@bouwsteen/common';
import { parse } from 'csv-parse/sync';

/** The data directory beside the sources; its files are part of the product. */
export function seedDataDir(): string {
  return projectPath('libs', 'seed', 'data');
}

export function readJson<T>(name: string): T {
  return JSON.parse(readFileSync(join(seedDataDir(), name), 'utf8')) as T;
}

export function readFile(name: string): Buffer {
  return readFileSync(join(seedDataDir(), name));
}

export function readCsv<T>(name: string): T[] {
  return parse(readFileSync(join(seedDataDir(), name), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
  }) as T[];
}
