import { Inject, Injectable } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import { UNSUBSCRIBE_PATH, UnsubscribeScope, unsubscribeToken } from './unsubscribe-token';

/** The keys of mail, derived from JWT_SECRET per purpose, and the links built with them. */
@Injectable()
export class MailKeys {
  readonly unsubscribe: Buffer;
  readonly seal: Buffer;
  private readonly base: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const derive = (purpose: string) =>
      createHmac('sha256', config.auth.jwtSecret).update(purpose).digest();
    this.unsubscribe = derive('bouwsteen-mail-unsubscribe');
    this.seal = derive('bouwsteen-mail-seal');
    this.base = config.web.publicBaseUrl;
  }

  unsubscribeUrl(userId: string, scope: UnsubscribeScope): string {
    const url = new URL(UNSUBSCRIBE_PATH, this.base);
    url.searchParams.set('code', unsubscribeToken(this.unsubscribe, userId, scope));
    return url.toString();
  }

  url(path: string): string {
    return new URL(path, this.base).toString();
  }
}
