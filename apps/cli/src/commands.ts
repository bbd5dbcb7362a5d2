import { NestFactory } from '@nestjs/core';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { FeedMembership } from '@bouwsteen/assets';
import { UsersService } from '@bouwsteen/auth';
import { APP_CONFIG, AppConfig, loadConfig } from '@bouwsteen/config';
import { ensureDatabase, runMigrations } from '@bouwsteen/database';
import { projectPath } from '@bouwsteen/common';
import { DomainException } from '@bouwsteen/common';
import { QUALIFICATION_FILE_MAX_BYTES, QualificationsService } from '@bouwsteen/qualifications';
import { DemoAccounts, DemoService, SeedService, SeedSummary, totalChanges } from '@bouwsteen/seed';
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
    // Blocks published before a feed's rule was stored (or changed) are checked against it.
    const moved = await app.get(FeedMembership).refresh();
    if (moved) console.log(`Blocks entering or leaving the edurep set: ${moved}`);
    if (options.demo) {
      const publisher = await app
        .get(UsersService)
        .serviceAccount(DEMO_PUBLISHER, 'Bouwsteen demo');
      summary.demo = await app.get(DemoService).load(publisher);
      const password = app.get<AppConfig>(APP_CONFIG).auth.demoAccountsPassword;
      if (password) summary.demo.accountsCreated = await app.get(DemoAccounts).ensure(password);
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
      `Demo: PPS profiles filled ${summary.demo.ppsProfilesFilled}, assets created ${summary.demo.assetsCreated}, already present ${summary.demo.assetsUnchanged}, reuse records ${summary.demo.reusesCreated}`,
    );
    if (summary.demo.qualificationsLoaded)
      console.log('Demo: reference qualification structure loaded (illustrative, not SBB data)');
    for (const email of summary.demo.accountsCreated ?? [])
      console.log(`Demo account created: ${email} (password: DEMO_ACCOUNTS_PASSWORD)`);
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
  const { ModulesContainer, NestFactory: Factory, RouterModule } = await import('@nestjs/core');
  const { API_ROUTES, AppModule } = await import('../../api/src/app.module');
  const { buildOpenApiDocument } = await import('../../api/src/swagger');
  const app = await Factory.create(AppModule, {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  // A preview builds no providers, so RouterModule never set the API's path: set it here.
  new RouterModule(app.get(ModulesContainer), API_ROUTES);
  const document = buildOpenApiDocument(app);
  const path = projectPath('openapi.json');
  writeFileSync(path, JSON.stringify(document, null, 2) + '\n');
  await app.close();
  return path;
}

export async function reindex(): Promise<void> {
  const { WorkerModule } = await import('../../worker/src/worker.module');
  const { ReindexService } = await import('@bouwsteen/search');
  const app = await NestFactory.createApplicationContext(WorkerModule, {
    logger: ['error', 'warn'],
  });
  try {
    const started = Date.now();
    const { documents, replayed } = await app.get(ReindexService).rebuild((done) => {
      process.stdout.write(`\rIndexed ${done} documents`);
    });
    console.log(
      `\nRebuilt and swapped in ${((Date.now() - started) / 1000).toFixed(1)} s: ${documents} documents; ` +
        `${replayed} changed during the rebuild and were applied again`,
    );
  } finally {
    await app.close();
  }
}

export async function drift(repair: boolean): Promise<number> {
  const { WorkerModule } = await import('../../worker/src/worker.module');
  const { ReindexService } = await import('@bouwsteen/search');
  const app = await NestFactory.createApplicationContext(WorkerModule, {
    logger: ['error', 'warn'],
  });
  try {
    const report = await app.get(ReindexService).drift(repair);
    const differences = report.missing.length + report.extra.length + report.stale.length;
    console.log(
      `Missing from the index: ${report.missing.length}; in the index but not published: ${report.extra.length}; stale content: ${report.stale.length}`,
    );
    if (report.parked.length > 0) {
      console.log(
        `Parked (Meilisearch keeps rejecting the document; fix the asset or its data, then --repair):`,
      );
      for (const entry of report.parked)
        console.log(`  - asset ${entry.assetId}: ${entry.attempts} attempts, ${entry.lastError}`);
    }
    console.log(
      differences === 0
        ? 'No drift.'
        : repair
          ? `Repaired ${differences} documents.`
          : 'Run with --repair to fix.',
    );
    return differences === 0 || repair ? 0 : 3;
  } finally {
    await app.close();
  }
}

export { loadConfig };

/**
 * `qualifications:import <file>`: an operator loads SBB's XML of the qualification structure
 * straight into the database, as `seed` does; exit 0 stored (warnings printed), 1 refused.
 */
export async function importQualifications(path: string): Promise<number> {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) {
    console.error(`${path}: no such file`);
    return 1;
  }
  // A device or a pipe has no size to check: /dev/zero would be read without end.
  if (!stat.isFile()) {
    console.error(`${path}: not a regular file`);
    return 1;
  }
  if (stat.size > QUALIFICATION_FILE_MAX_BYTES) {
    console.error(`${path}: larger than ${QUALIFICATION_FILE_MAX_BYTES} bytes; not read`);
    return 1;
  }
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error', 'warn'] });
  try {
    const done = await app
      .get(QualificationsService)
      .importFile(readFileSync(path), { name: basename(path), importedBy: null });
    console.log(
      `Stored: ${done.dossiers} dossiers, ${done.qualifications} qualifications, ${done.electives} keuzedelen`,
    );
    for (const warning of done.warnings) console.log(`  - ${warning}`);
    return 0;
  } catch (error) {
    if (error instanceof DomainException) {
      console.error(`${path}: ${error.detail ?? error.title}`);
      return 1;
    }
    throw error;
  } finally {
    await app.close();
  }
}
