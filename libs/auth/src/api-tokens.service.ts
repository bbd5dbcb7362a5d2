import { HttpStatus, Injectable } from '@nestjs/common';
import { Clock, DomainException, NotFoundError } from '@bouwsteen/common';
import { ApiTokensRepository, MAX_TOKENS_PER_USER } from './api-tokens.repository';
import { ApiTokenDto, CreateApiTokenDto, CreatedApiTokenDto } from './dto/api-token.dto';
import { Principal } from './principal';
import { SecretGenerator } from './secret-generator';
import { toApiTokenDto } from './user.mapper';

const DAY_MS = 86_400_000;

@Injectable()
export class ApiTokensService {
  constructor(
    private readonly tokens: ApiTokensRepository,
    private readonly secrets: SecretGenerator,
    private readonly clock: Clock,
  ) {}

  async list(principal: Principal): Promise<ApiTokenDto[]> {
    return (await this.tokens.listFor(principal.userId)).map(toApiTokenDto);
  }

  async create(principal: Principal, dto: CreateApiTokenDto): Promise<CreatedApiTokenDto> {
    if ((await this.tokens.countActive(principal.userId)) >= MAX_TOKENS_PER_USER) {
      throw new DomainException(
        HttpStatus.CONFLICT,
        'token-limit-reached',
        'Too many API tokens',
        `Revoke one of your ${MAX_TOKENS_PER_USER} active tokens first`,
      );
    }
    const { token, prefix } = this.secrets.apiToken();
    const expiresAt = dto.expiresInDays
      ? new Date(this.clock.now().getTime() + dto.expiresInDays * DAY_MS)
      : null;
    const saved = await this.tokens.create({
      userId: principal.userId,
      name: dto.name,
      tokenHash: this.secrets.fingerprint(token),
      prefix,
      expiresAt,
    });
    return { ...toApiTokenDto(saved), token };
  }

  async revoke(principal: Principal, id: string): Promise<void> {
    const token = await this.tokens.findOwned(id, principal.userId);
    if (!token) throw new NotFoundError('token', id);
    await this.tokens.revoke(id, this.clock.now());
  }
}
