import { ValidateBy, ValidationArguments, ValidationOptions } from 'class-validator';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real day on the calendar as YYYY-MM-DD (2027-02-30 is not), between 1900 and 2199. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  if (year < 1900 || year > 2199) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value) => isCalendarDate(value),
        defaultMessage: () => 'must be an existing date written as YYYY-MM-DD (1900–2199)',
      },
    },
    options,
  );
}

/**
 * The end of a range may not lie before its start (`property` names the start on the same
 * object). Compared as YYYY-MM-DD text, which sorts like the dates; skipped while either is absent.
 */
export function IsNotBefore(property: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isNotBefore',
      constraints: [property],
      validator: {
        validate: (value, args?: ValidationArguments) => {
          const start = (args?.object as Record<string, unknown>)[property];
          if (!isCalendarDate(value) || !isCalendarDate(start)) return true;
          return value >= start;
        },
        defaultMessage: (args?: ValidationArguments) =>
          `must not be before ${args?.constraints[0]}`,
      },
    },
    options,
  );
}

/** The calendar date (YYYY-MM-DD) it is at `now` in the Netherlands, where every PPS works. */
export function dutchToday(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
