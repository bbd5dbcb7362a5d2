/** Timing helpers shared by the benchmarks: percentiles, kept-alive requests, autocannon. */
import autocannon from 'autocannon';
import { readFileSync, readdirSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';

export type Timing = { p50: number; p99: number; rps: number; errors: number };
export type RequestOptions = { method?: string; body?: string; headers?: Record<string, string> };

export const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
export const round = (value: number, digits = 1): number =>
  Math.round(value * 10 ** digits) / 10 ** digits;
export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

/** A process's resident set size now (VmRSS) or at its highest (VmHWM), from the kernel, in MB. */
export function rssMb(pid: number, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return round(Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)![1]) / 1024);
}

/** CPU time (user + system) a process has used so far, in seconds; 0 when it has gone. */
export function cpuSeconds(pid: number): number {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** A process's niceness (-20 … 19), from the kernel. */
export function niceOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name: state is the 1st, nice the 17th.
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
}

/** Process ids whose command name is `name` (e.g. every PostgreSQL backend). */
export function pidsNamed(name: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === name;
      } catch {
        return false;
      }
    })
    .map(Number);
}

/**
 * CPU seconds per named part, from now until the returned function is called: where a run's
 * time went. Looked at every 500 ms, so a process that ends in between (a PostgreSQL backend
 * whose pooled connection closed) still counts with what it had used by its last look.
 */
export function cpuMeter(parts: Record<string, () => number[]>): () => Record<string, number> {
  const look = () =>
    Object.fromEntries(
      Object.entries(parts).map(([name, pids]) => [
        name,
        new Map(pids().map((pid) => [pid, cpuSeconds(pid)])),
      ]),
    );
  const before = look();
  const last = Object.fromEntries(
    Object.entries(before).map(([name, seen]) => [name, new Map(seen)]),
  );
  // A process that has gone reads 0: its last look stands.
  const refresh = () => {
    for (const [name, seen] of Object.entries(look()))
      for (const [pid, seconds] of seen) if (seconds > 0) last[name].set(pid, seconds);
  };
  const timer = setInterval(refresh, 500);
  return () => {
    clearInterval(timer);
    refresh();
    return Object.fromEntries(
      Object.entries(last).map(([name, seen]) => {
        let used = 0;
        for (const [pid, seconds] of seen) used += seconds - (before[name].get(pid) ?? 0);
        return [name, round(used)];
      }),
    );
  };
}

/** The highest resident set size a process has had (VmHWM). */
export function peakRssMb(pid: number): number {
  return rssMb(pid, 'VmHWM');
}

export async function waitHttp(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await sleep(200);
  }
  throw new Error(`${url} did not answer`);
}

/** Throughput at a given concurrency, measured by autocannon for `seconds`. */
export async function cannon(options: autocannon.Options, seconds: number): Promise<Timing> {
  const result = await autocannon({ ...options, duration: seconds });
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: round(result.requests.average),
    errors: result.non2xx + result.errors,
  };
}

const apiAgent = new Agent({ keepAlive: true, maxSockets: 1 });
const directAgent = new Agent({ keepAlive: true, maxSockets: 1 });

/** One request over a kept-alive connection; its duration in milliseconds, or -1 when not 200. */
export function timed(url: string, options: RequestOptions, agent = apiAgent): Promise<number> {
  const started = performance.now();
  return new Promise<number>((resolve, reject) => {
    const outgoing = httpRequest(url, { ...options, agent }, (response) => {
      response.resume();
      response.on('end', () =>
        resolve(response.statusCode === 200 ? performance.now() - started : -1),
      );
    });
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

export function summary(times: number[], seconds: number): Timing {
  const ok = times.filter((time) => time >= 0);
  return {
    p50: round(percentile(ok, 50), 2),
    p99: round(percentile(ok, 99), 2),
    rps: round(times.length / seconds),
    errors: times.length - ok.length,
  };
}

/** Sequential requests for `seconds` on one kept-alive connection, each timed. */
export async function sequential(
  url: string,
  options: RequestOptions,
  seconds: number,
): Promise<Timing> {
  const times: number[] = [];
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) times.push(await timed(url, options));
  return summary(times, seconds);
}

/** One request to the API and its floor: the identical work sent straight to Meilisearch. */
export interface Pair {
  api: string;
  direct: { url: string } & RequestOptions;
}

/**
 * The API and Meilisearch timed alternately at concurrency 1 for `seconds` each, cycling
 * through `pairs`, so both see the same machine at the same moments.
 */
export async function interleaved(
  pairs: Pair[],
  seconds: number,
): Promise<{ api: Timing; direct: Timing }> {
  const api: number[] = [];
  const floor: number[] = [];
  const end = performance.now() + 2 * seconds * 1000;
  for (let n = 0; performance.now() < end; n++) {
    const pair = pairs[n % pairs.length];
    api.push(await timed(pair.api, {}));
    floor.push(await timed(pair.direct.url, pair.direct, directAgent));
  }
  return { api: summary(api, seconds), direct: summary(floor, seconds) };
}
