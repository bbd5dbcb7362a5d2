// eslint-disable-next-line no-control-regex -- the whole ASCII range, control characters included
const NON_ASCII = /[^\u0000-\u007f]/;

/**
 * Text as the analysers compare it: compatibility-decomposed (so the ligature "ĳ" becomes "ij"),
 * without accents, lower case. Hyphens and punctuation separate words.
 */
export function normalise(text: string): string {
  // Most text is plain ASCII, which decomposition leaves as it is.
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

export function tokenise(text: string): string[] {
  return normalise(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}
