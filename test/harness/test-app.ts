import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import { AddressInfo, createServer } from 'node:net';
import request from 'supertest';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/configure-app';
import { Role, UsersService } from '@bouwsteen/auth';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import { PpsRepository } from '@bouwsteen/organisations';
import { SeedModule } from '@bouwsteen/seed';
import { nameKey } from '@bouwsteen/common';
import { dropDatabase } from '@bouwsteen/database';
import { JobRunner } from '@bouwsteen/jobs';
import { OutboxRelay, OutboxRepository, searchKeyFor } from '@bouwsteen/search';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { freshDatabase } from './database-url';

export interface TestUser {
  id: string;
  email: string;
  password: string;
  token: string;
  role: Role;
}

export interface TestApp {
  app: INestApplication;
  /** Starts a worker beside the app (search outbox relay, background jobs), with the master key. */
  startWorker(): Promise<void>;
  /** The worker's context: the write side of search (reindex, drift) lives there. */
  worker(): INestApplicationContext;
  /** The environment a worker of this app gets (for worker processes started by a test). */
  workerEnv(): Record<string, string>;
  /** Creates an asset as `user` and publishes version 1; returns its id and the ETag after publishing. */
  publish(
    user: TestUser,
    body: Record<string, unknown>,
  ): Promise<{ id: string; etag: string; title: string }>;
  /** Edits a published asset as `user` and publishes the result as its next version. */
  publishNewVersion(
    user: TestUser,
    asset: { id: string; etag: string },
    changes: Record<string, unknown>,
    changeNote?: string,
  ): Promise<{ id: string; etag: string }>;
  /** Waits until the outbox is empty, i.e. everything written so far is indexed. */
  indexed(timeoutMs?: number): Promise<void>;
  http: () => ReturnType<typeof request>;
  user(role: Role, ppsIds?: string[]): Promise<TestUser>;
  /** An LLO-office account working for a new organisation of that name (as an admin sets it up). */
  lloOffice(organisationName: string): Promise<TestUser & { organisationId: string }>;
  ppsId(name: string): Promise<string>;
  /** If-Match for an account's current revision (admins edit accounts at a revision, like all else). */
  userEtag(id: string): Promise<{ 'If-Match': string }>;
  close(): Promise<void>;
}

export interface IsolationOptions {
  /** A database and index prefix of its own (dropped on close), e.g. for exact counts. */
  isolated?: boolean;
  /** With isolated: the database to copy (the run's seeded template unless said). */
  template?: string;
  /** Settings for this app only, e.g. another Meilisearch (the outage test runs its own). */
  env?: Record<string, string>;
}

export interface Isolation {
  /** The isolated database (to drop on close), when one was made. */
  isolatedUrl: string | undefined;
  /** The environment a worker of this app gets: the API's plus the Meilisearch master key. */
  workerEnv: Record<string, string>;
}

/**
 * Applies `options` to the environment while `build` reads its configuration, then restores
 * it. As in production, the API gets the search-only key of its index prefix and never the
 * master key; workers get the master key (and make sure Meilisearch has that search key).
 */
export async function withIsolation<T>(
  options: IsolationOptions,
  build: (isolation: Isolation) => Promise<T>,
): Promise<T> {
  const saved = { ...process.env };
  let isolatedUrl: string | undefined;
  if (options.isolated) {
    isolatedUrl = await freshDatabase('iso', options.template);
    process.env.DATABASE_URL = isolatedUrl;
    process.env.MEILI_INDEX_PREFIX = `${process.env.MEILI_INDEX_PREFIX}_${randomBytes(4).toString('hex')}`;
  }
  Object.assign(process.env, options.env ?? {});
  process.env.MEILI_SEARCH_KEY ||= searchKeyFor(
    process.env.MEILI_MASTER_KEY ?? '',
    process.env.MEILI_INDEX_PREFIX!,
  );
  const workerEnv = { ...process.env } as Record<string, string>;
  delete process.env.MEILI_MASTER_KEY;
  try {
    return await build({ isolatedUrl, workerEnv });
  } finally {
    process.env = saved;
  }
}

/** Runs `build` with exactly `env` (restored afterwards). */
export async function withEnv<T>(env: Record<string, string>, build: () => Promise<T>): Promise<T> {
  const saved = process.env;
  process.env = { ...env };
  try {
    return await build();
  } finally {
    process.env = saved;
  }
}

/** A worker (relay and background jobs) beside an app, like a separate worker process. */
export async function startWorkerContext(
  env: Record<string, string>,
): Promise<INestApplicationContext> {
  const worker = await withEnv(env, async () => {
    const moduleRef = await Test.createTestingModule({ imports: [WorkerModule] }).compile();
    moduleRef.useLogger(false);
    await moduleRef.init();
    return moduleRef;
  });
  await worker.get(OutboxRelay).start();
  await worker.get(JobRunner).start();
  return worker;
}

