/** What the DTO's rules allow for one field, as class-validator's metadata holds them. */
export interface FieldLimits {
  /** Characters of a text (of each text, for a list of texts). */
  minLength?: number;
  maxLength?: number;
  /** Entries of a list. */
  minSize?: number;
  maxSize?: number;
  /** A number's bounds, both included. */
  min?: number;
  max?: number;
}

const WORDS = [
  'nul',
  'één',
  'twee',
  'drie',
  'vier',
  'vijf',
  'zes',
  'zeven',
  'acht',
  'negen',
  'tien',
  'elf',
  'twaalf',
  'dertien',
  'veertien',
  'vijftien',
  'zestien',
  'zeventien',
  'achttien',
  'negentien',
  'twintig',
];

/**
 * A number as Dutch writes it: a decimal comma, and a point between the thousands from 10.000 on
 * (the Taalunie leaves four digits together: 2000 tekens). Intl's nl-NL groups 2.000 as well.
 */
export function dutchNumber(value: number): string {
  const [whole, fraction] = String(Math.abs(value)).split('.');
  const grouped = whole.length > 4 ? whole.replace(/\B(?=(\d{3})+$)/g, '.') : whole;
  return `${value < 0 ? '-' : ''}${grouped}${fraction ? `,${fraction}` : ''}`;
}

/** How many entries, in running text: words up to twenty ("hoogstens vijf"), digits above. */
export function dutchCount(value: number): string {
  return Number.isInteger(value) && value >= 0 && value < WORDS.length
    ? WORDS[value]
    : dutchNumber(value);
}

/** "minstens 3 en hoogstens 200", "hoogstens 20", "" — a lower bound of 1 goes unsaid for texts. */
function bounds(
  min: number | undefined,
  max: number | undefined,
  say: (value: number) => string,
): string {
  const low = min !== undefined ? `minstens ${say(min)}` : '';
  const high = max !== undefined ? `hoogstens ${say(max)}` : '';
  return [low, high].filter(Boolean).join(' en ');
}

/**
 * The limits of a field as a Dutch sentence for its help text ("Minstens 3 en hoogstens 200
 * tekens.", "Hoogstens vijf, elk hoogstens 60 tekens."), or "" when it has none. Written from
 * the limits themselves, so help never restates a number the DTO may change.
 */
export function limitsSentence(limits: FieldLimits, list: boolean): string {
  // A text of at least one character is just "not empty": saying so adds nothing.
  const minLength =
    limits.minLength !== undefined && limits.minLength > 1 ? limits.minLength : undefined;
  const characters = bounds(minLength, limits.maxLength, dutchNumber);
  const text = characters ? `${characters} tekens` : '';
  const numbers = bounds(limits.min, limits.max, dutchNumber);
  const parts = list
    ? [bounds(limits.minSize, limits.maxSize, dutchCount), text && `elk ${text}`]
    : [text, numbers];
  const sentence = parts.filter(Boolean).join(', ');
  return sentence ? `${sentence[0].toUpperCase()}${sentence.slice(1)}.` : '';
}
