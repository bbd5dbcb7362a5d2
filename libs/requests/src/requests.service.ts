import { Inject, Injectable } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { AssetError, AssetsService } from '@bouwsteen/assets';
import { Principal, UsersService } from '@bouwsteen/auth';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import {
  DomainException,
  ForbiddenError,
  NotFoundError,
  Page,
  PageQueryDto,
  senderNetwork,
  toPage,
} from '@bouwsteen/common';
import { LockSpace, TransactionRunner, lockKeys } from '@bouwsteen/database';
import { PpsService } from '@bouwsteen/organisations';
import { SendMaterialRequestDto } from './dto/material-request.dto';
import { RequestError } from './request.errors';
import { RequestEvents } from './request-events';
import { RequestPolicy } from './request.policy';
import {
  REQUEST_WINDOW_SECONDS,
  RETENTION_MONTHS,
  SENDER_KEY_HOURS,
  judgeRequest,
  requestEmailKey,
} from './request-rules';
import { MaterialRequest, RequestsRepository } from './requests.repository';

/** Where a request goes: a building block (to the PPS that owns it), or a PPS itself. */
export type RequestTarget = { assetId: string } | { ppsId: string };

export interface InboxPage extends Page<MaterialRequest> {
  /** Requests that wait for an answer, over all pages. */
  open: number;
}

/**
 * Requests for material: anyone may send one to the PPS that owns a published building block
 * (or to a PPS); only that PPS's editors and admins read them (RequestPolicy). What a request
 * holds is never logged and is deleted after RETENTION_MONTHS.
 */
@Injectable()
export class RequestsService {
  private readonly senderSecret: Buffer;

  constructor(
    private readonly requests: RequestsRepository,
    private readonly transactions: TransactionRunner,
    private readonly events: RequestEvents,
    private readonly assets: AssetsService,
    private readonly pps: PpsService,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.senderSecret = createHmac('sha256', config.auth.jwtSecret)
      .update('bouwsteen-material-request-sender')
      .digest();
  }

  /**
   * Stores the request for the target's PPS and announces it (RequestEvents), refused with 429
   * when this network or e-mail address sent REQUEST_LIMIT within the hour. A block must be
   * one everyone may read (published; drafts are not found) and not archived (409); the PPS
   * must have someone who reads its requests (409: nobody would answer). A refusal stores nothing.
   */
  async send(
    target: RequestTarget,
    input: SendMaterialRequestDto,
    senderAddress: string,
  ): Promise<{ id: string; ppsId: string }> {
    const { ppsId, assetId } = await this.resolve(target);
    if (!(await this.canReceive(ppsId)))
      throw new DomainException(RequestError.NoRecipient, 'Nobody receives requests for this PPS');
    await this.purgeExpired();
    // Counted per network (an IPv6 /64) and per mailbox (no +tag), so one person cannot
    // multiply the limit by changing addresses within either.
    const senderKey = createHmac('sha256', this.senderSecret)
      .update(senderNetwork(senderAddress))
      .digest('hex');
    const key = requestEmailKey(input.email);
    return this.transactions.run(async (manager) => {
      // One sender's requests are counted and added one at a time, so parallel posts cannot
      // slip past the limit together.
      await lockKeys(manager, LockSpace.MaterialRequest, [`sender:${senderKey}`, `email:${key}`]);
      const verdict = judgeRequest(
        await this.requests.recent(manager, senderKey, key, REQUEST_WINDOW_SECONDS),
      );
      if (!verdict.allowed)
        throw new DomainException(RequestError.TooOften, 'Too many requests for material', {
          headers: { 'Retry-After': String(verdict.retryAfterSeconds) },
        });
      const id = await this.requests.insert(manager, {
        ppsId,
        assetId,
        name: input.name,
        email: input.email,
        emailKey: key,
        organisation: input.organisation,
        purpose: input.purpose,
        senderKey,
      });
      await this.events.emit(manager, { requestId: id, ppsId, assetId });
      return { id, ppsId };
    });
  }

  /**
   * Whether someone would read a request to this PPS: an active member account that may read
   * its inbox (RequestPolicy). One indexed query, so a page can ask beside its other reads.
   */
  async canReceive(ppsId: string): Promise<boolean> {
    return RequestPolicy.someoneReads(await this.users.activeMemberRoles(ppsId), ppsId);
  }

  /** A PPS's requests, paged; only for who may read them (403 for anyone else). */
  async inbox(principal: Principal, ppsId: string, query: PageQueryDto): Promise<InboxPage> {
    if (!RequestPolicy.mayRead(principal, ppsId))
      throw new ForbiddenError('Only editors of this PPS read its requests');
    await this.purgeExpired();
    const { items, total, open } = await this.requests.inbox(ppsId, query.pageSize, query.offset);
    return { ...toPage(items, total, query), open };
  }

  /** How many requests wait for an answer; 0 for whoever may not read them. */
  async openCount(principal: Principal, ppsId: string): Promise<number> {
    if (!RequestPolicy.mayRead(principal, ppsId)) return 0;
    return this.requests.openCount(ppsId);
  }

  /** Marks a request handled (or open again); 404 for a request this person may not read. */
  async markHandled(principal: Principal, id: string, handled: boolean): Promise<MaterialRequest> {
    const request = await this.requests.find(id);
    if (!request || !RequestPolicy.mayRead(principal, request.ppsId))
      throw new NotFoundError(RequestError.NotFound, 'request', id);
    // Retention may delete it between the read and the update.
    if (!(await this.requests.setHandled(id, handled, principal.userId)))
      throw new NotFoundError(RequestError.NotFound, 'request', id);
    return request;
  }

  /** Deletes what is past its retention (cheap: an index on the date finds nothing mostly). */
  purgeExpired(): Promise<number> {
    return this.requests.purge(RETENTION_MONTHS, SENDER_KEY_HOURS);
  }

  private async resolve(target: RequestTarget): Promise<{ ppsId: string; assetId: string | null }> {
    if ('assetId' in target) {
      const asset = await this.assets.get(undefined, target.assetId);
      // Only what everyone may read can be asked for: a block never published is not found.
      if (asset.publishedVersion === null)
        throw new NotFoundError(AssetError.NotFound, 'asset', target.assetId);
      if (asset.status === 'archived')
        throw new DomainException(
          RequestError.AssetArchived,
          'An archived asset takes no requests',
        );
      return { ppsId: asset.pps.id, assetId: asset.id };
    }
    const pps = await this.pps.get(target.ppsId);
    return { ppsId: pps.id, assetId: null };
  }

  /** Per block, how many requests for material it received (counts only, never who): the publishers' usage figures. */
  countsByAsset(assetIds: readonly string[]): Promise<Map<string, number>> {
    return this.requests.countsByAsset(assetIds);
  }
}
