import { NestFactory } from '@nestjs/core';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsersService } from '@bouwsteen/auth';
import { AppConfig, loadConfig } from '@bouwsteen/config';
import { ensureDatabase, runMigrations } from '@bouwsteen/database';
import { DemoService, SeedService, SeedSummary, seedDataDir, totalChanges } from '@bouwsteen/seed';
import { CliModule } from './cli.module';

export const DEMO_PUBLISHER = 'demo-publisher@bouwsteen.invalid';

export async function migrate(config: AppConfig): Promise<void> {
  if (await ensureDatabase(config.databaseUrl))
    console.log(`Created database ${new URL(config.databaseUrl).pathname.slice(1)}`);
  const applied = await runMigrations(config.databaseUrl);
  console.log(
    applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Schema is up to date',
  );
}

export async function seed(options: { demo: boolean }): Promise<SeedSummary> {
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error', 'warn'] });
  try {
    const summary = await app.get(SeedService).seedReferenceData();
    if (options.demo) {
      const publisher = await app
        .get(UsersService)
        .serviceAccount(DEMO_PUBLISHER, 'Bouwsteen demo');
      summary.demo = await app.get(DemoService).load(publisher);
    }
    return summary;
  } finally {
    await app.close();
  }
}

export function printSummary(summary: SeedSummary): void {
  console.log(`Vocabulary terms changed: ${summary.vocabularies.termsChanged}`);
  console.log(
    `Organisations created: ${summary.organisations.created}, aliases added: ${summary.organisations.aliasesAdded}`,
  );
  console.log(`PPS created: ${summary.pps.created}, already present: ${summary.pps.unchanged}`);
  console.log(
    `Partners linked: ${summary.partners.created}, already linked: ${summary.partners.unchanged}`,
  );
  if (summary.partners.unresolved.length > 0) {
    console.log(
      `Partner rows not linked (${summary.partners.unresolved.length}); the organisations were registered:`,
    );
    for (const row of summary.partners.unresolved) {
      console.log(`  - ${row.organisation} ← "${row.ppsAsWritten}": ${row.reason}`);
    }
  }
  if (summary.demo) {
    console.log(
      `Demo: PPS profiles filled ${summary.demo.ppsProfilesFilled}, assets created ${summary.demo.assetsCreated}, already present ${summary.demo.assetsUnchanged}`,
    );
  }
  console.log(
    totalChanges(summary) === 0
      ? 'Nothing changed: the data was already loaded.'
      : `Changes: ${totalChanges(summary)}`,
  );
}

export async function createAdmin(email: string, password: string, name: string): Promise<boolean> {
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error', 'warn'] });
  try {
    return await app.get(UsersService).ensureAdmin(email, password, name);
  } finally {
    await app.close();
  }
}

export async function writeOpenApi(): Promise<string> {
  // Imported lazily: only this command needs the HTTP application.
  const { NestFactory: Factory } = await import('@nestjs/core');
  const { AppModule } = await import('../../api/src/app.module');
  const { buildOpenApiDocument } = await import('../../api/src/swagger');
  const { API_PREFIX } = await import('../../api/src/configure-app');
  const app = await Factory.create(AppModule, {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health/live', 'health/ready'] });
  const document = buildOpenApiDocument(app);
  const path = join(seedDataDir(), '..', '..', '..', 'openapi.json');
  writeFileSync(path, JSON.stringify(document, null, 2) + '\n');
  await app.close();
  return path;
}

export { loadConfig };
