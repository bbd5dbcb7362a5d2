import {
  DEFAULT_FREQUENCY,
  DEFAULT_MODE,
  DigestFrequency,
  MAIL_TYPES,
  MailMode,
  MailType,
} from './mail-types';

/** Where the digest hour is read: the Dutch clock, summer time included. */
export const DIGEST_TIME_ZONE = 'Europe/Amsterdam';

/** How long a sent or skipped mail, and the record of what was sent, is kept (then purged). */
export const MAIL_RECORD_DAYS = 30;

const DAY_MS = 86_400_000;

/** An account's choices as stored (types without a row take the default). */
export interface StoredPreferences {
  frequency?: DigestFrequency | null;
  modes: Partial<Record<string, MailMode>>;
}

/** What an account gets for a type: its own choice, else the default (digest). */
export function resolveMode(stored: StoredPreferences, type: MailType): MailMode {
  return stored.modes[type] ?? DEFAULT_MODE;
}

export function resolveFrequency(stored: StoredPreferences): DigestFrequency {
  return stored.frequency ?? DEFAULT_FREQUENCY;
}

/** Every type of the catalogue with what the account gets, in the catalogue's order. */
export function resolveAll(stored: StoredPreferences): { type: MailType; mode: MailMode }[] {
  return MAIL_TYPES.map((type) => ({ type, mode: resolveMode(stored, type) }));
}

/** The local calendar parts of a moment in `timeZone`. */
function localParts(at: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    weekday: 'short',
  }).formatToParts(at);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return {
    year: Number(get('year')),
    month: Number(get('month')),
    day: Number(get('day')),
    hour: Number(get('hour')),
    minute: Number(get('minute')),
    second: Number(get('second')),
    weekday: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(get('weekday')),
  };
}

/** The moment the local clock of `timeZone` shows `hour`:00 on that calendar day. */
function localMoment(year: number, month: number, day: number, hour: number, timeZone: string) {
  let guess = Date.UTC(year, month - 1, day, hour);
  for (let i = 0; i < 2; i++) {
    const seen = localParts(new Date(guess), timeZone);
    const shown = Date.UTC(
      seen.year,
      seen.month - 1,
      seen.day,
      seen.hour,
      seen.minute,
      seen.second,
    );
    guess += Date.UTC(year, month - 1, day, hour) - shown;
  }
  return new Date(guess);
}

/**
 * When the current digest period began at `now`: daily, the last time the local clock showed
 * `hour`:00; weekly, the last Monday at that hour. A digest holds what came before it.
 */
export function periodStart(
  frequency: DigestFrequency,
  now: Date,
  hour: number,
  timeZone = DIGEST_TIME_ZONE,
): Date {
  const local = localParts(now, timeZone);
  const dailyBack = local.hour < hour ? 1 : 0;
  const weekday = (local.weekday - dailyBack + 7) % 7;
  const back = dailyBack + (frequency === 'weekly' ? weekday : 0);
  // Step back whole days at noon UTC (never near a clock change), then read that calendar day.
  const noon = Date.UTC(local.year, local.month - 1, local.day, 12);
  const day = localParts(new Date(noon - back * DAY_MS), 'UTC');
  const start = localMoment(day.year, day.month, day.day, hour, timeZone);
  return start;
}

/**
 * Whether an account's digest is due: something waits from before the current period began,
 * and no digest went out in this period yet.
 */
export function digestDue(
  input: { oldestPendingAt: Date | null; lastDigestAt: Date | null },
  start: Date,
): boolean {
  if (!input.oldestPendingAt || input.oldestPendingAt >= start) return false;
  return !input.lastDigestAt || input.lastDigestAt < start;
}

/** Whether one more counted mail stays within the bound of `limit` in 24 hours. */
export function withinDailyBound(sentInLastDay: number, limit: number): boolean {
  return sentInLastDay < limit;
}

/** Items of a digest, grouped under their headings in the order the headings first appear. */
export function groupDigest<T extends { heading: string }>(
  items: T[],
): { heading: string; items: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(item.heading) ?? [];
    group.push(item);
    groups.set(item.heading, group);
  }
  return [...groups].map(([heading, grouped]) => ({ heading, items: grouped }));
}
