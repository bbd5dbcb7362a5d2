import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PasswordLinksService } from '@bouwsteen/auth';
import { loggableError } from '@bouwsteen/common';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import { LockSpace, TransactionRunner, lockKeys } from '@bouwsteen/database';
import {
  JobAttempt,
  JobHandler,
  JobQueueName,
  JobRunner,
  JobStoppedError,
  MailJobData,
} from '@bouwsteen/jobs';
import { MailEntries } from './mail-entries';
import { MailKeys } from './mail-keys';
import { resolveFrequency, resolveMode, withinDailyBound } from './mail-rules';
import { ACCOUNT_LINK, MailType, isMailType } from './mail-types';
import { MailItem, MailRepository, Reader, Recipient } from './mail.repository';
import { MailTransport } from './mail-transport';
import { unseal } from './sealing';
import { MailEntry, accountLinkMail, becauseOf, digestMail, entryMail } from './templates/mails';

/**
 * Sends mail: an item at once, an account link, or the digests of a batch of accounts (the
 * digest look queues DIGEST_BATCH accounts a job). Each job runs in one fenced transaction that
 * locks its items, sends, and marks them sent, so an item is mailed once even when a digest and
 * its own job meet. A deactivated account gets nothing (its items are skipped); an account past
 * its daily bound gets its items in a later digest. In a batch, a digest that could not be sent
 * leaves its items waiting and fails the job once the others are recorded; the next attempt
 * finds only those. Logs hold ids only: never an address or a mail's text.
 */
@Injectable()
export class MailJob implements JobHandler<MailJobData>, OnModuleInit {
  private readonly logger = new Logger(MailJob.name);
  readonly queue = JobQueueName.Mail;

