import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { SearchParams } from 'meilisearch';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import { DuplicateCheck, DuplicateQuery, MOST_FINDINGS } from '@bouwsteen/assets';
import { EMBEDDER } from './index-settings';
import { SearchDocument, documentFeatures } from './search-document';
import { OutboxRepository } from './outbox.repository';
import { SearchReader } from './search-reader';
import { SimilarFindingsCache } from './similar-findings-cache';
import { SearchUnavailableError } from './search-errors';
import { quote } from './search-filter';
import { dutchAnalyser } from '@bouwsteen/language';
import {
  SIMILARITY_THRESHOLD,
  SemanticSimilarity,
  SimilarityFeatures,
  SimilarityProfile,
  profile,
  queryWords,
  rarityAmong,
  reasonsFor,
  score,
  scoresAtLeast,
} from './similarity';
import { fromStoredProfile, isCurrentProfile } from './stored-profile';
import { SIBLING_LIKENESS, SimilarAsset, groupSiblings } from './similar-findings';

/** The same question as assets' duplicate check asks. */
export type SimilarityQuery = DuplicateQuery & SimilarityFeatures;

const CANDIDATES_PER_QUERY = 10;
/**
 * What scoring and the answer need of a candidate, retrieved with the candidate search: its
 * analysed profile, stored in the index, instead of its texts (analysing a hundred candidates'
 * texts on every check was most of a block page's own work).
 */
const CANDIDATE_FIELDS = [
  'id',
  'kind',
  'title',
  'levels',
  'creboCodes',
  'ppsId',
  'ppsName',
  'similarityProfile',
] as const satisfies readonly (keyof SearchDocument)[];
/** A document indexed before profiles were stored has none until the index is rebuilt. */
type Candidate = Omit<
  Pick<SearchDocument, (typeof CANDIDATE_FIELDS)[number]>,
  'similarityProfile'
> &
  Partial<Pick<SearchDocument, 'similarityProfile'>>;
/** What a profile is made from, for such a document. */
const TEXT_FIELDS = [
  'id',
  'title',
  'summary',
  'learningOutcomes',
  'keywords',
  'levels',
  'creboCodes',
  'body',
] as const satisfies readonly (keyof SearchDocument)[];
type CandidateText = Pick<SearchDocument, (typeof TEXT_FIELDS)[number]>;

/** Queries per multi-search request when many checks run together (a report's overlaps). */
const QUERIES_PER_CALL = 100;
/**
 * The same for an import's checks, which run while Meilisearch indexes a bulk load in large
 * rounds: small enough that one request answers within MEILI_SEARCH_TIMEOUT_MS then (with 100,
 * an import into a 100,000-document registry came back with no findings at all, as when every
 * check is skipped for want of an answer).
 */
const IMPORT_QUERIES_PER_CALL = 25;
/** Single-word queries per check: the words of the title, keywords and summary, longest first. */
const WORD_QUERIES = 10;
const CANDIDATES_PER_WORD = 5;
/** Ids per query when documents without a stored profile have their texts read. */
const IDS_PER_QUERY = 100;

/**
 * Meilisearch reads at most ten words of a query and wants all of them in a document before it
 * drops any, so a text rewritten in other words would share too little with any one query.
 * Candidates therefore come from the title, keywords, summary and each outcome as phrases, plus
 * the most telling words one by one (each expanded by its synonyms and compound parts in
 * Meilisearch itself); scoring then compares stems, parts and thesaurus concepts.
 */
function candidateQueries(query: SimilarityQuery): { q: string; limit: number }[] {
  const phrases = [query.title, query.keywords.join(' '), query.summary, ...query.learningOutcomes]
    .map((text) => queryWords(text).slice(0, 10).join(' '))
    .filter(Boolean)
    .slice(0, 12)
    .map((q) => ({ q, limit: CANDIDATES_PER_QUERY }));
  const single = [
    ...new Set([query.title, ...query.keywords, query.summary].flatMap((text) => queryWords(text))),
  ]
    .filter((word) => word.length > 3)
    .sort((a, b) => b.length - a.length)
    .slice(0, WORD_QUERIES)
    .map((word) => ({ q: dutchAnalyser().expandQuery(word), limit: CANDIDATES_PER_WORD }));
  return [...phrases, ...single];
}

