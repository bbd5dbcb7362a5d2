import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  OnModuleInit,
} from '@nestjs/common';
import { Clock, loggableError } from '@bouwsteen/common';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import { TransactionRunner } from '@bouwsteen/database';
import {
  JobAttempt,
  JobEngine,
  JobHandler,
  JobQueueName,
  JobRunner,
  MailDigestJobData,
  MailJobData,
} from '@bouwsteen/jobs';
import { periodStart } from './mail-rules';
import { MailRepository } from './mail.repository';

/** Accounts claimed per round of the look. */
const BATCH = 500;
/**
 * Accounts whose digests one mail job sends. Their items, accounts and entries are then read
 * once for all of them, and the job's own bookkeeping (claim, lease, end) is shared: per mail
 * that was most of the statements, and the time. Small enough that a job ends within a second
 * or two, and that two jobs running at once seldom share a bound lock's stripe.
 */
export const DIGEST_BATCH = 20;

/**
 * The periodic look for due digests, a job of its own queue (policy "stately": however many
 * workers ask, one waits and one runs). A worker asks every MAIL_DIGEST_CHECK_SECONDS. It claims
 * the accounts whose digest is due and queues a mail job per DIGEST_BATCH of them; old mail
 * bookkeeping is purged.
 */
@Injectable()
export class DigestJob
  implements
    JobHandler<MailDigestJobData>,
    OnModuleInit,
    OnApplicationBootstrap,
    OnApplicationShutdown
{
  private readonly logger = new Logger(DigestJob.name);
  readonly queue = JobQueueName.MailDigest;
  readonly concurrency = 1;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly runner: JobRunner,
    private readonly engine: JobEngine,
    private readonly tx: TransactionRunner,
    private readonly mail: MailRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get settings() {
    return { retryLimit: 0, retryDelaySeconds: 1, backoff: false, expireInSeconds: 300 };
  }

  onModuleInit(): void {
    this.runner.register(this);
  }

  onApplicationBootstrap(): void {
    if (!this.config.mail.smtpUrl || !this.config.worker.jobs) return;
    this.timer = setInterval(() => void this.ask(), this.config.mail.checkSeconds * 1000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Queues a look for due digests (dropped by the queue when one already waits). */
  async ask(): Promise<void> {
    try {
      await this.tx.run((manager) =>
        this.engine.send<MailDigestJobData>(manager, JobQueueName.MailDigest, {
          kind: JobQueueName.MailDigest,
        }),
      );
    } catch (error) {
      this.logger.warn(`Asking for due digests failed: ${loggableError(error)}`);
    }
  }

  async run(attempt: JobAttempt<MailDigestJobData>): Promise<void> {
    if (!this.config.mail.smtpUrl) return;
    const now = this.clock.now();
    const starts = {
      daily: periodStart('daily', now, this.config.mail.digestHour),
      weekly: periodStart('weekly', now, this.config.mail.digestHour),
    };
    for (let round = 0; round < 40 && !attempt.signal.aborted; round++) {
      const claimed = await this.tx.run(async (manager) => {
        await attempt.fence(manager);
        if (round === 0) await this.mail.purge(manager);
        const due = await this.mail.claimDueDigests(manager, starts, BATCH);
        await this.engine.sendMany<MailJobData>(manager, JobQueueName.Mail, batches(due));
        return due.length;
      });
      if (claimed < BATCH) return;
    }
  }
}

/** The claimed accounts as mail jobs: DIGEST_BATCH a job, each job of one period's start. */
function batches(due: { userId: string; before: Date }[]): MailJobData[] {
  const byStart = new Map<string, string[]>();
  for (const { userId, before } of due) {
    const start = new Date(before).toISOString();
    const users = byStart.get(start) ?? [];
    users.push(userId);
    byStart.set(start, users);
  }
  const jobs: MailJobData[] = [];
  for (const [before, userIds] of byStart)
    for (let at = 0; at < userIds.length; at += DIGEST_BATCH)
      jobs.push({
        kind: JobQueueName.Mail,
        digest: { userIds: userIds.slice(at, at + DIGEST_BATCH), before },
      });
  return jobs;
}
