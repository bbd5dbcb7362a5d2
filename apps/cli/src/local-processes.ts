import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** Whether something already listens on host:port (checked by trying to listen there). */
export function portInUse(port: number, host: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) =>
      error.code === 'EADDRINUSE' || error.code === 'EACCES' ? resolve(true) : reject(error),
    );
    server.listen(port, host, () => server.close(() => resolve(false)));
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The arguments a process was started with, or undefined when it is gone (Linux /proc). */
function argumentsOf(pid: number): string[] | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return undefined;
  }
}

/** The parent of a process (Linux /proc; the name in field 2 may hold spaces and parentheses). */
function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return Number.isInteger(parent) ? parent : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What the pid file of a data directory says about the Meilisearch it names:
 * - `live`: it serves a running copy (its parent is a running `start-local`): never touched;
 * - `leftover`: its start was killed outright, so nothing will ever stop it but us;
 * - `none`: no file, or the process is gone or is not a Meilisearch on this data directory.
 *
 * The parent tells the two apart exactly: the start that launched Meilisearch is its parent for
 * as long as it runs; once it is killed, the kernel hands Meilisearch to init. (A pid recorded
 * for the start could since belong to another process; a parent cannot.)
 */
export type PidFileState =
  | { kind: 'none' }
  | { kind: 'live'; pid: number; startPid: number }
  | { kind: 'leftover'; pid: number; port: number | undefined };

/** Reads the pid file and the processes it names; changes nothing. */
export function inspectPidFile(pidFile: string, dataDir: string): PidFileState {
  if (!existsSync(pidFile)) return { kind: 'none' };
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  const args = Number.isInteger(pid) && pid > 0 ? argumentsOf(pid) : undefined;
  if (
    !args ||
    !args.some((arg) => arg.includes('meilisearch')) ||
    !args.join(' ').includes(dataDir)
  )
    return { kind: 'none' };
  const parent = parentOf(pid);
  if (parent !== undefined && parent > 1 && argumentsOf(parent)?.includes('start-local'))
    return { kind: 'live', pid, startPid: parent };
  const address = args[args.indexOf('--http-addr') + 1] ?? '';
  const port = Number(address.slice(address.lastIndexOf(':') + 1));
  return { kind: 'leftover', pid, port: Number.isInteger(port) && port > 0 ? port : undefined };
}

/** Stops a leftover Meilisearch: SIGTERM, then SIGKILL if it has not gone within 10 s. */
export async function stopLeftover(pid: number): Promise<void> {
  process.kill(pid, 'SIGTERM');
  for (let waited = 0; waited < 10_000 && alive(pid); waited += 100)
    await new Promise((resolve) => setTimeout(resolve, 100));
  if (alive(pid)) process.kill(pid, 'SIGKILL');
}

export function writePidFile(pidFile: string, pid: number): void {
  writeFileSync(pidFile, `${pid}\n`, { mode: 0o600 });
}

export function removePidFile(pidFile: string): void {
  rmSync(pidFile, { force: true });
}
