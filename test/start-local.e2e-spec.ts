import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { Server, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseExists, dropDatabase } from '@bouwsteen/database';
import { freePort } from '@bouwsteen/search';
import { databaseUrlFor } from './harness/database-url';
import { Started, alive, childrenOf, ensureBuilt, run, waitFor } from './harness/processes';

/**
 * `npm start` as a person runs it: real processes, real signals, a real bundled Meilisearch.
 * Stopping must stop everything; a restart keeps sessions and the index; a taken port or a
 * running copy stops the start before anything is created or stopped.
 */
describe('npm start: start, stop and restart (process level)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'bouwsteen-start-'));
  const databaseUrl = databaseUrlFor(`bouwsteen_start_${randomBytes(4).toString('hex')}`);
  const admin = { email: 'beheer@start.example.nl', password: 'een-lang-wachtwoord-voor-start' };
  const started: Started[] = [];
  let env: Record<string, string>;
  let api: string;
  let token: string;

  beforeAll(async () => {
    ensureBuilt();
    const [port, meiliPort] = [await freePort(), await freePort()];
    api = `http://127.0.0.1:${port}`;
    env = {
      NODE_ENV: 'development',
      PORT: String(port),
      MEILI_PORT: String(meiliPort),
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      BOOTSTRAP_ADMIN_EMAIL: admin.email,
      BOOTSTRAP_ADMIN_PASSWORD: admin.password,
      LOG_LEVEL: 'info',
    };
  });

  afterAll(async () => {
    for (const process of started) process.child.kill('SIGKILL');
    const pidFile = join(dataDir, 'meilisearch.pid');
    try {
      const pid = Number(readFileSync(pidFile, 'utf8'));
      if (alive(pid)) process.kill(pid, 'SIGKILL');
    } catch {
      // no Meilisearch left
    }
    rmSync(dataDir, { recursive: true, force: true });
    await dropDatabase(databaseUrl);
  });

  function start(viaNpm = false, overrides: Record<string, string> = {}): Started {
    const process = viaNpm
      ? run('npm', ['start', '--ignore-scripts', '--silent'], { ...env, ...overrides })
      : run('node', ['dist/apps/cli/src/main.js', 'start-local'], { ...env, ...overrides });
    started.push(process);
    return process;
  }

  async function ready(process: Started): Promise<void> {
    await waitFor(
      'the API to be ready',
      async () => {
        if (process.child.exitCode !== null)
          throw new Error(`start-local exited early:\n${process.output()}`);
        try {
          const response = await fetch(`${api}/health/ready`);
          return response.ok && ((await response.json()) as { status: string }).status === 'ok';
        } catch {
          return false;
        }
      },
      90_000,
    );
  }

  const meiliPid = () => Number(readFileSync(join(dataDir, 'meilisearch.pid'), 'utf8'));

  it('refuses to start on a taken port before creating anything', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(Number(env.PORT), '0.0.0.0', resolve));
    try {
      const process = start();
      expect(await process.exited).toBe(1);
      expect(process.output()).toContain(`PORT ${env.PORT} (the API) is already in use`);
      expect(await databaseExists(databaseUrl)).toBe(false);
      expect(() => statSync(join(dataDir, 'secrets.json'))).toThrow();
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('starts, keeps its secrets in a 0600 file and out of ps, and stops everything on SIGTERM', async () => {
    const process = start();
    await ready(process);
    const secrets = JSON.parse(readFileSync(join(dataDir, 'secrets.json'), 'utf8'));
    expect(statSync(join(dataDir, 'secrets.json')).mode & 0o777).toBe(0o600);
    const meili = meiliPid();
    const commandLine = readFileSync(`/proc/${meili}/cmdline`, 'utf8');
    expect(commandLine).toContain('meilisearch');
    expect(commandLine).not.toContain(secrets.meiliMasterKey);

    const login = await fetch(`${api}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(admin),
    });
    expect(login.status).toBe(200);
    token = ((await login.json()) as { accessToken: string }).accessToken;
    const shareToken = `ShareToken${randomBytes(12).toString('hex')}`;
    expect((await fetch(`${api}/api/v1/shared/courses/${shareToken}`)).status).toBe(404);

    process.child.kill('SIGTERM');
    expect(await process.exited).toBe(0);
    await waitFor('Meilisearch to stop', () => !alive(meili), 5_000);
    expect(process.output()).not.toContain('Called end on pool');
    expect(process.output()).toContain('/api/v1/shared/courses/[redacted]');
    // The API redirects a browser's request to the page, whose address is redacted too.
    expect(process.output()).toContain('/cursus/[redacted]');
    expect(process.output()).not.toContain(shareToken);
    expect(() => statSync(join(dataDir, 'meilisearch.pid'))).toThrow();
  });

  it('restarts through npm with sessions and the index intact, and stops on SIGTERM to npm', async () => {
    const npm = start(true);
    await ready(npm);
    const me = await fetch(`${api}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    const search = await fetch(`${api}/api/v1/search?q=veilig`);
    expect(search.status).toBe(200);
    expect(((await search.json()) as { totalHits: number }).totalHits).toBeGreaterThan(0);
    const [node] = childrenOf(npm.child.pid!);
    const meili = meiliPid();
    expect(node).toBeGreaterThan(0);
    // The API runs with the heap cap it has in production.
    expect(readFileSync(`/proc/${node}/cmdline`, 'utf8').split('\0')).toContain(
      '--max-old-space-size=320',
    );

    npm.child.kill('SIGTERM');
    await npm.exited;
    await waitFor('node and Meilisearch to stop', () => !alive(node) && !alive(meili), 15_000);
  });

  it('refuses a second start beside a running copy, on its ports or on others, and leaves the copy searching', async () => {
    const first = start();
    await ready(first);
    const meili = meiliPid();
    const running = `a copy started from ${dataDir} is running (start pid ${first.child.pid}, Meilisearch pid ${meili}) and is left as it is`;

    const again = start();
    expect(await again.exited).toBe(1);
    expect(again.output()).toContain(
      `Not started: PORT ${env.PORT} (the API) and MEILI_PORT ${env.MEILI_PORT} (the bundled Meilisearch) are already in use; ${running}.`,
    );
    // Other ports, the same data directory: still its Meilisearch, and never to be stopped.
    const beside = start(false, {
      PORT: String(await freePort()),
      MEILI_PORT: String(await freePort()),
    });
    expect(await beside.exited).toBe(1);
    expect(beside.output()).toContain(`Not started: ${running}.`);
    expect(beside.output()).toContain('DATA_DIR=.data-2');

    expect(alive(meili)).toBe(true);
    expect(meiliPid()).toBe(meili);
    const search = await fetch(`${api}/api/v1/search?q=veilig`);
    expect(search.status).toBe(200);
    expect(((await search.json()) as { totalHits: number }).totalHits).toBeGreaterThan(0);
    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
    await waitFor('Meilisearch to stop', () => !alive(meili), 5_000);
  });

  it('stops a Meilisearch a killed start left behind, instead of talking to it', async () => {
    const first = start();
    await ready(first);
    const orphan = meiliPid();
    first.child.kill('SIGKILL');
    await first.exited;
    expect(alive(orphan)).toBe(true);

    const second = start();
    await ready(second);
    expect(second.output()).toContain(
      `Stopped a Meilisearch an earlier start left running (pid ${orphan})`,
    );
    expect(alive(orphan)).toBe(false);
    expect((await fetch(`${api}/api/v1/search?q=veilig`)).status).toBe(200);
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  });
});
