import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import PgBoss from 'pg-boss';
import { DataSource, EntityManager } from 'typeorm';
import { JobData, JobEndReason, JobQueueName } from './job-queues';
import { poolDb, transactionDb } from './sql-client';

/** What a queue does with a job that failed: pg-boss's retry settings for it. */
export interface QueueSettings {
  /** Tries after the first. */
  retryLimit: number;
  /** Seconds before the first retry; doubled each time (with jitter) when `backoff`. */
  retryDelaySeconds: number;
  backoff: boolean;
  /** The engine's own limit on one attempt, a backstop behind the lease. */
  expireInSeconds: number;
}

/**
 * pg-boss, on the application's pool. The API only sends and cancels jobs, always inside its
 * own transactions, and never starts the engine; a worker starts it, which adds pg-boss's
 * maintenance (expiry backstop, archiving, clean-up). The schema and the queues are made by
 * migrations, never by pg-boss at run time.
 */
@Injectable()
export class JobEngine implements OnApplicationShutdown {
  private readonly logger = new Logger(JobEngine.name);
  private readonly boss: PgBoss;
  private started = false;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.boss = new PgBoss({
      db: poolDb(dataSource),
      schema: 'pgboss',
      migrate: false,
      schedule: false,
      supervise: true,
      maintenanceIntervalSeconds: 30,
      archiveCompletedAfterSeconds: 3600,
      archiveFailedAfterSeconds: 7 * 24 * 3600,
      deleteAfterDays: 7,
    });
    // pg-boss reports maintenance failures as events; unheard, an 'error' event would throw.
    this.boss.on('error', (error: Error) =>
      this.logger.error(`Job engine maintenance: ${error.message}`),
    );
  }

  /** Starts pg-boss's maintenance in this process (workers); checks the schema's version. */
  async start(): Promise<void> {
    if (this.started) return;
    await this.boss.start();
    this.started = true;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.started) await this.boss.stop({ graceful: false, close: false });
    this.started = false;
  }

  async configure(queue: JobQueueName, settings: QueueSettings): Promise<void> {
    await this.boss.updateQueue(queue, {
      name: queue,
      retryLimit: settings.retryLimit,
      retryDelay: settings.retryDelaySeconds,
      retryBackoff: settings.backoff,
      expireInSeconds: settings.expireInSeconds,
      deadLetter: JobQueueName.DeadLetter,
    });
  }

  /** Sends a job with the caller's transaction: it exists exactly when that commits. */
  async send<T extends JobData>(
    manager: EntityManager,
    queue: JobQueueName,
    data: T,
    id?: string,
  ): Promise<void> {
    await this.boss.send(queue, { ...data }, { id, db: transactionDb(manager) });
  }

  async sendMany<T extends JobData>(
    manager: EntityManager,
    queue: JobQueueName,
    data: T[],
  ): Promise<void> {
    if (data.length === 0) return;
    await this.boss.insert(
      data.map((item) => ({ name: queue, data: { ...item } })),
      { db: transactionDb(manager) },
    );
  }

  /** Takes up to `count` due jobs for the caller's transaction (FOR UPDATE SKIP LOCKED). */
  fetch<T extends JobData>(
    manager: EntityManager,
    queue: JobQueueName,
    count: number,
  ): Promise<PgBoss.JobWithMetadata<T>[]> {
    return this.boss.fetch<T>(queue, {
      batchSize: count,
      includeMetadata: true,
      db: transactionDb(manager),
    });
  }

  async complete(manager: EntityManager, queue: JobQueueName, id: string): Promise<void> {
    await this.boss.complete(queue, id, { db: transactionDb(manager) });
  }

  /** Fails an attempt: the job is retried after its backoff, or given up (dead letter). */
  async fail(
    manager: EntityManager,
    queue: JobQueueName,
    id: string,
    reason: JobEndReason,
    detail: string,
  ): Promise<{ final: boolean; data?: JobData }> {
    const db = transactionDb(manager);
    await this.boss.fail(queue, id, { reason, message: detail.slice(0, 2000) }, { db });
    const job = await this.boss.getJobById<JobData>(queue, id, { db, includeArchive: false });
    return { final: job?.state !== 'retry', data: job?.data };
  }

  async cancel(manager: EntityManager, queue: JobQueueName, id: string): Promise<void> {
    await this.boss.cancel(queue, id, { db: transactionDb(manager) });
  }
}
