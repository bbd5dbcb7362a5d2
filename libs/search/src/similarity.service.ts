import { Injectable, Logger } from '@nestjs/common';
import { DuplicateCheck, DuplicateQuery } from '@bouwsteen/assets';
import { SearchDocument } from './search-document';
import { SearchReader } from './search-reader';
import { SearchUnavailableError } from './search-errors';
import { quote } from './search-filter';
import { Reason, SimilarityFeatures, compare, profile, words } from './similarity';

/** The same question as assets' duplicate check asks. */
export type SimilarityQuery = DuplicateQuery & SimilarityFeatures;

export interface SimilarAsset {
  id: string;
  kind: string;
  title: string;
  pps: { id: string; name: string };
  score: number;
  reasons: Reason[];
}

/** Below this a candidate shares too little to be called "likely the same". */
export const SIMILARITY_THRESHOLD = 0.25;
const CANDIDATES_PER_QUERY = 10;
/** What scoring and the answer need of a candidate, retrieved with the candidate search. */
const CANDIDATE_FIELDS = [
  'id',
  'kind',
  'title',
  'summary',
  'learningOutcomes',
  'keywords',
  'levels',
  'creboCodes',
  'ppsId',
  'ppsName',
] as const satisfies readonly (keyof SearchDocument)[];
type Candidate = Pick<SearchDocument, (typeof CANDIDATE_FIELDS)[number]>;

/** Queries per multi-search request when many checks run together. */
const QUERIES_PER_CALL = 100;

/**
 * Meilisearch reads at most ten words of a query, so candidates come from several short queries
 * (title, keywords, summary, each outcome) run together; scoring then uses stems.
 */
function candidateQueries(query: SimilarityQuery): string[] {
  return [query.title, query.keywords.join(' '), query.summary, ...query.learningOutcomes]
    .map((text) => words(text).slice(0, 10).join(' '))
    .filter(Boolean)
    .slice(0, 12);
}

/**
 * Finds published assets of other PPS that probably cover the same ground: Meilisearch
 * proposes candidates, then each is scored on shared learning outcomes, keywords, title,
 * summary, level and qualification, so every answer comes with reasons.
 */
@Injectable()
export class SimilarityService implements DuplicateCheck {
  private readonly logger = new Logger(SimilarityService.name);

  constructor(private readonly index: SearchReader) {}

  async similar(query: SimilarityQuery, limit = 5): Promise<SimilarAsset[]> {
    return (await this.similarMany([query], limit))[0];
  }

  /** The Meilisearch requests that propose candidates for one check (also the web benchmark's floor). */
  candidateSearches(query: SimilarityQuery) {
    return candidateQueries(query).map((q) => ({
      q,
      filter: [
        ...(query.kind ? [`kind = ${quote(query.kind)}`] : []),
        ...(query.excludePpsId ? [`ppsId != ${quote(query.excludePpsId)}`] : []),
      ],
      limit: CANDIDATES_PER_QUERY,
      matchingStrategy: 'frequency' as const,
      // The candidates come back with what scoring needs: no second read from PostgreSQL.
      attributesToRetrieve: [...CANDIDATE_FIELDS],
    }));
  }

  /**
   * Several checks at once (reports): every candidate query goes to Meilisearch in a few
   * multi-search calls, which also return the candidates' fields.
   */
  async similarMany(queries: SimilarityQuery[], limit = 5): Promise<SimilarAsset[][]> {
    const flat = queries.flatMap((query, owner) =>
      this.candidateSearches(query).map((params) => ({ owner, params })),
    );
    const found: Candidate[][] = [];
    for (let start = 0; start < flat.length; start += QUERIES_PER_CALL)
      found.push(
        ...(await this.index.searchHits<Candidate>(
          flat.slice(start, start + QUERIES_PER_CALL).map((item) => item.params),
        )),
      );
    const candidatesOf = queries.map(() => new Set<string>());
    const documents = new Map<string, Candidate>();
    found.forEach((hits, position) =>
      hits.forEach((hit) => {
        candidatesOf[flat[position].owner].add(hit.id);
        documents.set(hit.id, hit);
      }),
    );
    return queries.map((query, owner) => {
      const asked = profile(query);
      return [...candidatesOf[owner]]
        .filter((id) => id !== query.excludeAssetId && documents.has(id))
        .map((id) => {
          const candidate = documents.get(id)!;
          const { score, reasons } = compare(asked, {
            title: candidate.title,
            summary: candidate.summary,
            learningOutcomes: candidate.learningOutcomes,
            keywords: candidate.keywords,
            levels: candidate.levels,
            creboCodes: candidate.creboCodes,
          });
          return {
            id: candidate.id,
            kind: candidate.kind,
            title: candidate.title,
            pps: { id: candidate.ppsId, name: candidate.ppsName },
            score,
            reasons,
          };
        })
        .filter((candidate) => candidate.score >= SIMILARITY_THRESHOLD)
        .sort((a, b) => b.score - a.score)
        .slice(0, limit);
    });
  }

  similarForText(dto: {
    title: string;
    summary?: string;
    learningOutcomes?: string[];
    keywords?: string[];
    levels?: string[];
    creboCodes?: string[];
    kind?: string;
  }): Promise<SimilarAsset[]> {
    return this.similar({
      title: dto.title,
      summary: dto.summary ?? '',
      learningOutcomes: dto.learningOutcomes ?? [],
      keywords: dto.keywords ?? [],
      levels: dto.levels ?? [],
      creboCodes: dto.creboCodes ?? [],
      kind: dto.kind,
    });
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