  constructor(
    private readonly runner: JobRunner,
    private readonly tx: TransactionRunner,
    private readonly mail: MailRepository,
    private readonly entries: MailEntries,
    private readonly transport: MailTransport,
    private readonly keys: MailKeys,
    private readonly links: PasswordLinksService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get concurrency(): number {
    return this.config.mail.concurrency;
  }

  get settings() {
    return {
      retryLimit: this.config.mail.maxAttempts - 1,
      retryDelaySeconds: 30,
      backoff: true,
      expireInSeconds: 300,
    };
  }

  onModuleInit(): void {
    this.runner.register(this);
  }

  async run(attempt: JobAttempt<MailJobData>): Promise<void> {
    if (!this.transport.enabled) return;
    const { itemId, digest } = attempt.data;
    const unsent = await this.tx.run(async (manager) => {
      await attempt.fence(manager);
      if (itemId) await this.item(manager, itemId);
      else if (digest)
        return this.digests(
          manager,
          digest.userIds ?? (digest.userId ? [digest.userId] : []),
          new Date(digest.before),
          attempt.signal,
        );
      return 0;
    });
    if (attempt.signal.aborted && unsent > 0) throw new JobStoppedError(attempt.id);
    if (unsent > 0) throw new Error(`${unsent} digest(s) of this job could not be sent`);
  }

  private async item(manager: EntityManager, id: string): Promise<void> {
    const item = await this.mail.lockItem(manager, id);
    if (!item) return; // sent (a digest took it), skipped, or being sent by another job
    if (item.type === ACCOUNT_LINK) return this.accountLink(manager, item);
    const to = (await this.readersWithinBound(manager, [item.userId])).get(item.userId);
    if (!to?.active || !isMailType(item.type)) return this.mail.markSkipped(manager, [item.id]);
    const mode = resolveMode(to.preferences, item.type);
    if (mode === 'off') return this.mail.markSkipped(manager, [item.id]);
    if (!withinDailyBound(to.sentInLastDay, this.config.mail.dailyLimit)) {
      this.logger.log(
        `Mail item ${item.id} waits for a digest: its account reached the daily bound`,
      );
      return;
    }
    const entry = (await this.entries.of([item])).get(item.id);
    if (!entry) return this.mail.markSkipped(manager, [item.id]);
    const unsubscribeUrl = this.keys.unsubscribeUrl(item.userId, item.type);
    const rendered = entryMail(`Beste ${to.displayName},`, entry, {
      because: becauseOf(item.type, mode === 'immediate'),
      unsubscribe: { href: unsubscribeUrl, label: 'Geen e-mail meer hierover' },
      settings: { href: this.keys.url('/mijn-account/e-mail'), label: 'Uw e-mailinstellingen' },
    });
    await this.transport.send({ ...rendered, to: address(to), unsubscribeUrl });
    await this.sent(manager, [{ userId: item.userId, ids: [item.id] }], true, item.type);
  }

  private async accountLink(manager: EntityManager, item: MailItem) {
    const to = await this.mail.recipient(manager, item.userId);
    if (!to?.active) return this.mail.markSkipped(manager, [item.id]);
    const url = item.sealed ? unseal(this.keys.seal, item.sealed) : undefined;
    const [purpose, expiresAt] = await this.linkFacts(item.sourceId);
    if (!url || !purpose || !expiresAt) return this.mail.markSkipped(manager, [item.id]);
    const rendered = accountLinkMail({ displayName: to.displayName, purpose, url, expiresAt });
    await this.transport.send({ ...rendered, to: address(to) });
    await this.sent(manager, [{ userId: item.userId, ids: [item.id] }], false, ACCOUNT_LINK);
  }

  /** A link's purpose and expiry while it still works (used, replaced or expired: nothing). */
  private async linkFacts(linkId: string): Promise<[('invitation' | 'reset')?, Date?]> {
    const link = await this.links.liveLink(linkId);
    return link ? [link.purpose, link.expiresAt] : [];
  }

  /**
   * The digests of `userIds`: their items, accounts and entries read once for all of them, then
   * one mail each. Returns how many were due but not sent (a failed send, or the worker
   * stopping): their items stay waiting.
   */
  private async digests(
    manager: EntityManager,
    userIds: string[],
    before: Date,
    signal: AbortSignal,
  ): Promise<number> {
    const items = await this.mail.lockPending(manager, userIds, before);
    if (items.length === 0) return 0;
    const byUser = new Map<string, MailItem[]>();
    for (const item of items) {
      const own = byUser.get(item.userId) ?? [];
      own.push(item);
      byUser.set(item.userId, own);
    }
    const readers = await this.readersWithinBound(manager, [...byUser.keys()]);
    const skipped: string[] = [];
    const wanted: Digest[] = [];
    for (const [userId, own] of byUser) {
      const to = readers.get(userId);
      const off = own.filter(
        (item) =>
          !to?.active || !isMailType(item.type) || resolveMode(to.preferences, item.type) === 'off',
      );
      skipped.push(...off.map((item) => item.id));
      if (!to || off.length === own.length) continue;
      if (!withinDailyBound(to.sentInLastDay, this.config.mail.dailyLimit)) {
        this.logger.log(`Digest of ${userId} waits: its account reached the daily bound`);
        continue;
      }
      wanted.push({ to, userId, items: own.filter((item) => !off.includes(item)), entries: [] });
    }
    const found = await this.entries.of(wanted.flatMap((digest) => digest.items));
    for (const digest of wanted) {
      skipped.push(...digest.items.filter((item) => !found.has(item.id)).map((item) => item.id));
      digest.items = digest.items.filter((item) => found.has(item.id));
      digest.entries = digest.items.map((item) => found.get(item.id)!);
    }
    await this.mail.markSkipped(manager, skipped);
    const due = wanted.filter((digest) => digest.items.length > 0);
    // A worker that is stopping sends none of them: the job is taken up again.
    if (signal.aborted) return due.length;
    const sent = await this.sendDigests(due);
    await this.sent(manager, sent, true);
    return due.length - sent.length;
  }

  /**
   * Renders and sends each digest; the ones the SMTP server took. All are handed to the
   * transport at once: its pool (MAIL_CONCURRENCY connections, shared by the jobs) sends them
   * as connections come free, so the connections keep sending while this job or another reads
   * its next batch.
   */
  private async sendDigests(due: Digest[]): Promise<{ userId: string; ids: string[] }[]> {
    const outcomes = await Promise.allSettled(
      due.map(async ({ to, userId, items, entries }) => {
        const unsubscribeUrl = this.keys.unsubscribeUrl(userId, 'digest');
        const rendered = digestMail(
          `Beste ${to.displayName},`,
          resolveFrequency(to.preferences),
          entries,
          {
            because: becauseOf('digest', false),
            unsubscribe: { href: unsubscribeUrl, label: 'Geen overzicht meer' },
            settings: {
              href: this.keys.url('/mijn-account/e-mail'),
              label: 'Uw e-mailinstellingen',
            },
          },
        );
        await this.transport.send({ ...rendered, to: address(to), unsubscribeUrl });
        return { userId, ids: items.map((item) => item.id) };
      }),
    );
    const sent = [];
    for (const [n, outcome] of outcomes.entries())
      if (outcome.status === 'fulfilled') sent.push(outcome.value);
      else
        this.logger.warn(`Digest of ${due[n].userId} not sent: ${loggableError(outcome.reason)}`);
    return sent;
  }

  /**
   * The accounts as their mail needs them, read after taking their bound locks: each lock is
   * held until this transaction has sent and recorded its mails, so two jobs of one account
   * never both take its last place of the day.
   */
  private async readersWithinBound(
    manager: EntityManager,
    userIds: string[],
  ): Promise<Map<string, Reader>> {
    await lockKeys(
      manager,
      LockSpace.MailBound,
      userIds.map((userId) => `mail:${userId}`),
    );
    return this.mail.readers(manager, userIds);
  }

  /** Records mails that went out (all of one type: an item's, or digests). */
  private async sent(
    manager: EntityManager,
    mails: { userId: string; ids: string[] }[],
    counted: boolean,
    type: MailType | 'digest' | typeof ACCOUNT_LINK = 'digest',
  ): Promise<void> {
    if (mails.length === 0) return;
    await this.mail.recordSent(
      manager,
      mails.map((mail) => ({ ...mail, type, counted })),
    );
    // One line a job, however many digests: a run of 10,000 need not log 10,000 lines.
    const items = mails.reduce((sum, mail) => sum + mail.ids.length, 0);
    const count = mails.length === 1 ? '' : `${mails.length} mails, `;
    this.logger.log(`Mail (${type}, ${count}${items} item${items === 1 ? '' : 's'}) sent`);
  }
}

/** One account's digest as it is being made. */
interface Digest {
  to: Reader;
  userId: string;
  items: MailItem[];
  entries: MailEntry[];
}

function address(to: Recipient): { name: string; address: string } {
  return { name: to.displayName, address: to.email };
}
