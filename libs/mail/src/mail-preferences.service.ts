import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import { DomainException } from '@bouwsteen/common';
import { TransactionRunner } from '@bouwsteen/database';
import { MailPreferencesDto, ChangeMailPreferencesDto } from './dto/mail-preferences.dto';
import { MailError } from './mail.errors';
import { MailKeys } from './mail-keys';
import { resolveAll, resolveFrequency } from './mail-rules';
import { MAIL_TYPE_CATALOGUE, MailType } from './mail-types';
import { MailRepository } from './mail.repository';
import { UnsubscribeScope, readUnsubscribeToken } from './unsubscribe-token';

/**
 * An account's e-mail settings: per type off, digest (default) or immediate, and the digest's
 * frequency (daily by default). The same for the API, the settings page and an unsubscribe link.
 */
@Injectable()
export class MailPreferencesService {
  constructor(
    private readonly mail: MailRepository,
    private readonly keys: MailKeys,
    private readonly tx: TransactionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async get(userId: string): Promise<MailPreferencesDto> {
    const stored = await this.mail.preferences(userId);
    return {
      digestFrequency: resolveFrequency(stored),
      types: resolveAll(stored).map(({ type, mode }) => ({
        type,
        mode,
        label: MAIL_TYPE_CATALOGUE[type].label,
      })),
      mailEnabled: Boolean(this.config.mail.smtpUrl),
    };
  }

  async update(userId: string, input: ChangeMailPreferencesDto): Promise<MailPreferencesDto> {
    await this.tx.run((manager) =>
      this.mail.save(manager, userId, input.digestFrequency, input.types ?? []),
    );
    return this.get(userId);
  }

  /** Whom and what a link names (404 for a link this site did not make), changing nothing. */
  read(token: unknown): { userId: string; type: UnsubscribeScope; label: string } {
    const found = readUnsubscribeToken(this.keys.unsubscribe, token);
    if (!found) throw new DomainException(MailError.UnsubscribeInvalid);
    return { ...found, label: scopeLabel(found.type) };
  }

  /**
   * Switches off what a signed link names: one type, or (digest) every type that now comes in
   * the digest. No sign-in: the signature is the proof. Doing it twice changes nothing more.
   */
  async unsubscribe(token: unknown): Promise<{ type: UnsubscribeScope; label: string }> {
    const { userId, type, label } = this.read(token);
    const stored = await this.mail.preferences(userId);
    const types: MailType[] =
      type === 'digest'
        ? resolveAll(stored)
            .filter((entry) => entry.mode === 'digest')
            .map((entry) => entry.type)
        : [type];
    await this.tx.run(async (manager) => {
      // An account deleted since the mail has nothing to switch off.
      if (!(await this.mail.recipient(manager, userId))) return;
      await this.mail.save(
        manager,
        userId,
        undefined,
        types.map((t) => ({ type: t, mode: 'off' as const })),
      );
    });
    return { type, label };
  }
}

export function scopeLabel(scope: UnsubscribeScope): string {
  return scope === 'digest' ? 'het overzicht per e-mail' : MAIL_TYPE_CATALOGUE[scope].label;
}
