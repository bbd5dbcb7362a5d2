import { FieldCode } from './messages/field-codes';

/** What is wrong with an amount: a code and its values; the message catalogue words it. */
export interface AmountProblem {
  code:
    | typeof FieldCode.NotAnAmount
    | typeof FieldCode.AmbiguousAmount
    | typeof FieldCode.SubCentAmount
    | typeof FieldCode.NegativeAmount
    | typeof FieldCode.AmountTooLarge;
  values?: Record<string, string>;
}

export type EuroReading = { cents: number } | { problem: AmountProblem };

/** An amount taken apart: whole euros and the digits after the decimal separator. */
type Parts = { whole: string; fraction: string } | { problem: AmountProblem };

/** "€", "EUR" or "euro(s)" before or after the amount (spaces are gone by then). */
const PREFIX = /^(?:€|eur(?:os?)?)/i;
const SUFFIX = /(?:€|eur(?:os?)?)$/i;
/** Whole euros as a shop writes them: "12,-", "1.250,--". */
const WHOLE = /^(.*)([.,])-{1,2}$/;
/** More digits than an amount has (the API's maximum is far below): refused, not rounded. */
const MAX_DIGITS = 15;

const NOT_AN_AMOUNT: AmountProblem = { code: FieldCode.NotAnAmount };
const SUB_CENT: AmountProblem = { code: FieldCode.SubCentAmount };
const NEGATIVE: AmountProblem = { code: FieldCode.NegativeAmount };
/** More digits than any amount has: too large, whatever the maximum (never rounded). */
const TOO_MANY_DIGITS: AmountProblem = { code: FieldCode.AmountTooLarge };

/**
 * A spreadsheet cell in euros as whole cents, the way people write amounts: "12,50", "12.50",
 * "€ 12,50", "1.250,00", "1,250.00", "12,-", "395". One separator followed by exactly three
 * digits ("1.250", "1,250") could be a thousands separator or a decimal one: such a value is
 * not guessed at but reported, with both readings. A number cell of a workbook (`numeric`)
 * holds no separators but its decimal point, so it is read as the number it is.
 */
export function readEuros(cell: string, numeric = false, maxCents = Infinity): EuroReading {
  const reading = amountOf(cell, numeric);
  const tooLarge =
    ('cents' in reading && reading.cents > maxCents) ||
    ('problem' in reading && reading.problem === TOO_MANY_DIGITS);
  if (tooLarge)
    return {
      problem: {
        code: FieldCode.AmountTooLarge,
        values: Number.isFinite(maxCents) ? { max: dutchEuros(maxCents) } : undefined,
      },
    };
  return reading;
}

function amountOf(cell: string, numeric: boolean): EuroReading {
  let text = cell.replace(/\s/g, '');
  if (numeric) return fromNumber(Number(text));
  text = text.replace(PREFIX, '');
  const negative = text.startsWith('-');
  if (negative) text = text.slice(1).replace(PREFIX, '');
  text = text.replace(SUFFIX, '');
  if (!/^\d[\d.,]*(?:[.,]-{1,2})?$/.test(text)) return { problem: NOT_AN_AMOUNT };
  const shop = WHOLE.exec(text);
  const parts = shop ? wholeEuros(shop[1], shop[2]) : splitAmount(text);
  if ('problem' in parts) return parts;
  const { whole, fraction } = parts;
  if (whole.replace(/^0+(?=\d)/, '').length > MAX_DIGITS) return { problem: TOO_MANY_DIGITS };
  if (/[1-9]/.test(fraction.slice(2))) return { problem: SUB_CENT };
  if (negative) return { problem: NEGATIVE };
  return { cents: Number(whole) * 100 + Number(fraction.slice(0, 2).padEnd(2, '0')) };
}

/** "1.250" before ",-": the decimal separator is known, so the other one groups thousands. */
function wholeEuros(text: string, decimal: string): Parts {
  if (text.includes(decimal)) return { problem: NOT_AN_AMOUNT };
  const whole = /^\d+$/.test(text) ? text : grouping(text, decimal === '.' ? ',' : '.');
  return whole === undefined ? { problem: NOT_AN_AMOUNT } : { whole, fraction: '' };
}

/** The whole euros and the digits after the decimal separator, or why there are none. */
function splitAmount(amount: string): Parts {
  const dots = amount.split('.').length - 1;
  const commas = amount.split(',').length - 1;
  if (dots === 0 && commas === 0) return { whole: amount, fraction: '' };
  if (dots > 0 && commas > 0) {
    // Both: the last is the decimal separator, the other groups thousands before it.
    const decimal = amount.lastIndexOf('.') > amount.lastIndexOf(',') ? '.' : ',';
    const [whole, fraction, ...rest] = amount.split(decimal);
    if (rest.length > 0 || fraction === '') return { problem: NOT_AN_AMOUNT };
    const grouped = grouping(whole, decimal === '.' ? ',' : '.');
    return grouped === undefined ? { problem: NOT_AN_AMOUNT } : { whole: grouped, fraction };
  }
  const separator = dots > 0 ? '.' : ',';
  if (dots + commas > 1) {
    // The same separator more than once groups thousands ("1.250.000").
    const grouped = grouping(amount, separator);
    return grouped === undefined ? { problem: NOT_AN_AMOUNT } : { whole: grouped, fraction: '' };
  }
  const [whole, fraction] = amount.split(separator);
  if (fraction === '') return { problem: NOT_AN_AMOUNT };
  // "1.250" is € 1.250,00 to one person and € 1,25 to another; "0,125" is only a decimal.
  if (fraction.length === 3 && whole.length <= 3 && !whole.startsWith('0')) {
    const thousands = `${whole}${fraction}`;
    return {
      problem: {
        code: FieldCode.AmbiguousAmount,
        values: { found: amount, thousands, asEuros: dutchEuros(Number(thousands) * 100) },
      },
    };
  }
  return { whole, fraction };
}

/** Digits grouped by threes with `separator` ("1.250.000"), without it; undefined if not so. */
function grouping(text: string, separator: string): string | undefined {
  const [first, ...groups] = text.split(separator);
  if (!/^\d{1,3}$/.test(first) || !groups.every((group) => /^\d{3}$/.test(group))) return undefined;
  return [first, ...groups].join('');
}

function fromNumber(value: number): EuroReading {
  if (!Number.isFinite(value)) return { problem: NOT_AN_AMOUNT };
  if (Math.abs(value) >= 10 ** MAX_DIGITS) return { problem: TOO_MANY_DIGITS };
  if (value < 0) return { problem: NEGATIVE };
  const cents = value * 100;
  const whole = Math.round(cents);
  // A number a spreadsheet computed (19.99 * 3) carries binary noise far below a cent.
  if (Math.abs(cents - whole) > 1e-6) return { problem: SUB_CENT };
  return { cents: whole };
}

/** Cents as a spreadsheet holds them: a number of euros (a workbook formats it; CSV writes it). */
export function centsAsEuros(cents: number): number {
  return cents / 100;
}

/** "€ 1.250,00": cents as a Dutch reader writes them. */
export function dutchEuros(cents: number): string {
  const negative = cents < 0;
  const whole = Math.floor(Math.abs(cents) / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const fraction = String(Math.abs(cents) % 100).padStart(2, '0');
  return `€ ${negative ? '-' : ''}${whole},${fraction}`;
}
