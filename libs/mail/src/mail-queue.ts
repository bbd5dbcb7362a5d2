import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  IssuedLink,
  PasswordLinkEvents,
  PasswordLinkListener,
  UsersService,
} from '@bouwsteen/auth';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import { NotificationEvents, NotificationListener, FollowRepository } from '@bouwsteen/follow';
import { JobEngine, JobQueueName, MailJobData } from '@bouwsteen/jobs';
import { RequestEvents, RequestSentEvent, RequestSentListener } from '@bouwsteen/requests';
import { RequestPolicy } from '@bouwsteen/requests/pure';
import { MailKeys } from './mail-keys';
import { DEFAULT_MODE, ACCOUNT_LINK, MailType } from './mail-types';
import { MailRepository, MailSource } from './mail.repository';
import { notificationTemplate } from './notification-templates';
import { seal } from './sealing';

/**
 * Queues mail inside the transaction of what it is about (a request, notifications, an account
 * link), so a mail exists exactly when its cause commits; the worker's jobs send it. Each
 * recipient's choice decides: off queues nothing, digest queues an item for the digest,
 * immediate queues an item and a job for it. Without SMTP_URL nothing is queued.
 */
@Injectable()
export class MailQueue
  implements OnModuleInit, RequestSentListener, NotificationListener, PasswordLinkListener
{
  constructor(
    private readonly mail: MailRepository,
    private readonly engine: JobEngine,
    private readonly keys: MailKeys,
    private readonly users: UsersService,
    private readonly follows: FollowRepository,
    private readonly requests: RequestEvents,
    private readonly notifications: NotificationEvents,
    private readonly links: PasswordLinkEvents,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.requests.subscribe(this);
    this.notifications.subscribe(this);
    this.links.subscribe(this);
  }

  private get enabled(): boolean {
    return Boolean(this.config.mail.smtpUrl);
  }

  /** "Iemand vraagt uw materiaal": to the PPS's active members who read its requests. */
  async requestSent(manager: EntityManager, event: RequestSentEvent): Promise<void> {
    if (!this.enabled) return;
    const readers = (await this.users.activeMembers(event.ppsId)).filter(({ id, role }) =>
      RequestPolicy.mayRead(
        {
          userId: id,
          email: '',
          role,
          ppsIds: [event.ppsId],
          organisationId: null,
          via: 'session',
        },
        event.ppsId,
      ),
    );
    await this.queue(
      manager,
      'material-request',
      'request',
      readers.map(({ id }) => ({ userId: id, sourceId: event.requestId })),
    );
  }

  /** In-app notifications, each under the mail type its kind's template names. */
  async notificationsWritten(manager: EntityManager, ids: string[]): Promise<void> {
    if (!this.enabled) return;
    const byType = new Map<MailType, { userId: string; sourceId: string }[]>();
    for (const row of await this.follows.recipients(manager, ids)) {
      const template = notificationTemplate(row.type);
      if (!template) continue;
      const list = byType.get(template.mailType) ?? [];
      list.push({ userId: row.userId, sourceId: row.id });
      byType.set(template.mailType, list);
    }
    for (const [type, items] of byType) await this.queue(manager, type, 'notification', items);
  }

  /** An invitation or reset link: always at once; the link waits sealed until its mail is sent. */
  async linkIssued(manager: EntityManager, link: IssuedLink): Promise<boolean> {
    if (!this.enabled) return false;
    const [item] = await this.mail.insertItems(manager, [
      {
        userId: link.userId,
        type: ACCOUNT_LINK,
        source: 'password-link',
        sourceId: link.linkId,
        sealed: seal(this.keys.seal, link.url),
      },
    ]);
    await this.engine.send<MailJobData>(manager, JobQueueName.Mail, {
      kind: JobQueueName.Mail,
      itemId: item.id,
    });
    return true;
  }

  private async queue(
    manager: EntityManager,
    type: MailType,
    source: MailSource,
    items: { userId: string; sourceId: string }[],
  ): Promise<void> {
    const modes = new Map(
      (await this.mail.modesFor(manager, [...new Set(items.map((item) => item.userId))], type)).map(
        (row) => [row.userId, row.mode ?? DEFAULT_MODE],
      ),
    );
    const wanted = items.filter((item) => (modes.get(item.userId) ?? 'off') !== 'off');
    const stored = await this.mail.insertItems(
      manager,
      wanted.map((item) => ({ ...item, type, source })),
    );
    await this.engine.sendMany<MailJobData>(
      manager,
      JobQueueName.Mail,
      stored
        .filter((item) => modes.get(item.userId) === 'immediate')
        .map((item) => ({ kind: JobQueueName.Mail, itemId: item.id })),
    );
  }
}
