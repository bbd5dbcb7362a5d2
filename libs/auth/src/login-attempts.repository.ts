import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AttemptCounts } from './login-limits';

/** Sign-in attempts that have not (yet) succeeded, shared by every API process. */
@Injectable()
export class LoginAttemptsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Records an attempt before the password is checked, so parallel guesses all count. */
  async begin(address: string, emailKey: string): Promise<string> {
    const [row] = await this.dataSource.query(
      'INSERT INTO login_attempt (address, email_key) VALUES ($1, $2) RETURNING id',
      [address, emailKey],
    );
    return row.id;
  }

  async counts(address: string, emailKey: string, windowSeconds: number): Promise<AttemptCounts> {
    const [row] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE email_key = $2)::int AS account, count(*)::int AS address,
              coalesce(extract(epoch FROM clock_timestamp()
                - min(attempted_at) FILTER (WHERE email_key = $2)), 0)::float8 AS account_oldest,
              coalesce(extract(epoch FROM clock_timestamp() - min(attempted_at)), 0)::float8 AS address_oldest
       FROM login_attempt
       WHERE address = $1 AND attempted_at > clock_timestamp() - make_interval(secs => $3)`,
      [address, emailKey, windowSeconds],
    );
    return {
      account: row.account,
      address: row.address,
      accountOldestAgeSeconds: row.account_oldest,
      addressOldestAgeSeconds: row.address_oldest,
    };
  }

  /** A successful sign-in is not held against anyone. */
  async forget(id: string): Promise<void> {
    await this.dataSource.query('DELETE FROM login_attempt WHERE id = $1', [id]);
  }

  /** A deleted account's address leaves the limiter's memory with it. */
  async forgetAccount(manager: EntityManager, emailKey: string): Promise<void> {
    await manager.query('DELETE FROM login_attempt WHERE email_key = $1', [emailKey]);
  }

  async deleteOlderThan(seconds: number): Promise<void> {
    await this.dataSource.query(
      'DELETE FROM login_attempt WHERE attempted_at < clock_timestamp() - make_interval(secs => $1)',
      [seconds],
    );
  }
}
