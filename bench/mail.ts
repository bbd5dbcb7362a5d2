/**
 * npm run bench:mail -- [--users 10000] [--assets 500] [--timeout 600]
 *
 * Issue 27: "digest jobs for 10,000 users finish within a minute on this machine". A fresh
 * database with `--users` accounts that each chose the digest and have 3–10 waiting items
 * (bench/mail-fixture.ts) about `--assets` blocks loaded through the import; a real SMTP server
 * on loopback that counts what it accepts (bench/smtp-sink.ts); the production worker process
 * with its defaults (MAIL_CONCURRENCY, JOB_POLL_MS, pool). Timed from the moment the look for
 * due digests is queued, as the worker's own timer queues it, until the SMTP server accepted the
 * last digest. The floor, in the same run: as many digest mails, rendered beforehand, sent over
 * the same transport at the same concurrency from a process where the worker runs
 * (bench/mail-floor.ts), before and after the digests.
 */
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { projectPath } from '@bouwsteen/common';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import { JobEngine, JobQueueName, MailDigestJobData } from '@bouwsteen/jobs';
import { loadThroughImport } from './import-load';
import { createMailFixture } from './mail-fixture';
import { SmtpSink, startSmtpSink } from './smtp-sink';
import { machine, saveReport, startStack, Stack } from './stack';
import { mulberry32, syntheticAsset } from './synthetic-corpus';
import { cpuMeter, peakRssMb, round } from './timing';

const { values: args } = parseArgs({
  options: {
    users: { type: 'string', default: '10000' },
    assets: { type: 'string', default: '500' },
    timeout: { type: 'string', default: '600' },
  },
});
const USERS = Number(args.users);
const ASSETS = Number(args.assets);
const TIMEOUT_SECONDS = Number(args.timeout);
/** Issue 27's target for the whole run of digests. */
const TARGET_SECONDS = 60;
const MAIL_FROM = 'Bouwsteen <noreply@bouwsteen.bench.invalid>';
/** The worker's CPU in the stack (beside Meilisearch, idle once the blocks are indexed). */
const WORKER_CPU = '1';

async function main(): Promise<void> {
  const sink = await startSmtpSink();
  // The worker mails through the sink; its own timer never asks for digests during the run.
  Object.assign(process.env, {
    SMTP_URL: sink.url,
    MAIL_FROM,
    MAIL_DIGEST_CHECK_SECONDS: '86400',
  });
  const stack = await startStack('0', WORKER_CPU);
  const results: Record<string, unknown> = {};
  try {
    const config = stack.app.get<AppConfig>(APP_CONFIG);
    const random = mulberry32(27);
    const corpus = Array.from({ length: ASSETS }, (_, n) =>
      syntheticAsset(n, stack.ppsIds, random),
    );
    console.log(`Loading ${ASSETS} blocks through the import…`);
    await loadThroughImport(stack, corpus, { checkSimilar: false });
    console.log(`Writing ${USERS} readers and their waiting mail…`);
    const fixture = await createMailFixture(stack.app.get(DataSource), USERS);
    console.log(`  ${JSON.stringify(fixture)}`);
    results.fixture = fixture;
    results.worker = {
      concurrency: config.mail.concurrency,
      jobPollMs: config.jobs.pollMs,
      databasePool: config.database.poolSize,
    };

    const floorBefore = await floor(sink, config.mail.concurrency, fixture.perDigest.mean);
    console.log(`Floor: ${floorBefore.seconds} s (${floorBefore.perSecond} mails/s)`);
    const digests = await runDigests(stack, sink, fixture.users);
    console.log(`Digests: ${digests.seconds} s (${digests.perSecond} mails/s)`);
    const floorAfter = await floor(sink, config.mail.concurrency, fixture.perDigest.mean);
    console.log(`Floor: ${floorAfter.seconds} s (${floorAfter.perSecond} mails/s)`);
    results.digests = digests;
    results.floor = { before: floorBefore, after: floorAfter };
    results.workerPeakRssMb = peakRssMb(stack.jobsWorkerPid);
  } finally {
    await stack.stop();
    await sink.close();
  }

  const report = {
    date: new Date().toISOString(),
    machine: machine(),
    settings: {
      users: USERS,
      assets: ASSETS,
      pinning: `load generator, SMTP server and API cpu0; worker and Meilisearch cpu${WORKER_CPU}`,
      floor:
        'the same number of digest mails, rendered beforehand, sent over the worker’s MailTransport ' +
        'at MAIL_CONCURRENCY from a process on the worker’s CPU at its priority',
      note: 'a shared machine: other work (a CI run, other benchmarks) ran meanwhile',
    },
    ...results,
  };
  const file = saveReport(`mail-${USERS}`, report);
  printTable(report as unknown as Report);
  console.log(`\nSaved ${file}`);
}

interface Run {
  seconds: number;
  perSecond: number;
  mails: number;
  meanKb: number;
}

/**
 * The floor, in a process of its own on the worker's CPU (nodemailer alone); awaited, never run
 * synchronously: the SMTP server answering it lives in this process's event loop.
 */
