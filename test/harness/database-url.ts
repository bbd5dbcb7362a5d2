import { randomBytes } from 'node:crypto';
import { cloneDatabase } from '../../libs/database/src/database-admin';

/** Where test databases are created; override with TEST_DATABASE_URL (any database name). */
export function baseDatabaseUrl(): string {
  return process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export function databaseUrlFor(name: string): string {
  const url = new URL(baseDatabaseUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** A fresh database of its own for one suite: a copy of the run's migrated, seeded template. */
export async function freshDatabase(label: string): Promise<string> {
  const url = databaseUrlFor(`bouwsteen_${label}_${randomBytes(4).toString('hex')}`);
  await cloneDatabase(process.env.TEST_TEMPLATE_DATABASE_URL!, url);
  return url;
}
