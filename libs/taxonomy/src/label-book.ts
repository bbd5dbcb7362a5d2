import { Term, Vocabulary } from './vocabulary';

/** The four kinds of building block, as people call them (kinds are not a vocabulary). */
export const KIND_LABELS: Record<string, { one: string; many: string }> = {
  curriculum: { one: 'Curriculum', many: 'Curricula' },
  module: { one: 'Module', many: 'Modules' },
  infrastructure: { one: 'Praktijkomgeving', many: 'Praktijkomgevingen' },
  practice: { one: 'Goede praktijk', many: 'Goede praktijken' },
};

export const KIND_ORDER = ['module', 'curriculum', 'infrastructure', 'practice'] as const;

/**
 * Labels for codes, from the taxonomy: codes never reach the screen. A code the taxonomy does
 * not know (it was removed after the asset was written) is shown as it is rather than hidden.
 */
export class LabelBook {
  constructor(private readonly vocabularies: Map<string, Map<string, Term>>) {}

  label(vocabulary: Vocabulary, code: string | number | null | undefined): string {
    if (code === null || code === undefined || code === '') return '';
    return this.vocabularies.get(vocabulary)?.get(String(code))?.label ?? String(code);
  }

  labels(vocabulary: Vocabulary, codes: readonly (string | number)[] | null | undefined): string[] {
    return (codes ?? []).map((code) => this.label(vocabulary, code));
  }

  term(vocabulary: Vocabulary, code: string): Term | undefined {
    return this.vocabularies.get(vocabulary)?.get(code);
  }

  /** The vocabulary in its stored order (the order people know from the taxonomy document). */
  terms(vocabulary: Vocabulary): Term[] {
    return [...(this.vocabularies.get(vocabulary)?.values() ?? [])];
  }

  kind(kind: string): string {
    return KIND_LABELS[kind]?.one ?? kind;
  }
}
