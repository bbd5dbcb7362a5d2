import { readFileSync } from 'node:fs';
import { dutchAnalyser } from '@bouwsteen/language';
import {
  GENERIC,
  SIMILARITY_THRESHOLD,
  SimilarityFeatures,
  compare,
  profile,
  rarityAmong,
  reasonsFor,
  score,
  scoresAtLeast,
} from './similarity';

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

describe('a profile', () => {
  it("holds in 'all' exactly what analysing every text at once gives (surfaces included)", () => {
    const analyser = dutchAnalyser();
    for (const topic of topics)
      for (const record of [topic.a, topic.twin, topic.nearMiss]) {
        const features = {
          title: record.title,
          summary: record.summary,
          keywords: record.keywords ?? [],
          learningOutcomes: record.learningOutcomes ?? [],
          levels: [],
          creboCodes: [],
          description: record.description,
        };
        const once = analyser.analyse(
          [
            features.title,
            features.summary,
            ...features.keywords,
            ...features.learningOutcomes,
            features.description ?? '',
          ],
          GENERIC,
        );
        expect([...profile(features).all]).toEqual([...once]);
      }
  });
});

const text = (title: string, summary = ''): SimilarityFeatures => ({
  title,
  summary,
  learningOutcomes: [],
  keywords: [],
  levels: [],
  creboCodes: [],
});

describe('similarity score', () => {
  it('is 1 for the same text and 0 for texts that share nothing', () => {
    const same = text('Veilig werken met cobots', 'Risicoanalyse van een cobot-werkplek.');
    expect(compare(same, same).score).toBe(1);
    expect(
      compare(same, text('Bloemschikken', 'Boeketten binden voor de bloemenwinkel.')).score,
    ).toBe(0);
  });

  it('renormalises over the parts both texts have: a title and summary alone can pass', () => {
    const [first] = topics;
    const { score, reasons } = compare(
      text(first.a.title, first.a.summary),
      text(first.twin.title, first.twin.summary),
    );
    expect(score).toBeGreaterThanOrEqual(SIMILARITY_THRESHOLD);
    expect(reasons.find((reason) => reason.type === 'synonyms')?.terms).toEqual(
      expect.arrayContaining(['mkb = kleine bedrijven']),
    );
  });

  it('counts levels and qualifications only when both texts give them', () => {
    const bare = text('Heftruck rijden', 'Veilig heftruck rijden in het magazijn.');
    const withLevel = { ...bare, levels: ['mbo-2'] };
    expect(compare(bare, withLevel).score).toBe(1);
    expect(compare(withLevel, { ...bare, levels: ['mbo-4'] }).score).toBeLessThan(1);
  });

  it('weighs a term most candidates share less than one only the twin shares', () => {
    const asked = profile(text('Warmtepomp storingen zoeken', 'Foutdiagnose aan warmtepompen.'));
    const twin = profile(text('Warmtepomp service', 'Defecten opsporen bij warmtepompen.'));
    const neighbours = [1, 2, 3].map(() =>
      profile(text('Warmtepomp plaatsen', 'Warmtepompen installeren.')),
    );
    const rarity = rarityAmong([twin, ...neighbours].map((candidate) => candidate.all));
    const plain = compare(asked, neighbours[0]).score;
    const weighted = compare(asked, neighbours[0], rarity).score;
    expect(weighted).toBeLessThan(plain);
    expect(compare(asked, twin, rarity).score).toBeGreaterThan(weighted);
  });

  it('explains compounds that share a part', () => {
    const { reasons } = compare(
      text('Wachtwoordbeheer voor kantoren'),
      text('Sterke wachtwoorden op kantoor'),
    );
    expect(reasons.map((reason) => reason.type)).toEqual(expect.arrayContaining(['compounds']));
  });
});

describe('scoring apart from explaining', () => {
  const features = (record: Text): SimilarityFeatures => ({
    title: record.title,
    summary: record.summary,
    keywords: record.keywords ?? [],
    learningOutcomes: record.learningOutcomes ?? [],
    levels: [],
    creboCodes: [],
    description: record.description,
  });

  it('gives the score and reasons compare gives, under a rarity measured once per pool', () => {
    const pool = topics.flatMap((topic) => [topic.twin, topic.nearMiss]).map(features);
    const profiles = pool.map((record) => profile(record));
    const rarity = rarityAmong(profiles.map((candidate) => candidate.all));
    for (const topic of topics.slice(0, 10)) {
      const asked = profile(features(topic.a));
      for (const candidate of profiles) {
        const both = compare(asked, candidate, rarity);
        expect(score(asked, candidate, rarity)).toBe(both.score);
        expect(reasonsFor(asked, candidate)).toEqual(both.reasons);
      }
    }
  });

  // Cosine walks the smaller bag: which of two texts comes first must not change a score.
  it('is the same whichever of two texts comes first, under a shared rarity', () => {
    const profiles = topics.flatMap((topic) =>
      [topic.a, topic.twin, topic.nearMiss].map((item) => profile(features(item))),
    );
    const rarity = rarityAmong(profiles.map((item) => item.all));
    for (let at = 0; at + 1 < profiles.length; at++)
      for (const other of [profiles[at + 1], profiles[(at * 7) % profiles.length]])
        expect(score(other, profiles[at], rarity)).toBe(score(profiles[at], other, rarity));
  });

  it('measures the same bag anew under another rarity (a bag is in many checks)', () => {
    const asked = profile(text('Warmtepomp storingen zoeken', 'Foutdiagnose aan warmtepompen.'));
    const other = profile(text('Warmtepomp plaatsen', 'Warmtepompen installeren.'));
    const common = rarityAmong([other.all, other.all, other.all]);
    const rare = rarityAmong([profile(text('Bloemschikken')).all]);
    const first = score(asked, other, common);
    const second = score(asked, other, rare);
    // Each pool's answer is its own, whatever pool measured the bags before.
    expect(score(asked, other, common)).toBe(first);
    expect(second).not.toBe(first);
    expect(score(asked, other, rarityAmong([profile(text('Bloemschikken')).all]))).toBe(second);
  });

  it('says a pair reaches a score exactly when score says so, whatever the bound', () => {
    const profiles = topics.flatMap((topic) =>
      [topic.a, topic.twin, topic.nearMiss].map((item) => profile(features(item))),
    );
    const rarity = rarityAmong(profiles.map((item) => item.all));
    let reached = 0;
    for (let at = 0; at < profiles.length; at++)
      for (const other of [
        profiles[(at + 1) % profiles.length],
        profiles[(at * 5) % profiles.length],
      ])
        for (const minimum of [0.12, 0.3, 0.5, 0.7, 0.9]) {
          const expected = score(profiles[at], other, rarity) >= minimum;
          expect(scoresAtLeast(profiles[at], other, rarity, minimum)).toBe(expected);
          if (expected) reached++;
        }
    // Both answers occur: the bound is tried on pairs on either side of it.
    expect(reached).toBeGreaterThan(20);
  });
});
