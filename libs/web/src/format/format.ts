/** Dutch presentation of dates, money and amounts, in the Netherlands' time zone. */
const DATE = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' });
const NUMBER = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });
const EURO = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });

/** "28 november 2026"; an ISO date without time is taken as that calendar day. */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '';
  const date =
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? new Date(`${value}T12:00:00Z`)
      : new Date(value);
  return Number.isNaN(date.getTime()) ? '' : DATE.format(date);
}

const DATE_TIME = new Intl.DateTimeFormat('nl-NL', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/Amsterdam',
});

/** "28 november 2026 om 16:05": a moment, when several on one day must be told apart. */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? '' : DATE_TIME.format(date);
}

/** A number with every digit it has and a decimal comma (12,5051): as a person typed it. */
export function typedNumber(value: number): string {
  return String(value).replace('.', ',');
}

export function formatNumber(value: number): string {
  return NUMBER.format(value);
}

/** "€ 395,00" from cents. */
export function formatEuro(cents: number): string {
  return EURO.format(cents / 100);
}

/** A price as the course pages show it: "€ 395,00", or that none was given. */
export function formatPrice(cents: number | null | undefined): string {
  return cents === null || cents === undefined ? 'geen prijs opgegeven' : formatEuro(cents);
}

export function formatHours(hours: number | null | undefined): string {
  if (hours === null || hours === undefined) return '';
  return `${NUMBER.format(hours)} uur`;
}

export function formatKm(meters: number): string {
  return `${NUMBER.format(meters < 10_000 ? Math.round(meters / 100) / 10 : Math.round(meters / 1000))} km`;
}

/** "1 bouwsteen", "3 bouwstenen" */
export function count(n: number, one: string, many: string): string {
  return `${NUMBER.format(n)} ${n === 1 ? one : many}`;
}

/**
 * A range of two labels of one scale, said once: "mbo niveau 2" and "mbo niveau 4" become
 * "mbo niveau 2–4"; labels that do not share their words but the last stay whole ("… tot …").
 */
export function labelRange(lowest: string, highest: string): string {
  if (lowest === highest) return lowest;
  const cut = lowest.lastIndexOf(' ');
  const stem = lowest.slice(0, cut + 1);
  if (cut > 0 && highest.startsWith(stem) && !highest.slice(stem.length).includes(' '))
    return `${lowest}–${highest.slice(stem.length)}`;
  return `${lowest} tot ${highest}`;
}

/**
 * A mailto link to an address as typed by someone else: encoded, so that "?", "&" or "=" in it
 * cannot add a copy recipient, subject or body to the reply (the "@" stays readable).
 */
export function mailtoHref(address: string): string {
  return `mailto:${encodeURIComponent(address).replace(/%40/g, '@')}`;
}
