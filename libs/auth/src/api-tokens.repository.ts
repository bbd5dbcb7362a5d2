import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { ApiTokenEntity } from './entities/api-token.entity';

export const MAX_TOKENS_PER_USER = 20;

@Injectable()
export class ApiTokensRepository {
  constructor(
    @InjectRepository(ApiTokenEntity) private readonly tokens: Repository<ApiTokenEntity>,
  ) {}

  listFor(userId: string): Promise<ApiTokenEntity[]> {
    return this.tokens.find({ where: { userId }, order: { createdAt: 'DESC' } });
  }

  countActive(userId: string): Promise<number> {
    return this.tokens.countBy({ userId, revokedAt: IsNull() });
  }

  create(
    token: Pick<ApiTokenEntity, 'userId' | 'name' | 'tokenHash' | 'prefix' | 'expiresAt'>,
  ): Promise<ApiTokenEntity> {
    return this.tokens.save(this.tokens.create(token));
  }

  findByHash(tokenHash: string): Promise<ApiTokenEntity | null> {
    return this.tokens.findOneBy({ tokenHash });
  }

  findOwned(id: string, userId: string): Promise<ApiTokenEntity | null> {
    return this.tokens.findOneBy({ id, userId });
  }

  async revoke(id: string, at: Date): Promise<void> {
    await this.tokens.update({ id, revokedAt: IsNull() }, { revokedAt: at });
  }

  /** Recorded at most once a minute so a busy integration does not turn every read into a write. */
  async touch(id: string, at: Date): Promise<void> {
    await this.tokens.query(
      `UPDATE api_token SET last_used_at = $2
       WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $2::timestamptz - interval '1 minute')`,
      [id, at],
    );
  }
}
