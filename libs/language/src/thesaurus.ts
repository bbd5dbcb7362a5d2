import { readFileSync } from 'node:fs';
import { projectPath } from '@bouwsteen/common/pure';

export interface ThesaurusFile {
  version: number;
  extraWords: string[];
  /** Terms that mean the same: Meilisearch synonyms and a shared concept in similarity. */
  equivalent: string[][];
  /** Terms that are close but not the same: similarity only, at a lower weight. */
  related: string[][];
}

export function readThesaurus(): ThesaurusFile {
  const path = projectPath('libs', 'language', 'data', 'thesaurus-nl.json');
  return JSON.parse(readFileSync(path, 'utf8')) as ThesaurusFile;
}

export function readStopWords(): string[] {
  const path = projectPath('libs', 'language', 'data', 'stop-words-nl.json');
  return (JSON.parse(readFileSync(path, 'utf8')) as { words: string[] }).words;
}

/**
 * Meilisearch synonyms from the equivalent groups: every term finds all others of its groups
 * (Meilisearch synonyms are one-directional, so each direction is listed).
 */
export function meilisearchSynonyms(thesaurus: ThesaurusFile): Record<string, string[]> {
  const result: Record<string, Set<string>> = {};
  for (const group of thesaurus.equivalent)
    for (const term of group) {
      result[term] ??= new Set();
      for (const other of group) if (other !== term) result[term].add(other);
    }
  return Object.fromEntries(Object.entries(result).map(([term, others]) => [term, [...others]]));
}
