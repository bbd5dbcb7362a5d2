import { tokenise } from './normalise';
import { meilisearchSynonyms, readThesaurus } from './thesaurus';

/** The thesaurus is data reviewed like code: these are the rules a change must keep. */
describe('Dutch domain thesaurus (data)', () => {
  const thesaurus = readThesaurus();

  it('is versioned and has groups of at least two terms', () => {
    expect(thesaurus.version).toBeGreaterThanOrEqual(2);
    for (const group of [...thesaurus.equivalent, ...thesaurus.related])
      expect(group.length).toBeGreaterThanOrEqual(2);
  });

  it('names each term in one equivalent group only, so a synonym has one meaning', () => {
    const seen = new Map<string, number>();
    thesaurus.equivalent.forEach((group, index) =>
      group.forEach((term) => {
        expect([term, seen.get(term)]).toEqual([term, undefined]);
        seen.set(term, index);
      }),
    );
  });

  it('writes terms in lower case with words the analyser can read', () => {
    for (const term of thesaurus.equivalent.flat()) {
      expect(term).toBe(term.toLowerCase());
      expect(tokenise(term).length).toBeGreaterThan(0);
    }
  });

  it('gives Meilisearch mutual synonyms', () => {
    const synonyms = meilisearchSynonyms(thesaurus);
    expect(synonyms['mkb']).toEqual(expect.arrayContaining(['kleine bedrijven']));
    expect(synonyms['kleine bedrijven']).toEqual(expect.arrayContaining(['mkb']));
    expect(synonyms['mkb']).not.toContain('mkb');
  });
});
