import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { UnauthorizedError } from '@bouwsteen/common';
import { Principal } from '../principal';
import { IdentityProvider } from './identity-provider';
import { PrincipalLoader } from './principal-loader';

export const JWT_AUDIENCE = 'bouwsteen-api';
export const JWT_ISSUER = 'bouwsteen';

@Injectable()
export class JwtIdentityProvider implements IdentityProvider {
  constructor(
    private readonly jwt: JwtService,
    private readonly loader: PrincipalLoader,
  ) {}

  async authenticate(bearer: string): Promise<Principal | undefined> {
    if (bearer.split('.').length !== 3) return undefined;
    let payload: { sub: string; ver?: unknown };
    try {
      payload = await this.jwt.verifyAsync<{ sub: string; ver?: unknown }>(bearer, {
        audience: JWT_AUDIENCE,
        issuer: JWT_ISSUER,
        algorithms: ['HS256'],
      });
    } catch {
      throw new UnauthorizedError('The access token is invalid or expired');
    }
    return this.loader.load(payload.sub, 'jwt', {
      tokenVersion: typeof payload.ver === 'number' ? payload.ver : -1,
    });
  }
}
