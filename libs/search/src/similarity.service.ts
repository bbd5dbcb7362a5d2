import { Injectable, Logger } from '@nestjs/common';
import { SearchDocumentsRepository } from './search-documents.repository';
import { SearchIndex } from './search-index';
import { quote } from './search-filter';
import { Reason, SimilarityFeatures, compare, words } from './similarity';

export interface SimilarityQuery extends SimilarityFeatures {
  kind?: string;
  excludePpsId?: string;
  excludeAssetId?: string;
}

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

/**
 * Finds published assets of other PPS that probably cover the same ground: Meilisearch
 * proposes candidates, then each is scored on shared learning outcomes, keywords, title,
 * summary, level and qualification, so every answer comes with reasons.
 */
@Injectable()
export class SimilarityService {
  private readonly logger = new Logger(SimilarityService.name);

  constructor(
    private readonly index: SearchIndex,
    private readonly documents: SearchDocumentsRepository,
  ) {}

  async similar(query: SimilarityQuery, limit = 5): Promise<SimilarAsset[]> {
    // Meilisearch reads at most ten words of a query, so candidates come from several short
    // queries (title, keywords, summary, each outcome) run together; scoring then uses stems.
    const texts = [query.title, query.keywords.join(' '), query.summary, ...query.learningOutcomes];
    const queries = texts
      .map((text) => words(text).slice(0, 10).join(' '))
      .filter(Boolean)
      .slice(0, 12);
    if (queries.length === 0) return [];
    const filter = [
      ...(query.kind ? [`kind = ${quote(query.kind)}`] : []),
      ...(query.excludePpsId ? [`ppsId != ${quote(query.excludePpsId)}`] : []),
    ];
    const found = await this.index.searchIds(
      queries.map((q) => ({
        q,
        filter,
        limit: CANDIDATES_PER_QUERY,
        matchingStrategy: 'frequency',
      })),
    );
    const ids = [...new Set(found.flat())].filter((id) => id !== query.excludeAssetId);
    const candidates = await this.documents.documents(ids);
    return candidates
      .map((candidate) => {
        const { score, reasons } = compare(query, {
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

  /** For write responses: a search outage must never fail the write, so it degrades to "none found". */
  async similarOrNone(query: SimilarityQuery): Promise<SimilarAsset[]> {
    try {
      return await this.similar(query);
    } catch (error) {
      this.logger.warn(
        `Similarity check skipped: ${error instanceof Error ? error.message : error}`,
      );
      return [];
    }
  }
}
