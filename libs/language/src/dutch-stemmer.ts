import { newStemmer } from 'snowball-stemmers';

const snowball = newStemmer('dutch');
const memo = new Map<string, string>();
/** Distinct words seen in a long run (a full reindex) stay far below this; the cap bounds memory. */
const MEMO_LIMIT = 200_000;

/** Snowball's Dutch stemmer ("wachtwoorden" → "wachtwoord", "beheren" and "beheer" → "beher"). */
export function stemDutch(word: string): string {
  let stem = memo.get(word);
  if (stem === undefined) {
    stem = snowball.stem(word);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(word, stem);
  }
  return stem;
}
