/** OAI-PMH dates: UTC, `YYYY-MM-DD` or `YYYY-MM-DDThh:mm:ssZ` (this repository's granularity). */
export type Granularity = 'day' | 'seconds';

export interface OaiDate {
  date: Date;
  granularity: Granularity;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const SECONDS = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

/** A valid date in either granularity; undefined for anything else (impossible dates included). */
export function parseOaiDate(value: string): OaiDate | undefined {
  const match = SECONDS.exec(value) ?? DAY.exec(value);
  if (!match) return undefined;
  const [year, month, day, hour = '0', minute = '0', second = '0'] = match.slice(1);
  const date = new Date(Date.UTC(+year, +month - 1, +day, +hour, +minute, +second));
  const exact =
    date.getUTCFullYear() === +year &&
    date.getUTCMonth() === +month - 1 &&
    date.getUTCDate() === +day &&
    date.getUTCHours() === +hour &&
    date.getUTCMinutes() === +minute &&
    date.getUTCSeconds() === +second;
  return exact
    ? { date, granularity: match.length > 4 && match[4] !== undefined ? 'seconds' : 'day' }
    : undefined;
}

/** `until` at day granularity means the whole day. */
export function endOf(value: OaiDate): Date {
  return value.granularity === 'day' ? new Date(value.date.getTime() + 86_399_000) : value.date;
}

export function formatOaiDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