/** The text an embedder compares: what the index's document template gives it. */
function meaningOf(query: SimilarityQuery): string {
  return `${query.title}. ${query.summary}`.slice(0, 2000);
}

/**
 * Finds published assets of other PPS that probably cover the same ground: Meilisearch
 * proposes candidates, then each is scored on shared learning outcomes, keywords, title,
 * summary, level and qualification, so every answer comes with reasons.
 */
@Injectable()
export class SimilarityService implements DuplicateCheck, OnApplicationBootstrap {
  private readonly logger = new Logger(SimilarityService.name);

  constructor(
    private readonly index: SearchReader,
    private readonly outbox: OutboxRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly kept: SimilarFindingsCache,
  ) {}

  /** The word list is read at boot (a few hundred ms), so no one's first check waits for it. */
  onApplicationBootstrap(): void {
    dutchAnalyser();
  }

  /**
   * The one answer to "what is like this?", whichever path asks (the editor, an import row, a
   * funder's proposal, a block page, the API): the same candidate searches and scoring, findings
   * best first; a path that shows fewer shows the first of them.
   */
  async similar(query: SimilarityQuery, limit = MOST_FINDINGS): Promise<SimilarAsset[]> {
    return (await this.similarMany([query], limit))[0];
  }

  /**
   * The answer `similar` gives, kept until the index changes (SimilarFindingsCache): for the
   * question of a stored block, which its page and the API ask again and again.
   */
  similarKept(query: SimilarityQuery, limit = MOST_FINDINGS): Promise<readonly SimilarAsset[]> {
    return this.kept.findings(query, limit, () => this.similar(query, limit));
  }

  /** The Meilisearch requests that propose candidates for one check (also the web benchmark's floor). */
  candidateSearches(query: SimilarityQuery) {
    const filter = [
      ...(query.kind ? [`kind = ${quote(query.kind)}`] : []),
      ...(query.excludePpsId ? [`ppsId != ${quote(query.excludePpsId)}`] : []),
    ];
    const lexical = candidateQueries(query).map(({ q, limit }) => ({
      q,
      filter,
      limit,
      matchingStrategy: 'frequency' as const,
      // The candidates come back with what scoring needs: no second read from PostgreSQL.
      attributesToRetrieve: [...CANDIDATE_FIELDS],
    }));
    if (!this.config.embedder) return lexical;
    // With a model, the texts nearest in meaning are candidates too, whatever their words.
    return [
      ...lexical,
      {
        q: meaningOf(query),
        filter,
        limit: CANDIDATES_PER_QUERY,
        hybrid: { embedder: EMBEDDER, semanticRatio: 1 },
        attributesToRetrieve: [...CANDIDATE_FIELDS],
      },
    ];
  }

  /**
   * Vector similarity of each check's text to each of its candidates, as Meilisearch's ranking
   * score of a purely semantic search limited to those candidates; empty without a model.
   */
  private async semanticScores(
    queries: SimilarityQuery[],
    candidates: string[][],
  ): Promise<Map<string, number>[]> {
    const scores = queries.map(() => new Map<string, number>());
    if (!this.config.embedder) return scores;
    const searches = queries
      .map((query, owner) => ({ owner, ids: candidates[owner] }))
      .filter((item) => item.ids.length > 0)
      .map(({ owner, ids }) => ({
        owner,
        params: {
          q: meaningOf(queries[owner]),
          filter: [`id IN [${ids.map(quote).join(', ')}]`],
          limit: ids.length,
          hybrid: { embedder: EMBEDDER, semanticRatio: 1 },
          showRankingScore: true,
          attributesToRetrieve: ['id'],
        },
      }));
    for (let start = 0; start < searches.length; start += QUERIES_PER_CALL) {
      const batch = searches.slice(start, start + QUERIES_PER_CALL);
      const results = await this.index.searchHits<{ id: string; _rankingScore?: number }>(
        batch.map((item) => item.params),
      );
      results.forEach((hits, position) =>
        hits.forEach((hit) => scores[batch[position].owner].set(hit.id, hit._rankingScore ?? 0)),
      );
    }
    return scores;
  }

