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

/**
 * A fresh database of its own for one suite: a copy of the run's migrated, seeded template (or
 * of `template`, e.g. the demo data's: see demo-site.ts).
 */
export async function freshDatabase(
  label: string,
  template = process.env.TEST_TEMPLATE_DATABASE_URL!,
): Promise<string> {
  const url = databaseUrlFor(`bouwsteen_${label}_${randomBytes(4).toString('hex')}`);
  await cloneDatabase(template, url);
  return url;
}

/** The run's template with the demo data loaded, once made (see demo-site.ts). */
export function demoTemplateUrl(): string {
  return `${process.env.TEST_TEMPLATE_DATABASE_URL!}_demo`;
}
