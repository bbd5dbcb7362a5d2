import type { SimilarAssetDto } from './dto/similar-asset.dto';

/** What a duplicate check compares: the texts and facts of an asset, or of a text not stored yet. */
export interface DuplicateQuery {
  title: string;
  summary: string;
  learningOutcomes: string[];
  keywords: string[];
  levels: string[];
  creboCodes: string[];
  /** Longer text: description, and a good practice's context, problem, approach and results. */
  description?: string;
  kind?: string;
  excludePpsId?: string;
  excludeAssetId?: string;
}

/**
 * The most findings one check returns (groups of near-identical siblings count once): every
 * overlap above the threshold up to this bound, best first, on every path that asks.
 */
export const MOST_FINDINGS = 20;

/**
 * "This already exists": published assets of other PPS like a given one. Assets asks this port
 * when a draft is saved; search implements it (SimilarityService) and the API wires the two, so
 * assets depends on no search code and search reads published data through assets.
 */
export interface DuplicateCheck {
  /**
   * Throws a 503 problem when the search engine cannot answer. `limit` keeps the first findings
   * (a page that shows a few); they are the same, in the same order, as a longer answer's.
   */
  similar(query: DuplicateQuery, limit?: number): Promise<SimilarAssetDto[]>;
  /**
   * The same answer, kept until the search index changes: for a stored block's question, which
   * its page and the API ask on every view. The findings are shared: never change them.
   */
  similarKept(query: DuplicateQuery, limit?: number): Promise<readonly SimilarAssetDto[]>;
  /** Never throws for an outage: `checked: false` then, rather than an empty "nothing like it". */
  similarIfAvailable(
    query: DuplicateQuery,
  ): Promise<{ checked: boolean; similar: SimilarAssetDto[] }>;
  /**
   * Many checks at once for an import, each the same check as `similar` (a row gets the findings
   * its text gets anywhere else), sent together. Never throws for an outage (`checked: false`).
   */
  similarBatch(
    queries: DuplicateQuery[],
  ): Promise<{ checked: boolean; similar: SimilarAssetDto[][] }>;
  /**
   * Whether written changes still wait to become searchable: a bulk check (an import's, after
   * its rows) lets them go first, as people wait for those.
   */
  indexingBehind(): Promise<boolean>;
}

export const DUPLICATE_CHECK = Symbol('DUPLICATE_CHECK');
