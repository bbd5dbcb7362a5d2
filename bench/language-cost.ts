/**
 * What Dutch language handling costs (issue 12), measured beside its floor in the same run:
 * - "dit bestaat al" (POST /api/v1/similar) beside the identical candidate multi-search sent
 *   straight to Meilisearch: what scoring, stemming and compound splitting add;
 * - the index with the searchable `terms` field beside the same documents without it: bulk-load
 *   time, database size and direct query latency.
 */
import { CreateAssetDto } from '@bouwsteen/assets';
import { SimilarityService, SimilarityQuery } from '@bouwsteen/search';
import { Stack, bulkLoad } from './stack';
import { Timing, percentile, round, summary, timed } from './timing';

export interface LanguageCost {
  similar: { texts: number; api: Timing; direct: Timing; candidateQueries: number };
  termsField: {
    withTerms: { bulkSeconds: number; databaseMb: number };
    withoutTerms: { bulkSeconds: number; databaseMb: number };
    queries: Record<string, { withTermsP50: number; withoutTermsP50: number }>;
  };
}

function similarQuery(asset: CreateAssetDto): SimilarityQuery {
  return {
    title: asset.title,
    summary: asset.summary ?? '',
    keywords: asset.keywords ?? [],
    levels: asset.levels ?? [],
    learningOutcomes: (asset.module?.learningOutcomes ?? []).map((outcome) => outcome.text),
    creboCodes: [],
    kind: asset.kind,
  };
}

async function usedDatabaseMb(stack: Stack): Promise<number> {
  const stats = (await stack.client.getStats()) as {
    usedDatabaseSize?: number;
    databaseSize: number;
  };
  return round((stats.usedDatabaseSize ?? stats.databaseSize) / 1024 / 1024);
}

/** POST /similar for texts of the corpus, each beside its candidate multi-search, alternately. */
export async function measureSimilar(
  stack: Stack,
  corpus: CreateAssetDto[],
  seconds: number,
): Promise<LanguageCost['similar']> {
  const similarity = stack.app.get(SimilarityService);
  const texts = corpus.slice(0, 50).map(similarQuery);
  const pairs = texts.map((query) => ({
    api: {
      method: 'POST',
      body: JSON.stringify({
        title: query.title,
        summary: query.summary,
        keywords: query.keywords,
        levels: query.levels,
        learningOutcomes: query.learningOutcomes,
        kind: query.kind,
      }),
      headers: { 'content-type': 'application/json' },
    },
    direct: {
      method: 'POST',
      body: JSON.stringify({
        queries: similarity
          .candidateSearches(query)
          .map((params) => ({ indexUid: stack.liveIndex, ...params })),
      }),
      headers: { authorization: `Bearer ${stack.searchKey}`, 'content-type': 'application/json' },
    },
  }));
  const apiUrl = `http://127.0.0.1:${stack.apiPort}/api/v1/similar`;
  const directUrl = `${stack.meiliUrl}/multi-search`;
  const api: number[] = [];
  const direct: number[] = [];
  const run = async (duration: number, keep: boolean) => {
    const end = performance.now() + 2 * duration * 1000;
    for (let n = 0; performance.now() < end; n++) {
      const pair = pairs[n % pairs.length];
      const a = await timed(apiUrl, pair.api);
      const d = await timed(directUrl, pair.direct);
      if (keep) {
        api.push(a);
        direct.push(d);
      }
    }
  };
  await run(2, false); // warm-up: JIT, the word list, connections, Meilisearch's caches
  await run(seconds, true);
  const candidateQueries = round(
    texts.reduce((sum, query) => sum + similarity.candidateSearches(query).length, 0) /
      texts.length,
  );
  return {
    texts: texts.length,
    api: summary(api, seconds),
    direct: summary(direct, seconds),
    candidateQueries,
  };
}

/**
 * The `terms` field's cost: the same documents without it, bulk-loaded into their own index, and
 * the same direct queries against both. Database size is Meilisearch's, read after each load.
 */
export async function measureTermsField(
  stack: Stack,
  documents: { terms: string }[],
  withTermsIndex: string,
  queries: Record<string, object>,
  seconds: number,
): Promise<LanguageCost['termsField']> {
  const before = await usedDatabaseMb(stack);
  const withoutName = `${stack.liveIndex}_noterms`;
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const stripped = documents.map(({ terms, ...rest }) => rest);
  const withoutSeconds = await bulkLoad(stack, withoutName, stripped);
  const withoutMb = round((await usedDatabaseMb(stack)) - before);
  const again = `${stack.liveIndex}_terms`;
  const middle = await usedDatabaseMb(stack);
  const withSeconds = await bulkLoad(stack, again, documents);
  const withMb = round((await usedDatabaseMb(stack)) - middle);
  const result: LanguageCost['termsField']['queries'] = {};
  for (const [name, body] of Object.entries(queries)) {
    const options = (index: string) => ({
      method: 'POST',
      body: JSON.stringify(body),
      headers: { authorization: `Bearer ${stack.searchKey}`, 'content-type': 'application/json' },
      url: `${stack.meiliUrl}/indexes/${index}/search`,
    });
    const withTimes: number[] = [];
    const withoutTimes: number[] = [];
    const end = performance.now() + seconds * 1000;
    while (performance.now() < end) {
      const a = options(withTermsIndex);
      const b = options(withoutName);
      withTimes.push(await timed(a.url, a));
      withoutTimes.push(await timed(b.url, b));
    }
    result[name] = {
      withTermsP50: round(
        percentile(
          withTimes.filter((t) => t >= 0),
          50,
        ),
        2,
      ),
      withoutTermsP50: round(
        percentile(
          withoutTimes.filter((t) => t >= 0),
          50,
        ),
        2,
      ),
    };
  }
  for (const name of [withoutName, again]) await stack.client.deleteIndex(name).waitTask();
  return {
    withTerms: { bulkSeconds: round(withSeconds), databaseMb: withMb },
    withoutTerms: { bulkSeconds: round(withoutSeconds), databaseMb: withoutMb },
    queries: result,
  };
}