export interface TestAppOptions extends IsolationOptions {
  /**
   * Serve at the address PUBLIC_BASE_URL names (a free port on 127.0.0.1), as a real browser
   * reaches the site: its form posts carry that Origin, which the pages check. Otherwise the
   * app listens on any port and PUBLIC_BASE_URL keeps its default.
   */
  atPublicAddress?: boolean;
  /** With atPublicAddress: this port (one a test had to name beforehand, e.g. to an OIDC issuer). */
  port?: number;
}

/** The real application (same HTTP setup as main.ts) on a copy of the seeded template database. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const port = options.atPublicAddress ? (options.port ?? (await freePort())) : 0;
  const env = port ? { PUBLIC_BASE_URL: `http://127.0.0.1:${port}`, ...options.env } : options.env;
  return withIsolation({ ...options, env }, (isolation) => build(isolation, port));
}

/** A port nothing listens on now (the system's choice), for an app that must know it before it starts. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function build({ isolatedUrl, workerEnv }: Isolation, port = 0): Promise<TestApp> {
  const moduleRef = await Test.createTestingModule({ imports: [AppModule, SeedModule] }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({
    bodyParser: false,
    logger: false,
  });
  configureApp(app, app.get<AppConfig>(APP_CONFIG));
  // Listening once keeps supertest from opening and closing the server per request, which
  // resets connections when many requests run in parallel.
  await app.listen(port, '127.0.0.1');
  const server = app.getHttpServer();
  let worker: INestApplicationContext | undefined;
  const http = () => request(server);
  return {
    app,
    http,
    async user(role, ppsIds = []) {
      const email = `${role}-${randomBytes(5).toString('hex')}@test.bouwsteen.nl`;
      const password = `pw-${randomBytes(12).toString('hex')}`;
      const created = await app
        .get(UsersService)
        .create({ email, password, role, displayName: `Test ${role}`, ppsIds });
      const login = await http().post('/api/v1/auth/login').send({ email, password }).expect(200);
      return { id: created.id, email, password, token: login.body.accessToken, role };
    },
    async lloOffice(organisationName) {
      const self = this as TestApp;
      const admin = await self.user('admin');
      const office = await http()
        .post('/api/v1/organisations')
        .set(bearer(admin))
        .send({ name: organisationName, type: 'school' })
        .expect(201);
      const user = await self.user('llo-office');
      await http()
        .patch(`/api/v1/users/${user.id}`)
        .set(await self.userEtag(user.id))
        .set(bearer(admin))
        .send({ organisationId: office.body.id })
        .expect(200);
      return { ...user, organisationId: office.body.id as string };
    },
    async ppsId(name) {
      const pps = await app.get(PpsRepository).findByKey(nameKey(name));
      if (!pps) throw new Error(`unknown PPS ${name}`);
      return pps.id;
    },
    async userEtag(id) {
      return { 'If-Match': `"${(await app.get(UsersService).get(id)).revision}"` };
    },
    async startWorker() {
      worker ??= await startWorkerContext(workerEnv);
    },
    worker() {
      if (!worker) throw new Error('startWorker() first');
      return worker;
    },
    workerEnv() {
      return { ...workerEnv };
    },
    async publish(user, body) {
      const created = await http().post('/api/v1/assets').set(bearer(user)).send(body).expect(201);
      const published = await http()
        .post(`/api/v1/assets/${created.body.id}/publish`)
        .set(bearer(user))
        .set('If-Match', `"${created.body.revision}"`)
        .send({})
        .expect(200);
      return { id: created.body.id, etag: published.headers.etag, title: published.body.title };
    },
    async publishNewVersion(user, asset, changes, changeNote = 'Bijgewerkt') {
      const edited = await http()
        .patch(`/api/v1/assets/${asset.id}`)
        .set(bearer(user))
        .set('If-Match', asset.etag)
        .send(changes)
        .expect(200);
      const published = await http()
        .post(`/api/v1/assets/${asset.id}/publish`)
        .set(bearer(user))
        .set('If-Match', edited.headers.etag)
        .send({ changeNote })
        .expect(200);
      return { id: asset.id, etag: published.headers.etag };
    },
    async indexed(timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      const outbox = app.get(OutboxRepository);
      while (Date.now() < deadline) {
        if ((await outbox.stats()).pending === 0) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(
        `Outbox not drained within ${timeoutMs} ms: ${JSON.stringify(await outbox.stats())}`,
      );
    },
    async close() {
      await worker?.close();
      await app.close();
      if (isolatedUrl) await dropDatabase(isolatedUrl);
    },
  };
}

export function bearer(user: TestUser | undefined): Record<string, string> {
  return user ? { Authorization: `Bearer ${user.token}` } : {};
}
