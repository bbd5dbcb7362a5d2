/**
 * Text as the analysers compare it: compatibility-decomposed (so the ligature "ĳ" becomes "ij"),
 * without accents, lower case. Hyphens and punctuation separate words.
 */
export function normalise(text: string): string {
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