  /**
   * Several checks at once (reports): every candidate query goes to Meilisearch in a few
   * multi-search calls, which also return the candidates' fields.
   */
  async similarMany(
    queries: SimilarityQuery[],
    limit = MOST_FINDINGS,
    perCall = QUERIES_PER_CALL,
  ): Promise<SimilarAsset[][]> {
    const flat = queries.flatMap((query, owner) =>
      this.candidateSearches(query).map((params) => ({ owner, params })),
    );
    // Checks of one catalogue share many queries (its words, its keywords): each distinct one is
    // sent once and its hits go to every check that asked it — the same answer, fewer searches.
    const keys = flat.map((item) => JSON.stringify(item.params));
    const distinct = [...new Map(flat.map((item, at) => [keys[at], item.params])).entries()];
    const searching = (async () => {
      const answers = new Map<string, Candidate[]>();
      for (let start = 0; start < distinct.length; start += perCall) {
        const batch = distinct.slice(start, start + perCall);
        const hits = await this.index.searchHits<Candidate>(batch.map(([, params]) => params));
        batch.forEach(([key], position) => answers.set(key, hits[position]));
      }
      return keys.map((key) => answers.get(key)!);
    })();
    // Its failure is met by the await below; this only keeps it from counting as unhandled
    // while the asked texts are analysed.
    searching.catch(() => undefined);
    // The asked texts are analysed while Meilisearch looks for candidates, not after: once the
    // requests are on their way (setImmediate runs after the client's promise chain sent them).
    const askedProfiles = await new Promise<SimilarityProfile[]>((resolve, reject) =>
      setImmediate(() => {
        try {
          resolve(queries.map((query) => profile(query)));
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      }),
    );
    const found = await searching;
    const candidatesOf = queries.map(() => new Set<string>());
    const documents = new Map<string, Candidate>();
    found.forEach((hits, position) =>
      hits.forEach((hit) => {
        candidatesOf[flat[position].owner].add(hit.id);
        documents.set(hit.id, hit);
      }),
    );
    const profiles = await this.candidateProfiles([...documents.values()]);
    const profileOf = (candidate: Candidate) => profiles.get(candidate.id)!;
    const candidateIds = queries.map((query, owner) =>
      [...candidatesOf[owner]].filter((id) => id !== query.excludeAssetId && profiles.has(id)),
    );
    const semantic = await this.semanticScores(queries, candidateIds);
    const embedder = this.config.embedder;
    return queries.map((query, owner) => {
      const asked = askedProfiles[owner];
      const candidates = candidateIds[owner].map((id) => documents.get(id)!);
      const rarity = rarityAmong(candidates.map((candidate) => profileOf(candidate).all));
      const semanticOf = (id: string): SemanticSimilarity | undefined => {
        const similarity = semantic[owner].get(id);
        return embedder && similarity !== undefined
          ? { similarity, weight: embedder.similarityWeight, floor: embedder.similarityFloor }
          : undefined;
      };
      const scored = candidates
        .map((candidate) => ({
          candidate,
          score: score(asked, profileOf(candidate), rarity, semanticOf(candidate.id)),
        }))
        .filter((item) => item.score >= SIMILARITY_THRESHOLD)
        .sort((a, b) => b.score - a.score);
      // Every candidate at or above the threshold is a finding, best first, up to the limit of
      // groups: a near-identical copy by another PPS is listed under the better one.
      const nearIdentical = (first: Candidate, second: Candidate) =>
        scoresAtLeast(profileOf(first), profileOf(second), rarity, SIBLING_LIKENESS);
      // Reasons only for what is kept: explaining every candidate cost as much as scoring it.
      return groupSiblings(scored, nearIdentical, limit).map(({ lead, siblings }) => ({
        id: lead.candidate.id,
        kind: lead.candidate.kind,
        title: lead.candidate.title,
        pps: { id: lead.candidate.ppsId, name: lead.candidate.ppsName },
        score: lead.score,
        reasons: reasonsFor(asked, profileOf(lead.candidate), semanticOf(lead.candidate.id)),
        alsoPublishedBy: siblings.map(({ candidate, score: alsoScore }) => ({
          id: candidate.id,
          title: candidate.title,
          pps: { id: candidate.ppsId, name: candidate.ppsName },
          score: alsoScore,
        })),
      }));
    });
  }

  /**
   * Each candidate's profile, as stored with its document. Documents indexed before profiles
   * were stored, or by an older analysis (until `search:reindex` or `search:drift -- --repair`), have their texts read in
   * one more round trip and analysed here; one that has gone meanwhile is left out.
   */
  private async candidateProfiles(
    candidates: Candidate[],
  ): Promise<Map<string, SimilarityProfile>> {
    const profiles = new Map<string, SimilarityProfile>();
    const unprofiled: string[] = [];
    for (const candidate of candidates)
      if (isCurrentProfile(candidate.similarityProfile))
        profiles.set(
          candidate.id,
          fromStoredProfile(candidate.similarityProfile, candidate.levels, candidate.creboCodes),
        );
      else unprofiled.push(candidate.id);
    const searches: (SearchParams & { q: string; attributesToRetrieve: string[] })[] = [];
    for (let start = 0; start < unprofiled.length; start += IDS_PER_QUERY) {
      const ids = unprofiled.slice(start, start + IDS_PER_QUERY);
      searches.push({
        q: '',
        filter: [`id IN [${ids.map(quote).join(', ')}]`],
        limit: ids.length,
        attributesToRetrieve: [...TEXT_FIELDS],
      });
    }
    for (let start = 0; start < searches.length; start += QUERIES_PER_CALL)
      for (const hits of await this.index.searchHits<CandidateText>(
        searches.slice(start, start + QUERIES_PER_CALL),
      ))
        for (const text of hits) profiles.set(text.id, profile(documentFeatures(text)));
    return profiles;
  }

  similarForText(dto: {
    title: string;
    summary?: string;
    learningOutcomes?: string[];
    keywords?: string[];
    levels?: string[];
    creboCodes?: string[];
    description?: string;
    kind?: string;
    excludePpsId?: string;
  }): Promise<SimilarAsset[]> {
    return this.similar({
      title: dto.title,
      summary: dto.summary ?? '',
      learningOutcomes: dto.learningOutcomes ?? [],
      keywords: dto.keywords ?? [],
      levels: dto.levels ?? [],
      creboCodes: dto.creboCodes ?? [],
      description: dto.description,
      kind: dto.kind,
      excludePpsId: dto.excludePpsId,
    });
  }

  async similarBatch(
    queries: SimilarityQuery[],
  ): Promise<{ checked: boolean; similar: SimilarAsset[][] }> {
    if (queries.length === 0) return { checked: true, similar: [] };
    try {
      return {
        checked: true,
        similar: await this.similarMany(queries, MOST_FINDINGS, IMPORT_QUERIES_PER_CALL),
      };
    } catch (error) {
      if (!(error instanceof SearchUnavailableError)) throw error;
      this.logger.warn(`Import similarity check could not run: ${error.detail}`);
      return { checked: false, similar: queries.map(() => []) };
    }
  }

  indexingBehind(): Promise<boolean> {
    return this.outbox.anyPending();
  }

  /**
   * For write responses: a search outage must never fail the write, so the check is reported as
   * not done (`checked: false`) rather than as an empty answer that reads "nothing like this".
   */
  async similarIfAvailable(
    query: SimilarityQuery,
  ): Promise<{ checked: boolean; similar: SimilarAsset[] }> {
    try {
      return { checked: true, similar: await this.similar(query) };
    } catch (error) {
      if (!(error instanceof SearchUnavailableError)) throw error;
      this.logger.warn(`Similarity check skipped: ${error.detail}`);
      return { checked: false, similar: [] };
    }
  }
}
