/**
 * The mail types an account chooses about (the preference catalogue), and how each in-app
 * notification kind maps to one. Account links (invitation, password reset) are not in it: they
 * are asked for by an admin for one person, always sent at once and never switched off.
 */
export const MAIL_TYPES = ['material-request', 'new-version', 'review', 'saved-search'] as const;
export type MailType = (typeof MAIL_TYPES)[number];

export const MAIL_MODES = ['off', 'digest', 'immediate'] as const;
export type MailMode = (typeof MAIL_MODES)[number];

export const DIGEST_FREQUENCIES = ['daily', 'weekly'] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];

/** What a mail without a choice does: collected in the digest, which comes daily. */
export const DEFAULT_MODE: MailMode = 'digest';
export const DEFAULT_FREQUENCY: DigestFrequency = 'daily';

/** The kind of mail an account link is (sent at once, never a digest, never switched off). */
export const ACCOUNT_LINK = 'account-link';

export interface MailTypeEntry {
  /** Dutch, as the settings page and the unsubscribe page name it. */
  label: string;
  /** One line under the label: what sets it off. */
  hint: string;
}

export const MAIL_TYPE_CATALOGUE: Record<MailType, MailTypeEntry> = {
  'material-request': {
    label: 'Iemand vraagt uw materiaal',
    hint: 'Een verzoek om materiaal van een bouwsteen of van uw PPS (voor wie de verzoeken van de PPS leest).',
  },
  'new-version': {
    label: 'Nieuwe versie van een bouwsteen die u volgt of hergebruikt',
    hint: 'Ook wanneer zo’n bouwsteen wordt gearchiveerd.',
  },
  review: {
    label: 'Een review van uw bouwsteen',
    hint: 'Iemand schreef of wijzigde een review van een bouwsteen van uw PPS.',
  },
  'saved-search': {
    label: 'Nieuwe bouwsteen bij een bewaarde zoekopdracht',
    hint: 'Een nieuw gepubliceerde bouwsteen past bij een zoekopdracht die u bewaarde.',
  },
};

export const MODE_LABELS: Record<MailMode, string> = {
  off: 'Uit',
  digest: 'In het overzicht',
  immediate: 'Direct',
};

export const FREQUENCY_LABELS: Record<DigestFrequency, string> = {
  daily: 'Dagelijks',
  weekly: 'Wekelijks (op maandag)',
};

export function isMailType(value: unknown): value is MailType {
  return typeof value === 'string' && (MAIL_TYPES as readonly string[]).includes(value);
}
