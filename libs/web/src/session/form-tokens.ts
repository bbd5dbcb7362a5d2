import { Inject, Injectable } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';

/**
 * CSRF tokens for every form: an HMAC of the browser's binding (its session secret when signed
 * in, else its form cookie) under a key derived from the server secret. A page on another site
 * can neither read the cookie nor compute the token, so its forms are refused.
 */
@Injectable()
export class FormTokens {
  private readonly key: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.key = createHmac('sha256', config.auth.jwtSecret).update('bouwsteen-form-token').digest();
  }

  tokenFor(binding: string): string {
    return createHmac('sha256', this.key).update(binding).digest('base64url');
  }

  matches(binding: string, candidate: unknown): boolean {
    if (typeof candidate !== 'string' || candidate.length === 0) return false;
    const expected = Buffer.from(this.tokenFor(binding));
    const given = Buffer.from(candidate);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
