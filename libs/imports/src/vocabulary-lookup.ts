import type { Term, Vocabulary } from '@bouwsteen/taxonomy/pure';

/**
 * Codes and labels both name a term: "mbo-3" and "mbo niveau 3" are the same level. Codes win
 * when a text is both; comparison ignores case and surrounding spaces.
 */
export class VocabularyLookup {
  private readonly byText = new Map<string, Map<string, string>>();

  constructor(private readonly vocabularies: Map<string, Map<string, Term>>) {
    for (const [name, terms] of vocabularies) {
      const texts = new Map<string, string>();
      for (const term of terms.values()) {
        for (const text of [term.labelEn, term.label]) if (text) texts.set(key(text), term.code);
      }
      for (const term of terms.values()) texts.set(key(term.code), term.code);
      this.byText.set(name, texts);
    }
  }

  code(vocabulary: Vocabulary, text: string): string | undefined {
    return this.byText.get(vocabulary)?.get(key(text));
  }

  label(vocabulary: Vocabulary, code: string): string {
    return this.vocabularies.get(vocabulary)?.get(code)?.label ?? code;
  }

  labels(vocabulary: Vocabulary): string[] {
    return [...(this.vocabularies.get(vocabulary)?.values() ?? [])].map((term) => term.label);
  }
}

/** A fixed choice (kind, link type, unit) by code or label. */
export function choiceCode(choices: Record<string, string>, text: string): string | undefined {
  const wanted = key(text);
  for (const [code, label] of Object.entries(choices))
    if (key(code) === wanted || key(label) === wanted) return code;
  return undefined;
}

function key(text: string): string {
  return text.trim().toLowerCase();
}
