import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PasswordLinksService } from '@bouwsteen/auth';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import { LockSpace, TransactionRunner, lockKeys } from '@bouwsteen/database';
import { JobAttempt, JobHandler, JobQueueName, JobRunner, MailJobData } from '@bouwsteen/jobs';
import { MailEntries } from './mail-entries';
import { MailKeys } from './mail-keys';
import { resolveFrequency, resolveMode, withinDailyBound } from './mail-rules';
import { ACCOUNT_LINK, MailType, isMailType } from './mail-types';
import { MailItem, MailRepository, Recipient } from './mail.repository';
import { MailTransport } from './mail-transport';
import { unseal } from './sealing';
import { accountLinkMail, becauseOf, digestMail, entryMail } from './templates/mails';

/**
 * Sends one mail per job: an item at once, an account link, or an account's digest. Each runs
 * in one fenced transaction that locks its items, sends, and marks them sent, so an item is
 * mailed once even when a digest and its own job meet. A deactivated account gets nothing (its
 * items are skipped); an account past its daily bound gets its items in a later digest.
 * Logs hold ids only: never an address or a mail's text.
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
    await this.tx.run(async (manager) => {
      await attempt.fence(manager);
      if (attempt.data.itemId) await this.item(manager, attempt.data.itemId);
      else if (attempt.data.digest)
        await this.digest(
          manager,
          attempt.data.digest.userId,
          new Date(attempt.data.digest.before),
        );
    });
  }

  private async item(manager: EntityManager, id: string): Promise<void> {
    const item = await this.mail.lockItem(manager, id);
    if (!item) return; // sent (a digest took it), skipped, or being sent by another job
    const to = await this.mail.recipient(manager, item.userId);
    if (!to?.active) return this.mail.markSkipped(manager, [item.id]);
    if (item.type === ACCOUNT_LINK) return this.accountLink(manager, item, to);
    if (!isMailType(item.type)) return this.mail.markSkipped(manager, [item.id]);
    const stored = await this.mail.preferences(item.userId, manager);
    if (resolveMode(stored, item.type) === 'off') return this.mail.markSkipped(manager, [item.id]);
    if (!(await this.withinBound(manager, item.userId))) {
      this.logger.log(
        `Mail item ${item.id} waits for a digest: its account reached the daily bound`,
      );
      return;
    }
    const entry = (await this.entries.of([item])).get(item.id);
    if (!entry) return this.mail.markSkipped(manager, [item.id]);
    const immediate = resolveMode(stored, item.type) === 'immediate';
    const unsubscribeUrl = this.keys.unsubscribeUrl(item.userId, item.type);
    const rendered = entryMail(`Beste ${to.displayName},`, entry, {
      because: becauseOf(item.type, immediate),
      unsubscribe: { href: unsubscribeUrl, label: 'Geen e-mail meer hierover' },
      settings: { href: this.keys.url('/mijn-account/e-mail'), label: 'Uw e-mailinstellingen' },
    });
    await this.transport.send({ ...rendered, to: address(to), unsubscribeUrl });
    await this.sent(manager, item.userId, item.type, [item.id], true);
  }

  private async accountLink(manager: EntityManager, item: MailItem, to: Recipient) {
    const url = item.sealed ? unseal(this.keys.seal, item.sealed) : undefined;
    const [purpose, expiresAt] = await this.linkFacts(item.sourceId);
    if (!url || !purpose || !expiresAt) return this.mail.markSkipped(manager, [item.id]);
    const rendered = accountLinkMail({ displayName: to.displayName, purpose, url, expiresAt });
    await this.transport.send({ ...rendered, to: address(to) });
    await this.sent(manager, item.userId, ACCOUNT_LINK, [item.id], false);
  }

  /** A link's purpose and expiry while it still works (used, replaced or expired: nothing). */
  private async linkFacts(linkId: string): Promise<[('invitation' | 'reset')?, Date?]> {
    const link = await this.links.liveLink(linkId);
    return link ? [link.purpose, link.expiresAt] : [];
  }

  private async digest(manager: EntityManager, userId: string, before: Date): Promise<void> {
    const items = await this.mail.lockPending(manager, userId, before);
    if (items.length === 0) return;
    const to = await this.mail.recipient(manager, userId);
    if (!to?.active)
      return this.mail.markSkipped(
        manager,
        items.map((item) => item.id),
      );
    const stored = await this.mail.preferences(userId, manager);
    const off = items.filter(
      (item) => !isMailType(item.type) || resolveMode(stored, item.type) === 'off',
    );
    await this.mail.markSkipped(
      manager,
      off.map((item) => item.id),
    );
    const wanted = items.filter((item) => !off.includes(item));
    if (wanted.length === 0) return;
    if (!(await this.withinBound(manager, userId))) {
      this.logger.log(`Digest of ${userId} waits: its account reached the daily bound`);
      return;
    }
    const found = await this.entries.of(wanted);
    await this.mail.markSkipped(
      manager,
      wanted.filter((item) => !found.has(item.id)).map((item) => item.id),
    );
    const kept = wanted.filter((item) => found.has(item.id));
    if (kept.length === 0) return;
    const unsubscribeUrl = this.keys.unsubscribeUrl(userId, 'digest');
    const rendered = digestMail(
      `Beste ${to.displayName},`,
      resolveFrequency(stored),
      kept.map((item) => found.get(item.id)!),
      {
        because: becauseOf('digest', false),
        unsubscribe: { href: unsubscribeUrl, label: 'Geen overzicht meer' },
        settings: { href: this.keys.url('/mijn-account/e-mail'), label: 'Uw e-mailinstellingen' },
      },
    );
    await this.transport.send({ ...rendered, to: address(to), unsubscribeUrl });
    await this.sent(
      manager,
      userId,
      'digest',
      kept.map((item) => item.id),
      true,
    );
  }

  /**
   * Whether the account may get one more mail today. Its lock is held until this transaction
   * has sent and recorded the mail, so two jobs of one account never both take the last place.
   */
  private async withinBound(manager: EntityManager, userId: string): Promise<boolean> {
    await lockKeys(manager, LockSpace.MailBound, [`mail:${userId}`]);
    return withinDailyBound(
      await this.mail.sentInLastDay(manager, userId),
      this.config.mail.dailyLimit,
    );
  }

  private async sent(
    manager: EntityManager,
    userId: string,
    type: MailType | 'digest' | typeof ACCOUNT_LINK,
    ids: string[],
    counted: boolean,
  ): Promise<void> {
    await this.mail.markSent(manager, ids);
    await this.mail.recordSent(manager, { userId, type, items: ids.length, counted });
    this.logger.log(`Mail (${type}, ${ids.length} item${ids.length === 1 ? '' : 's'}) sent`);
  }
}

function address(to: Recipient): { name: string; address: string } {
  return { name: to.displayName, address: to.email };
}