async function floor(
  sink: SmtpSink,
  concurrency: number,
  entries: number,
): Promise<Run & { cpuSeconds: number }> {
  sink.reset();
  const child = spawn(
    'taskset',
    [
      '-c',
      WORKER_CPU,
      process.execPath,
      projectPath('dist/bench/mail-floor.js'),
      `--url=${sink.url}`,
      `--from=${MAIL_FROM}`,
      `--count=${USERS}`,
      `--concurrency=${concurrency}`,
      `--entries=${Math.round(entries)}`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  const code = await new Promise<number | null>((resolve, reject) =>
    child.once('error', reject).once('exit', resolve),
  );
  if (code !== 0) throw new Error(`the floor's process ended with ${code}`);
  const { seconds, cpuSeconds } = JSON.parse(out.trim().split('\n').pop()!) as {
    seconds: number;
    cpuSeconds: number;
  };
  if (sink.accepted !== USERS) throw new Error(`the floor sent ${sink.accepted} of ${USERS}`);
  return {
    seconds: round(seconds, 2),
    perSecond: round(USERS / seconds),
    mails: sink.accepted,
    meanKb: round(sink.bytes / sink.accepted / 1024, 2),
    cpuSeconds: round(cpuSeconds),
  };
}

/**
 * Queues the look for due digests (as DigestJob.ask does) and waits until the SMTP server has
 * accepted one digest per reader; then checks that every item was sent and recorded once.
 */
async function runDigests(stack: Stack, sink: SmtpSink, readers: number) {
  const db = stack.app.get(DataSource);
  sink.reset();
  const database = new URL(process.env.DATABASE_URL!).pathname.slice(1);
  let backends: number[] = [];
  const refresh = async () =>
    (backends = (
      await db.query(`SELECT pid FROM pg_stat_activity WHERE datname = $1`, [database])
    ).map((row: { pid: number }) => row.pid));
  await refresh();
  const watcher = setInterval(() => void refresh(), 500);
  const meter = cpuMeter({
    worker: () => [stack.jobsWorkerPid],
    postgresql: () => backends,
    'SMTP server and bench': () => [process.pid],
  });
  const timeline: { seconds: number; accepted: number }[] = [];
  const started = performance.now();
  await db.transaction((manager) =>
    stack.app.get(JobEngine).send<MailDigestJobData>(manager, JobQueueName.MailDigest, {
      kind: JobQueueName.MailDigest,
    }),
  );
  try {
    await sink.waitFor(readers, TIMEOUT_SECONDS * 1000, (accepted) => {
      const seconds = round((performance.now() - started) / 1000);
      timeline.push({ seconds, accepted });
      console.log(`  ${seconds} s: ${accepted} mails`);
    });
  } finally {
    clearInterval(watcher);
  }
  const seconds = (sink.lastAt - started) / 1000;
  const cpuSeconds = meter();
  // The last job records its mail just after the server's 250: wait for its commit.
  let check: { sent: number; pending: number; digests: number }[] = [];
  for (let tries = 0; tries < 100; tries++) {
    check = await db.query(
      `SELECT count(*) FILTER (WHERE sent_at IS NOT NULL)::int AS sent,
              count(*) FILTER (WHERE sent_at IS NULL AND skipped_at IS NULL)::int AS pending,
              (SELECT count(*)::int FROM mail_sent WHERE type = 'digest') AS digests
         FROM mail_item`,
    );
    if (check[0].pending === 0 && check[0].digests === readers) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const [{ sent, pending, digests }] = check;
  if (
    pending !== 0 ||
    digests !== readers ||
    sink.recipients !== readers ||
    sink.accepted !== readers
  )
    throw new Error(
      `expected one digest each for ${readers}: ${sink.accepted} mails to ${sink.recipients}, ` +
        `${digests} recorded, ${pending} items still waiting`,
    );
  return {
    seconds: round(seconds, 2),
    perSecond: round(readers / seconds),
    mails: sink.accepted,
    itemsSent: sent,
    firstMailSeconds: round((sink.firstAt - started) / 1000, 2),
    meanKb: round(sink.bytes / sink.accepted / 1024, 2),
    cpuSeconds,
    timeline,
  };
}

interface Report {
  fixture: { users: number; items: number; perDigest: { min: number; mean: number; max: number } };
  worker: { concurrency: number };
  digests: Run & { firstMailSeconds: number; cpuSeconds: Record<string, number> };
  floor: { before: Run; after: Run };
}

function printTable(report: Report): void {
  const best = Math.min(report.floor.before.seconds, report.floor.after.seconds);
  const { digests, fixture } = report;
  console.log(
    `\n${fixture.users} readers, ${fixture.items} waiting items (${fixture.perDigest.min}–${fixture.perDigest.max} a digest, mean ${fixture.perDigest.mean}); MAIL_CONCURRENCY ${report.worker.concurrency}\n`,
  );
  console.log('| figure | Bouwsteen | floor | target | met? |');
  console.log('| --- | --- | --- | --- | --- |');
  console.log(
    `| ${fixture.users} digests: trigger → last mail accepted | ${digests.seconds} s (${digests.perSecond} mails/s) | ${best} s (${round(fixture.users / best)} mails/s; ${report.floor.before.seconds} / ${report.floor.after.seconds} s) | ≤ ${TARGET_SECONDS} s | ${digests.seconds <= TARGET_SECONDS ? 'met' : 'missed'} |`,
  );
  console.log(
    `| first mail after the trigger; mean size | ${digests.firstMailSeconds} s; ${digests.meanKb} KB | ${report.floor.before.meanKb} KB | | |`,
  );
  console.log(
    `| CPU seconds during the digests | ${Object.entries(digests.cpuSeconds)
      .map(([part, used]) => `${part} ${used}`)
      .join(', ')} | | | |`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
