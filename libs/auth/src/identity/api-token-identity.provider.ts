import { Injectable } from '@nestjs/common';
import { Clock, UnauthorizedError } from '@bouwsteen/common';
import { ApiTokensRepository } from '../api-tokens.repository';
import { Principal } from '../principal';
import { SecretGenerator } from '../secret-generator';
import { IdentityProvider } from './identity-provider';
import { PrincipalLoader } from './principal-loader';

@Injectable()
export class ApiTokenIdentityProvider implements IdentityProvider {
  constructor(
    private readonly tokens: ApiTokensRepository,
    private readonly secrets: SecretGenerator,
    private readonly loader: PrincipalLoader,
    private readonly clock: Clock,
  ) {}

  async authenticate(bearer: string): Promise<Principal | undefined> {
    if (!this.secrets.isApiToken(bearer)) return undefined;
    const token = await this.tokens.findByHash(this.secrets.fingerprint(bearer));
    const now = this.clock.now();
    if (!token || token.revokedAt || (token.expiresAt && token.expiresAt <= now)) {
      throw new UnauthorizedError('The API token is unknown, revoked or expired');
    }
    await this.tokens.touch(token.id, now);
    return this.loader.load(token.userId, 'api-token', { tokenVersion: token.tokenVersion });
  }
}
