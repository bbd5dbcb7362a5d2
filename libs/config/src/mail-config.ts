import type { AppConfig } from './app-config';

type Env = Record<string, string | undefined>;

/** Reads one integer setting (the caller's reader: it collects the problem and falls back). */
type IntReader = (name: string, fallback: number, min: number, max: number) => number;

/**
 * E-mail: off unless SMTP_URL is set (then nothing is queued or sent, and nothing fails).
 * SMTP_URL is nodemailer's connection URL (`smtp://user:pass@host:587`, `smtps://…:465`);
 * MAIL_FROM the sender, required with it. The rest bound what one account receives.
 */
export function mailConfig(env: Env, int: IntReader, problems: string[]): AppConfig['mail'] {
  const smtpUrl = env.SMTP_URL || undefined;
  const from = env.MAIL_FROM || undefined;
  if (smtpUrl) {
    if (!URL.canParse(smtpUrl) || !['smtp:', 'smtps:'].includes(new URL(smtpUrl).protocol))
      problems.push('SMTP_URL must be an smtp:// or smtps:// URL, e.g. smtp://mail.example.nl:587');
    if (!from)
      problems.push('MAIL_FROM is required with SMTP_URL, e.g. Bouwsteen <noreply@example.nl>');
  }
  // A display name and an address in <>, or an address alone; no line breaks (header injection).
  if (
    from &&
    !/^([^\r\n<>]*<[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)$/.test(from)
  )
    problems.push(
      `MAIL_FROM must be an address, optionally with a name: Bouwsteen <noreply@example.nl> (got "${from}")`,
    );
  return {
    smtpUrl,
    from: from ?? '',
    dailyLimit: int('MAIL_DAILY_LIMIT', 20, 1, 1000),
    digestHour: int('MAIL_DIGEST_HOUR', 7, 0, 23),
    checkSeconds: int('MAIL_DIGEST_CHECK_SECONDS', 300, 1, 86400),
    concurrency: int('MAIL_CONCURRENCY', 4, 1, 64),
    maxAttempts: int('MAIL_MAX_ATTEMPTS', 5, 1, 50),
  };
}
