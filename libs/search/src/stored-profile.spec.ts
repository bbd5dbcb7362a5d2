import { readFileSync } from 'node:fs';
import { SimilarityFeatures, compare, profile, rarityAmong } from './similarity';
import {
  PROFILE_VERSION,
  fromStoredProfile,
  isCurrentProfile,
  toStoredProfile,
} from './stored-profile';

interface Text {
  title: string;
  summary: string;
  keywords?: string[];
  learningOutcomes?: string[];
  description?: string;
}
const { topics } = JSON.parse(readFileSync('test/fixtures/paraphrase-twins-nl.json', 'utf8')) as {
  topics: { a: Text; twin: Text; nearMiss: Text }[];
};
const features = (record: Text): SimilarityFeatures => ({
  title: record.title,
  summary: record.summary,
  keywords: record.keywords ?? [],
  learningOutcomes: record.learningOutcomes ?? [],
  levels: ['mbo-3'],
  creboCodes: ['25180'],
  description: record.description,
});
/** As the index hands it back: JSON. */
const stored = (record: Text) =>
  fromStoredProfile(
    JSON.parse(JSON.stringify(toStoredProfile(profile(features(record))))),
    ['mbo-3'],
    ['25180'],
  );

describe('a profile stored in the index', () => {
  const records = topics.flatMap((topic) => [topic.a, topic.twin, topic.nearMiss]);

  it('says which analysis made it, and only a current one is trusted', () => {
    const made = toStoredProfile(profile(features(records[0])));
    expect(made.version).toBe(PROFILE_VERSION);
    expect(isCurrentProfile(made)).toBe(true);
    expect(isCurrentProfile({ ...made, version: PROFILE_VERSION - 1 })).toBe(false);
    expect(isCurrentProfile({ ...made, version: undefined })).toBe(false);
    expect(isCurrentProfile(undefined)).toBe(false);
  });

  it('gives back every bag as analysing the text again does, term for term and in order', () => {
    for (const record of records) {
      const fresh = profile(features(record));
      const back = stored(record);
      for (const bag of ['all', 'title', 'outcomes', 'keywords'] as const)
        expect([...back[bag]]).toEqual([...fresh[bag]]);
      expect(back.levels).toEqual(fresh.levels);
      expect(back.creboCodes).toEqual(fresh.creboCodes);
    }
  });

  it('scores and explains as the text does', () => {
    const pool = records.map((record) => stored(record));
    const rarity = rarityAmong(pool.map((candidate) => candidate.all));
    for (const topic of topics) {
      const asked = profile(features(topic.a));
      for (const candidate of [topic.twin, topic.nearMiss])
        expect(compare(asked, stored(candidate), rarity)).toEqual(
          compare(asked, profile(features(candidate)), rarity),
        );
    }
  });

  it('holds each term once, however many bags it is in', () => {
    const kept = toStoredProfile(profile(features(topics[0].a)));
    const keys = kept.terms.map((term) => term.join('|'));
    expect(new Set(keys).size).toBe(keys.length);
    expect(kept.all.length).toBeLessThanOrEqual(kept.terms.length);
    expect(kept.title.every((at) => at < kept.terms.length)).toBe(true);
  });
});
