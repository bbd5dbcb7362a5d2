import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type PgBoss from 'pg-boss';
import { EntityManager } from 'typeorm';
import { loggableError } from '@bouwsteen/common';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import { TransactionRunner } from '@bouwsteen/database';
import { JobEngine, QueueSettings } from './job-engine';
import { JobLeasesRepository } from './job-leases.repository';
import { JobData, JobEndReason, JobQueueName } from './job-queues';

/** Thrown by `fence` when this attempt no longer holds its job: its transaction must not commit. */
export class LeaseLostError extends Error {
  constructor(readonly jobId: string) {
    super(`The lease on job ${jobId} was lost`);
    this.name = 'LeaseLostError';
  }
}

/**
 * Thrown by a handler that stopped before the end because its signal was aborted (the worker is
 * stopping): the attempt ends as failed and the job is taken up again after its backoff.
 */
export class JobStoppedError extends Error {
  constructor(readonly jobId: string) {
    super(`Job ${jobId} stopped before its end (the worker is stopping)`);
    this.name = 'JobStoppedError';
  }
}

/** One attempt at a job, as its handler sees it. */
export interface JobAttempt<T extends JobData> {
  id: string;
  data: T;
  /** 0 for the first try; the engine's retry count after that. */
  attempt: number;
  /** Whether a failure of this attempt still leaves another. */
  isLast: boolean;
  /** Aborted when the lease is lost or the worker stops: stop soon, leave the job resumable. */
  signal: AbortSignal;
  /**
   * Inside the handler's own transaction: holds the lease until it ends, or throws
   * LeaseLostError. Every write a job makes goes through a fenced transaction, so a worker that
   * stalled past its lease can never write over the attempt that took the job over.
   */
  fence(manager: EntityManager): Promise<void>;
}

export interface JobHandler<T extends JobData> {
  queue: JobQueueName;
  concurrency: number;
  settings: QueueSettings;
  /** Runs one attempt. Throwing fails the attempt (retried after backoff, or given up). */
  run(job: JobAttempt<T>): Promise<void>;
  /**
   * In the engine's transaction, when an attempt ended without the handler finishing it: the
   * worker died or stalled past its lease, or the handler threw. `final` when no attempt is left.
   */
  interrupted?(manager: EntityManager, id: string, data: T, final: boolean): Promise<void>;
}

interface Running {
  queue: JobQueueName;
  jobId: string;
  attempt: number;
  abort: AbortController;
  done: Promise<void>;
}

/**
 * Runs the engine's jobs in a worker: per queue, up to its concurrency at a time. A job is
 * claimed together with its lease (one transaction), the lease is renewed while it runs, and
 * its end (complete or fail) is written only while the lease is still this attempt's. Every
 * worker also looks for leases that ran out — a worker that died — and fails those attempts
 * back to the engine, which retries them after their backoff or gives them up.
 */
@Injectable()
export class JobRunner implements BeforeApplicationShutdown {
  private readonly logger = new Logger(JobRunner.name);
  private readonly handlers = new Map<JobQueueName, JobHandler<JobData>>();
  private readonly running = new Map<string, Running>();
  private readonly worker = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly timers: NodeJS.Timeout[] = [];
  private loops: Promise<void>[] = [];
  private readonly waiting = new Set<() => void>();
  private stopping = false;

