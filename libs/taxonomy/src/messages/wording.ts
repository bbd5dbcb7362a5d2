import type { FieldValues } from '@bouwsteen/common/pure';
import { KIND_LABELS } from '../label-book';

/** How one code is said in Dutch, from the values the rule gave (which may be missing). */
export type Wording = (values: Readonly<FieldValues>) => string;

/** A catalogue part: code → wording. */
export type Catalogue = Readonly<Record<string, Wording>>;

const NUMBER = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });

/** A number as Dutch readers write it (1.000; 0,25); anything else as it is. */
export function dutchNumber(value: unknown): string {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number)
    ? NUMBER.format(number)
    : String(value ?? '');
}

const EURO = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });

/** An amount in cents as Dutch readers write money: € 1.250,00. */
export function euro(cents: unknown): string {
  const number = Number(cents);
  return Number.isFinite(number) ? EURO.format(number / 100) : String(cents ?? '');
}

/** One kind of building block as a noun in a sentence: "module", "goede praktijk". */
export function kindName(kind: unknown): string {
  const label = KIND_LABELS[String(kind)]?.one;
  return label ? label.toLowerCase() : 'bouwsteen';
}

/** Kinds given as `module, curriculum`: "een module of een curriculum". */
export function kindChoice(kinds: unknown): string {
  const names = String(kinds ?? '')
    .split(',')
    .map((kind) => kind.trim())
    .filter(Boolean)
    .map((kind) => `een ${kindName(kind)}`);
  if (names.length === 0) return 'een andere bouwsteen';
  return names.length === 1
    ? names[0]
    : `${names.slice(0, -1).join(', ')} of ${names[names.length - 1]}`;
}

/** "1 teken" / "3 tekens": a count with its noun in the right number. */
export function counted(count: unknown, one: string, many: string): string {
  return `${dutchNumber(count)} ${Number(count) === 1 ? one : many}`;
}

/** What someone typed, quoted in a sentence: at most 40 characters of it. */
export function quoted(value: unknown): string {
  const text = String(value ?? '');
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
