import { Injectable } from '@nestjs/common';
import {
  Clock,
  DomainException,
  NotFoundError,
  Page,
  PageQueryDto,
  toPage,
} from '@bouwsteen/common';
import { LockSpace, TransactionRunner, lockKeys } from '@bouwsteen/database';
import { ApiTokensRepository, MAX_TOKENS_PER_USER } from './api-tokens.repository';
import { ApiTokenDto, CreateApiTokenDto, CreatedApiTokenDto } from './dto/api-token.dto';
import { Principal } from './principal';
import { SecretGenerator } from './secret-generator';
import { toApiTokenDto } from './user.mapper';
import { AuthError } from './auth.errors';

const DAY_MS = 86_400_000;

@Injectable()
export class ApiTokensService {
  constructor(
    private readonly tokens: ApiTokensRepository,
    private readonly secrets: SecretGenerator,
    private readonly clock: Clock,
    private readonly tx: TransactionRunner,
  ) {}

  async list(principal: Principal, query: PageQueryDto): Promise<Page<ApiTokenDto>> {
    const [rows, total] = await this.tokens.listFor(principal.userId, query.offset, query.pageSize);
    return toPage(rows.map(toApiTokenDto), total, query);
  }

  /** Counting and adding happen under one lock per account, so parallel requests cannot pass the limit. */
  async create(principal: Principal, dto: CreateApiTokenDto): Promise<CreatedApiTokenDto> {
    const { token, prefix } = this.secrets.apiToken();
    const expiresAt = dto.expiresInDays
      ? new Date(this.clock.now().getTime() + dto.expiresInDays * DAY_MS)
      : null;
    const saved = await this.tx.run(async (manager) => {
      await lockKeys(manager, LockSpace.AccountQuota, [`api-token:${principal.userId}`]);
      if ((await this.tokens.countActive(manager, principal.userId)) >= MAX_TOKENS_PER_USER) {
        throw new DomainException(
          AuthError.TokenLimitReached,
          `Revoke one of your ${MAX_TOKENS_PER_USER} active tokens first`,
        );
      }
      // The caller's credential's version, not the account's now: a token made by a request
      // signed in before a password change ends with that change, even if it commits after it.
      return this.tokens.create(manager, {
        userId: principal.userId,
        name: dto.name,
        tokenHash: this.secrets.fingerprint(token),
        prefix,
        expiresAt,
        tokenVersion: principal.tokenVersion,
      });
    });
    return { ...toApiTokenDto(saved), token };
  }

  async revoke(principal: Principal, id: string): Promise<void> {
    const token = await this.tokens.findOwned(id, principal.userId);
    if (!token) throw new NotFoundError(AuthError.TokenNotFound, 'token', id);
    await this.tokens.revoke(id, this.clock.now());
  }
}