  constructor(
    private readonly engine: JobEngine,
    private readonly leases: JobLeasesRepository,
    private readonly tx: TransactionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  register<T extends JobData>(handler: JobHandler<T>): void {
    this.handlers.set(handler.queue, handler as unknown as JobHandler<JobData>);
  }

  async start(): Promise<void> {
    if (this.loops.length > 0) return;
    this.stopping = false;
    await this.engine.start();
    for (const handler of this.handlers.values())
      await this.engine.configure(handler.queue, handler.settings);
    const leaseMs = this.config.jobs.leaseSeconds * 1000;
    this.timers.push(setInterval(() => void this.renew(), Math.max(500, leaseMs / 3)));
    this.timers.push(setInterval(() => void this.reap(), Math.max(500, leaseMs / 4)));
    this.loops = [...this.handlers.values()].map((handler) => this.loop(handler));
  }

  /**
   * Asks running jobs to stop and waits for them (they leave themselves resumable) before the
   * database closes.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.wakeAll();
    for (const timer of this.timers.splice(0)) clearInterval(timer);
    for (const job of this.running.values()) job.abort.abort();
    await Promise.allSettled([...this.loops, ...[...this.running.values()].map((j) => j.done)]);
    this.loops = [];
  }

  /** Resolves when no job is running and none is due (tests, the local start). */
  async idle(): Promise<void> {
    while (this.running.size > 0)
      await Promise.allSettled([...this.running.values()].map((j) => j.done));
  }

  private async loop(handler: JobHandler<JobData>): Promise<void> {
    while (!this.stopping) {
      const free = handler.concurrency - this.runningIn(handler.queue);
      let claimed = 0;
      if (free > 0) {
        try {
          claimed = await this.claim(handler, free);
        } catch (error) {
          this.logger.error(`Claiming ${handler.queue} jobs failed: ${loggableError(error)}`);
        }
      }
      // A full batch may have more behind it; otherwise wait for the poll or a free slot.
      if (claimed === 0 || claimed < free) await this.pause(this.config.jobs.pollMs);
    }
  }

  private runningIn(queue: JobQueueName): number {
    let count = 0;
    for (const job of this.running.values()) if (job.queue === queue) count++;
    return count;
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiting.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waiting.add(done);
    });
  }

  private wakeAll(): void {
    for (const done of [...this.waiting]) done();
  }

  private async claim(handler: JobHandler<JobData>, free: number): Promise<number> {
    const jobs = await this.tx.run(async (manager) => {
      const fetched = await this.engine.fetch<JobData>(manager, handler.queue, free);
      await this.leases.take(
        manager,
        handler.queue,
        fetched.map((job) => ({ jobId: job.id, attempt: job.retryCount })),
        this.worker,
        this.config.jobs.leaseSeconds,
      );
      return fetched;
    });
    for (const job of jobs) this.begin(handler, job);
    return jobs.length;
  }

  private begin(handler: JobHandler<JobData>, job: PgBoss.JobWithMetadata<JobData>): void {
    const key = `${handler.queue}/${job.id}`;
    // Ids only: what a job is about (a file, a receiver) is for its own pages, not the log.
    this.logger.log(`Job ${key} taken (attempt ${job.retryCount + 1} of ${job.retryLimit + 1})`);
    const abort = new AbortController();
    const lease = { jobId: job.id, attempt: job.retryCount };
    const attempt: JobAttempt<JobData> = {
      id: job.id,
      data: job.data,
      attempt: job.retryCount,
      isLast: job.retryCount >= job.retryLimit,
      signal: abort.signal,
      fence: async (manager) => {
        if (!(await this.leases.hold(manager, lease))) {
          abort.abort();
          throw new LeaseLostError(job.id);
        }
      },
    };
    const done = (async () => {
      let failure: unknown;
      try {
        await handler.run(attempt);
      } catch (error) {
        failure = error;
      }
      try {
        await this.end(handler, job, lease, failure);
      } catch (error) {
        // The lease runs out and the reaper ends the attempt instead.
        this.logger.error(`Ending job ${job.id} failed: ${loggableError(error)}`);
      }
    })().finally(() => {
      this.running.delete(key);
      this.wakeAll();
    });
    this.running.set(key, {
      queue: handler.queue,
      jobId: job.id,
      attempt: job.retryCount,
      abort,
      done,
    });
  }

  /** Completes or fails the attempt, but only while the lease is still this attempt's. */
  private async end(
    handler: JobHandler<JobData>,
    job: PgBoss.JobWithMetadata<JobData>,
    lease: { jobId: string; attempt: number },
    failure: unknown,
  ): Promise<void> {
    await this.tx.run(async (manager) => {
      if (!(await this.leases.lockForEnd(manager, lease))) return;
      await this.leases.release(manager, job.id);
      if (failure === undefined) {
        this.logger.log(`Job ${handler.queue}/${job.id} done`);
        return this.engine.complete(manager, handler.queue, job.id);
      }
      if (!(failure instanceof LeaseLostError || failure instanceof JobStoppedError))
        this.logger.error(`Job ${handler.queue} ${job.id} failed: ${loggableError(failure)}`);
      const reason =
        failure instanceof JobStoppedError
          ? JobEndReason.Stopped
          : failure instanceof LeaseLostError
            ? JobEndReason.LeaseExpired
            : JobEndReason.Failed;
      const { final } = await this.engine.fail(
        manager,
        handler.queue,
        job.id,
        reason,
        errorText(failure),
      );
      this.logger.log(
        `Job ${handler.queue}/${job.id} ended early (${reason}); ${final ? 'given up' : 'to be tried again'}`,
      );
      await handler.interrupted?.(manager, job.id, job.data, final);
    });
  }

  private async renew(): Promise<void> {
    const held = [...this.running.values()].map(({ jobId, attempt }) => ({ jobId, attempt }));
    try {
      const lost = await this.leases.renew(held, this.config.jobs.leaseSeconds);
      for (const job of this.running.values()) if (lost.has(job.jobId)) job.abort.abort();
    } catch (error) {
      this.logger.warn(`Renewing job leases failed: ${loggableError(error)}`);
    }
  }

  /** Fails the attempts whose lease ran out (their worker died or stalled). */
  private async reap(): Promise<void> {
    try {
      await this.tx.run(async (manager) => {
        for (const lease of await this.leases.expired(manager, 50)) {
          const queue = lease.queue as JobQueueName;
          await this.leases.release(manager, lease.jobId);
          const { final, data } = await this.engine.fail(
            manager,
            queue,
            lease.jobId,
            JobEndReason.LeaseExpired,
            `the lease of ${lease.worker} ran out`,
          );
          this.logger.warn(
            `Job ${queue}/${lease.jobId}: its worker stopped; ${final ? 'given up' : 'to be tried again'}`,
          );
          const handler = this.handlers.get(queue);
          if (handler?.interrupted && data)
            await handler.interrupted(manager, lease.jobId, data, final);
        }
      });
    } catch (error) {
      this.logger.warn(`Looking for stopped jobs failed: ${loggableError(error)}`);
    }
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
