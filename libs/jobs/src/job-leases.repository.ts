import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export interface HeldLease {
  jobId: string;
  attempt: number;
}

export interface ExpiredLease extends HeldLease {
  queue: string;
  worker: string;
}

/**
 * Leases of running jobs (`job_lease`): who holds a job and until when. A lease row exists
 * exactly while a worker runs the job; it is written with the engine's claim and deleted with
 * its completion or failure, in the same transaction.
 */
@Injectable()
export class JobLeasesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async take(
    manager: EntityManager,
    queue: string,
    leases: HeldLease[],
    worker: string,
    seconds: number,
  ): Promise<void> {
    if (leases.length === 0) return;
    await manager.query(
      `INSERT INTO job_lease (job_id, queue, attempt, worker, lease_until)
       SELECT job_id, $2, attempt, $3, now() + make_interval(secs => $4)
         FROM unnest($1::uuid[], $5::int[]) AS t(job_id, attempt)
       ON CONFLICT (job_id) DO UPDATE SET attempt = EXCLUDED.attempt, worker = EXCLUDED.worker,
         started_at = now(), lease_until = EXCLUDED.lease_until`,
      [leases.map((lease) => lease.jobId), queue, worker, seconds, leases.map((l) => l.attempt)],
    );
  }

  /** Renews the leases still held; answers the job ids whose lease is gone. */
  async renew(leases: HeldLease[], seconds: number): Promise<Set<string>> {
    if (leases.length === 0) return new Set();
    const [rows]: [{ job_id: string }[], number] = await this.db.query(
      `UPDATE job_lease l SET lease_until = now() + make_interval(secs => $3)
         FROM unnest($1::uuid[], $2::int[]) AS t(job_id, attempt)
        WHERE l.job_id = t.job_id AND l.attempt = t.attempt
        RETURNING l.job_id`,
      [leases.map((lease) => lease.jobId), leases.map((lease) => lease.attempt), seconds],
    );
    const held = new Set(rows.map((row) => row.job_id));
    return new Set(leases.map((lease) => lease.jobId).filter((id) => !held.has(id)));
  }

  /**
   * Inside the caller's transaction: holds the lease (so it cannot be taken away until the
   * transaction ends) and answers whether it is still this attempt's.
   */
  async hold(manager: EntityManager, lease: HeldLease): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM job_lease WHERE job_id = $1 AND attempt = $2 FOR SHARE`,
      [lease.jobId, lease.attempt],
    );
    return rows.length === 1;
  }

  /** Locks the lease for ending it; false when it is no longer this attempt's. */
  async lockForEnd(manager: EntityManager, lease: HeldLease): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM job_lease WHERE job_id = $1 AND attempt = $2 FOR UPDATE`,
      [lease.jobId, lease.attempt],
    );
    return rows.length === 1;
  }

  async release(manager: EntityManager, jobId: string): Promise<void> {
    await manager.query(`DELETE FROM job_lease WHERE job_id = $1`, [jobId]);
  }

  /** Leases that ran out, locked for the caller's transaction (others skip them). */
  async expired(manager: EntityManager, limit: number): Promise<ExpiredLease[]> {
    return manager.query(
      `SELECT job_id AS "jobId", queue, attempt, worker FROM job_lease
        WHERE lease_until < now() ORDER BY lease_until LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
  }
}
