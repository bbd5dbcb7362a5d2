import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { loadConfig } from '@bouwsteen/config';
import { searchKeyFor } from '@bouwsteen/search';
import {
  createAdmin,
  drift,
  importQualifications,
  migrate,
  printSummary,
  reindex,
  seed,
  writeOpenApi,
} from './commands';
import { exportFile, importFile } from './import-command';
import { startLocal } from './start-local';

const USAGE = `Usage: node dist/apps/cli/src/main.js <command>
  migrate                       create the database if missing and apply migrations
  seed [--demo]                 load vocabularies, the 2021 PPS and partners (and the demo set); idempotent
  create-admin --email E [--name N]
                                create an admin; the password comes from ADMIN_PASSWORD
  openapi                       write openapi.json from the code
  search:reindex                rebuild the search index beside the live one and swap it in
  search:drift [--repair]       compare PostgreSQL with the index (content hashes); repair differences
  search:key                    print the search-only key the API uses (MEILI_SEARCH_KEY), derived
                                from MEILI_MASTER_KEY and MEILI_INDEX_PREFIX
  import <file> --pps ID [--publish] [--dry-run] [--no-similar-check] [--quiet]
                                import a catalogue (.csv, .xlsx, .jsonl) through the running API
                                (BOUWSTEEN_API_URL, token in BOUWSTEEN_TOKEN or BOUWSTEEN_TOKEN_FILE);
                                exit 0 all rows in, 3 some rows refused, 1 the import failed
  export [--pps ID] [--kind K] [--format csv|xlsx|jsonl] [--out FILE]
                                building blocks in the import's formats (stdout without --out)
  qualifications:import <file>  load SBB's XML of the qualification structure (dossiers, keuzedelen);
                                exit 0 stored (warnings printed), 1 refused
  start-local                   migrate, start Meilisearch if MEILI_URL is unset, seed, serve the API
                                on PORT with the worker; stops all of it on SIGINT/SIGTERM`;

/** The CLI signs no tokens and most commands never reach Meilisearch, so they need neither secret. */
function cliEnvironment(): void {
  process.env.JWT_SECRET ??= randomBytes(32).toString('hex');
  process.env.MEILI_URL ??= 'http://127.0.0.1:7700';
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    options: {
      demo: { type: 'boolean', default: false },
      repair: { type: 'boolean', default: false },
      email: { type: 'string' },
      name: { type: 'string' },
      pps: { type: 'string' },
      kind: { type: 'string' },
      format: { type: 'string', default: 'xlsx' },
      out: { type: 'string' },
      publish: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      'no-similar-check': { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
  if (command !== 'import' && command !== 'qualifications:import' && positionals.length > 0) {
    console.error(USAGE);
    return 2;
  }
  switch (command) {
    case 'migrate':
      cliEnvironment();
      await migrate(loadConfig());
      return 0;
    case 'seed': {
      cliEnvironment();
      await migrate(loadConfig());
      printSummary(await seed({ demo: Boolean(values.demo) }));
      return 0;
    }
    case 'create-admin': {
      cliEnvironment();
      const password = process.env.ADMIN_PASSWORD ?? '';
      if (!values.email || password.length < 12) {
        console.error(
          'create-admin needs --email and ADMIN_PASSWORD (at least 12 characters) in the environment',
        );
        return 2;
      }
      await migrate(loadConfig());
      const created = await createAdmin(values.email, password, values.name ?? 'Beheerder');
      console.log(
        created
          ? `Admin ${values.email} created`
          : `An account for ${values.email} already exists; nothing changed`,
      );
      return 0;
    }
    case 'openapi':
      cliEnvironment();
      console.log(`Wrote ${await writeOpenApi()}`);
      return 0;
    case 'search:reindex':
      process.env.JWT_SECRET ??= 'unused-by-this-command-unused-by-this-command';
      await reindex();
      return 0;
    case 'search:key': {
      const masterKey = process.env.MEILI_MASTER_KEY ?? '';
      if (!masterKey) {
        console.error('search:key needs MEILI_MASTER_KEY in the environment');
        return 2;
      }
      console.log(searchKeyFor(masterKey, process.env.MEILI_INDEX_PREFIX || 'bouwsteen'));
      return 0;
    }
    case 'search:drift':
      process.env.JWT_SECRET ??= 'unused-by-this-command-unused-by-this-command';
      return drift(Boolean(values.repair));
    case 'import': {
      if (positionals.length !== 1 || !values.pps) {
        console.error('import needs a file and --pps <id>');
        return 2;
      }
      return importFile(positionals[0], {
        pps: values.pps,
        publish: Boolean(values.publish),
        dryRun: Boolean(values['dry-run']),
        quiet: Boolean(values.quiet),
        checkSimilar: !values['no-similar-check'],
      });
    }
    case 'qualifications:import':
      if (positionals.length !== 1) {
        console.error('qualifications:import needs one file');
        return 2;
      }
      cliEnvironment();
      return importQualifications(positionals[0]);
    case 'export':
      return exportFile({
        pps: values.pps,
        kind: values.kind,
        format: values.format ?? 'xlsx',
        out: values.out,
      });
    case 'start-local':
      await startLocal();
      return process.exitCode === undefined ? -1 : Number(process.exitCode);
    default:
      console.error(USAGE);
      return command ? 2 : 0;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
