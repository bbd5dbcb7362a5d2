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
 * Kept for the newest index generation: whoever sees Meilisearch apply a change (the relay, a
 * further node's follower, a rebuild, a repair) moves it (OutboxRepository.indexChanged), and the
 * first ask that reads the new number drops every answer kept before. So a change hides from
 * these findings only until its applying is noticed (the relay looks every 25 ms); an answer
 * computed while the number moved is not kept.
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
    return this.kept.answer(await this.outbox.generation(), { limit, question }, check);
  }
}
