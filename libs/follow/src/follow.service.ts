import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { AssetPolicy, AssetsRepository } from '@bouwsteen/assets';
import { Principal } from '@bouwsteen/auth';
import { PpsPolicy, PpsRepository } from '@bouwsteen/organisations';
import {
  DomainException,
  FieldCode,
  ForbiddenError,
  NotFoundError,
  Page,
  PageQueryDto,
  ValidationFailedError,
  classifyUrl,
  toPage,
} from '@bouwsteen/common';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import { LockSpace, TransactionRunner, lockKeys } from '@bouwsteen/database';
import {
  CreateWebhookDto,
  CreatedWebhookDto,
  FollowDto,
  MarkAllReadDto,
  MarkedReadDto,
  NotificationDto,
  NotificationQueryDto,
  WebhookDto,
} from './dto/follow.dto';
import { FollowRepository, FollowTarget, Notification } from './follow.repository';
import { FollowError } from './follow.errors';
import { AssetError } from '@bouwsteen/assets';
import { OrganisationError } from '@bouwsteen/organisations';

const MAX_WEBHOOKS = 5;
/** The newest notifications the unread count looks at: one bounded read, on every page. */
export const UNREAD_COUNT_WINDOW = 100;

@Injectable()
export class FollowService {
  constructor(
    private readonly follows: FollowRepository,
    private readonly assets: AssetsRepository,
    private readonly pps: PpsRepository,
    private readonly tx: TransactionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A draft one may not read is answered like an unknown id: it does not exist for them. */
  async follow(principal: Principal, type: FollowTarget, id: string): Promise<void> {
    const exists =
      type === 'asset'
        ? (await this.assets.findForReader(id, AssetPolicy.readerScope(principal))) !== null
        : await this.pps.exists(id);
    if (!exists)
      throw new NotFoundError(
        type === 'asset' ? AssetError.NotFound : OrganisationError.PpsNotFound,
        type,
        id,
      );
    await this.follows.follow(principal.userId, type, id);
  }

  /** Counts only, never who: following is a private act. For the PPS's own editors. */
  async followerCounts(
    principal: Principal,
    ppsId: string,
  ): Promise<{ pps: number; assets: number }> {
    if (!PpsPolicy.canEdit(principal, ppsId))
      throw new ForbiddenError('Only editors of this PPS see how many follow it');
    return this.follows.followerCounts(ppsId);
  }

  isFollowing(principal: Principal, type: FollowTarget, id: string): Promise<boolean> {
    return this.follows.isFollowing(principal.userId, type, id);
  }

  async unfollow(principal: Principal, type: FollowTarget, id: string): Promise<void> {
    await this.follows.unfollow(principal.userId, type, id);
  }

  async list(principal: Principal, query: PageQueryDto): Promise<Page<FollowDto>> {
    const [rows, total] = await this.follows.follows(
      principal.userId,
      query.offset,
      query.pageSize,
    );
    return toPage(
      rows.map((follow) => ({ ...follow, since: follow.since.toISOString() })),
      total,
      query,
    );
  }

  async notifications(
    principal: Principal,
    query: NotificationQueryDto,
  ): Promise<Page<NotificationDto>> {
    const [rows, total] = await this.follows.notifications(
      principal.userId,
      query.unread === true,
      query.offset,
      query.pageSize,
    );
    return toPage(rows.map(toNotificationDto), total, query);
  }

  async markRead(principal: Principal, id: string): Promise<void> {
    if (!(await this.follows.markRead(principal.userId, id)))
      throw new NotFoundError(FollowError.NotificationNotFound, 'notification', id);
  }

  /** Every unread notification of one's own (made up to `upTo`, when given) is read. */
  async markAllRead(principal: Principal, dto: MarkAllReadDto): Promise<MarkedReadDto> {
    const upTo = dto.upTo === undefined ? null : new Date(dto.upTo);
    return { marked: await this.follows.markAllRead(principal.userId, upTo) };
  }

  /**
   * How many of one's newest UNREAD_COUNT_WINDOW notifications are unread (so at most that
   * many): the count beside "Meldingen" in the header, cheap enough for every page.
   */
  unreadCount(principal: Principal): Promise<number> {
    return this.follows.unreadAmongNewest(principal.userId, UNREAD_COUNT_WINDOW);
  }

  async webhooks(principal: Principal): Promise<WebhookDto[]> {
    return (await this.follows.webhooks(principal.userId)).map((row) => ({
      ...row,
      createdAt: row.createdAt.toISOString(),
    }));
  }

  async addWebhook(principal: Principal, dto: CreateWebhookDto): Promise<CreatedWebhookDto> {
    // Deliveries are made by the server, so a URL must not point it at its own network, nor at
    // a public host's other services (only the allowed ports). The addresses a name resolves to
    // are checked again at every delivery; with private hosts allowed, only then.
    const { allowPrivateHosts, allowedPorts } = this.config.webhooks;
    if (!allowPrivateHosts) {
      const verdict = classifyUrl(dto.url, allowedPorts);
      if (!verdict.allowed)
        throw new ValidationFailedError([
          {
            field: 'url',
            message: `must be a public address: the host ${verdict.reason}`,
            code: FieldCode.NotPublicAddress,
            values: { reason: verdict.reason },
          },
        ]);
    }
    const secret = `whsec_${randomBytes(24).toString('base64url')}`;
    // Counting and adding under one lock per account: parallel requests cannot pass the limit.
    const row = await this.tx.run(async (manager) => {
      await lockKeys(manager, LockSpace.AccountQuota, [`webhook:${principal.userId}`]);
      if ((await this.follows.countWebhooks(manager, principal.userId)) >= MAX_WEBHOOKS) {
        throw new DomainException(
          FollowError.WebhookLimitReached,
          `At most ${MAX_WEBHOOKS} webhooks per account`,
        );
      }
      return this.follows.addWebhook(manager, principal.userId, dto.url, secret);
    });
    return { ...row, createdAt: row.createdAt.toISOString(), secret };
  }

  async removeWebhook(principal: Principal, id: string): Promise<void> {
    if (!(await this.follows.removeWebhook(principal.userId, id)))
      throw new NotFoundError(FollowError.WebhookNotFound, 'webhook', id);
  }

  /** Per block, how many people follow it (counts only, never who): the publishers' usage figures. */
  countsByAsset(assetIds: readonly string[]): Promise<Map<string, number>> {
    return this.follows.countsByAsset(assetIds);
  }
}

export function toNotificationDto(notification: Notification): NotificationDto {
  return {
    ...notification,
    createdAt: notification.createdAt.toISOString(),
    readAt: notification.readAt?.toISOString() ?? null,
  };
}
