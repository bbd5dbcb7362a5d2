import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import { KeptAnswers } from './kept-answers';
import { OutboxRepository } from './outbox.repository';
import type { SimilarAsset } from './similar-findings';

/**
 * The findings of a stored block's question ("similar building blocks of other PPS" on its page
 * and in the API), kept per process until the search index changes (SIMILAR_CACHE_MB of them,
 * as JSON; 0 keeps none). The answer depends on the question and the index alone, and a block page
 * is read far more often than the index changes: the check costs Meilisearch ~50 ms of CPU per
 * view, so without this a crawler walking block pages starves everyone's search.
 *
 * Kept per index generation: a change Meilisearch has applied moves it
 * (OutboxRepository.indexChanged) before the relay marks the change done, so a request that
 * starts once a change is searchable is answered from the changed index, never from a kept
 * answer of before. An answer computed while the generation moved is kept under the old one,
 * which no later request asks.
 */
@Injectable()
export class SimilarFindingsCache {
  private readonly kept?: KeptAnswers<SimilarAsset>;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly outbox: OutboxRepository,
  ) {
    if (config.similarCacheMb > 0) this.kept = new KeptAnswers(config.similarCacheMb * 1024 * 1024);
  }

  async findings(
    question: object,
    limit: number,
    check: () => Promise<SimilarAsset[]>,
  ): Promise<readonly SimilarAsset[]> {
    if (!this.kept) return check();
    return this.kept.answer(`${await this.outbox.generation()}:${limit}`, question, check);
  }
}
