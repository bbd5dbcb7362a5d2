import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Text, Topic, Variant, calibrationSet, recordBody } from '../bench/similar-eval-records';
import { moduleBody } from './harness/fixtures';
import { TestApp, TestUser, createTestApp } from './harness/test-app';

/** The calibration set, published and asked as bench:similar-eval does (one home for both). */
const topics = calibrationSet();
const body = recordBody;

function question(topic: Topic, variant: Variant) {
  const text = topic.a;
  const full = variant === 'full';
  return {
    title: text.title,
    summary: text.summary,
    kind: topic.kind,
    ...(full
      ? {
          keywords: text.keywords,
          levels: text.levels,
          learningOutcomes: text.outcomes ?? [],
          description: text.description,
        }
      : {}),
  };
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};

/**
 * "Dit bestaat al" on texts rewritten in other words: 40 building blocks across the four kinds
 * each have a twin by another PPS (other title, few shared words: must be found) and a near miss
 * (same field or same words, other content: must not). Measured at top 3 for the title and
 * summary alone, and for full records; the figures go to test-results/ and README.
 */
/**
 * Asserted: the twin is in the top 3 (recall) and is the first finding. Precision at top 3 is
 * reported, not asserted: since every candidate from the threshold is a finding (no "within 80 %
 * of the best" cut), an answer also lists the neighbours below the twin, and precision at 3 fell
 * from 0.95 / 1.00 to about 0.73 / 0.57 (bench/README.md).
 */
describe.each<[Variant, { first: number; recall: number }]>([
  ['title-summary', { first: 0.9, recall: 0.9 }],
  ['full', { first: 0.95, recall: 0.95 }],
])('similar assets on paraphrased twins (e2e, %s)', (variant, floor) => {
  let t: TestApp;
  let other: TestUser;
  const twinIds: string[] = [];
  const nearMissIds = new Set<string>();

  beforeAll(async () => {
    t = await createTestApp({ isolated: true });
    await t.startWorker();
    const otherPps = await t.ppsId('House of Digital');
    other = await t.user('pps-editor', [otherPps]);
    const moduleId = (await t.publish(other, moduleBody(otherPps))).id;
    // Eight topics at a time (one after the other, this setup took most of the suite's time).
    const publish = async (kind: Topic['kind'], text: Text) =>
      (await t.publish(other, body(kind, otherPps, text, variant, moduleId))).id;
    for (let start = 0; start < topics.length; start += 8) {
      const batch = await Promise.all(
        topics
          .slice(start, start + 8)
          .map((topic) =>
            Promise.all([publish(topic.kind, topic.twin), publish(topic.kind, topic.nearMiss)]),
          ),
      );
      for (const [twin, nearMiss] of batch) {
        twinIds.push(twin);
        nearMissIds.add(nearMiss);
      }
    }
    await t.indexed(60_000);
  }, 240_000);
  afterAll(() => t.close());

  it('finds the twin at top 3, as the first finding (near misses shown are reported)', async () => {
    let retrieved = 0;
    let found = 0;
    let nearMisses = 0;
    let first = 0;
    const twinScores: number[] = [];
    const otherScores: number[] = [];
    const misses: string[] = [];
    for (const [index, topic] of topics.entries()) {
      const response = await t
        .http()
        .post('/api/v1/similar')
        .send(question(topic, variant))
        .expect(200);
      const top3 = (response.body as { id: string; score: number }[]).slice(0, 3);
      retrieved += top3.length;
      for (const hit of top3) {
        if (hit.id === twinIds[index]) twinScores.push(hit.score);
        else otherScores.push(hit.score);
        if (nearMissIds.has(hit.id)) nearMisses++;
      }
      if (top3[0]?.id === twinIds[index]) first++;
      if (top3.some((hit) => hit.id === twinIds[index])) found++;
      else misses.push(`${topic.kind}: ${topic.a.title}`);
    }
    const precision = retrieved === 0 ? 0 : found / retrieved;
    const recall = found / topics.length;
    const figures = {
      variant,
      pairs: topics.length,
      retrieved,
      found,
      nearMissesShown: nearMisses,
      precisionAt3: Number(precision.toFixed(3)),
      recallAt3: Number(recall.toFixed(3)),
      twinFirst: Number((first / topics.length).toFixed(3)),
      twinScore: {
        min: Math.min(...twinScores),
        p50: quantile(twinScores, 0.5),
        max: Math.max(...twinScores),
      },
      otherScore: otherScores.length
        ? {
            min: Math.min(...otherScores),
            p50: quantile(otherScores, 0.5),
            max: Math.max(...otherScores),
          }
        : null,
      missed: misses,
    };
    mkdirSync('test-results', { recursive: true });
    writeFileSync(
      join('test-results', `paraphrase-twins-${variant}.json`),
      JSON.stringify(figures, null, 2),
    );
    console.log(`paraphrase twins (${variant}): ${JSON.stringify(figures)}`);
    expect(topics.length).toBeGreaterThanOrEqual(40);
    expect(new Set(topics.map((topic) => topic.kind)).size).toBe(4);
    expect(first / topics.length).toBeGreaterThanOrEqual(floor.first);
    expect(recall).toBeGreaterThanOrEqual(floor.recall);
  });

  it('flags a rewritten twin from its title and summary alone, with reasons in words', async () => {
    const topic = topics[0];
    const response = await t
      .http()
      .post('/api/v1/similar')
      .send({ title: topic.a.title, summary: topic.a.summary })
      .expect(200);
    expect(response.body[0].id).toBe(twinIds[0]);
    const types = response.body[0].reasons.map((reason: { type: string }) => reason.type);
    expect(types).toEqual(expect.arrayContaining(['synonyms']));
    const synonyms = response.body[0].reasons.find(
      (reason: { type: string }) => reason.type === 'synonyms',
    );
    expect(synonyms.terms).toEqual(expect.arrayContaining(['mkb = kleine bedrijven']));
  });
});
