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
    let subject: string;
    try {
      const payload = await this.jwt.verifyAsync<{ sub: string }>(bearer, {
        audience: JWT_AUDIENCE,
        issuer: JWT_ISSUER,
        algorithms: ['HS256'],
      });
      subject = payload.sub;
    } catch {
      throw new UnauthorizedError('The access token is invalid or expired');
    }
    return this.loader.load(subject, 'jwt');
  }
}
