import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { ApiTokenEntity } from './entities/api-token.entity';

export const MAX_TOKENS_PER_USER = 20;

@Injectable()
export class ApiTokensRepository {
  constructor(
    @InjectRepository(ApiTokenEntity) private readonly tokens: Repository<ApiTokenEntity>,
  ) {}

  listFor(userId: string, offset: number, limit: number): Promise<[ApiTokenEntity[], number]> {
    return this.tokens.findAndCount({
      where: { userId },
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: offset,
      take: limit,
    });
  }

  countActive(manager: EntityManager, userId: string): Promise<number> {
    return manager.getRepository(ApiTokenEntity).countBy({ userId, revokedAt: IsNull() });
  }

  /** `tokenVersion` absent: the account's version now (a token made in code, not by a request). */
  async create(
    manager: EntityManager,
    token: Pick<ApiTokenEntity, 'userId' | 'name' | 'tokenHash' | 'prefix' | 'expiresAt'> & {
      tokenVersion?: number;
    },
  ): Promise<ApiTokenEntity> {
    let { tokenVersion } = token;
    if (tokenVersion === undefined) {
      const [account]: { token_version: number }[] = await manager.query(
        'SELECT token_version FROM app_user WHERE id = $1',
        [token.userId],
      );
      tokenVersion = account.token_version;
    }
    const repository = manager.getRepository(ApiTokenEntity);
    return repository.save(repository.create({ ...token, tokenVersion }));
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
