import { Injectable } from '@nestjs/common';
import { AssetsService } from '@bouwsteen/assets';
import type { Principal } from '@bouwsteen/auth';
import { OutboxRepository, SearchNodesRepository } from '@bouwsteen/search';
import type { PageAnswer } from '../../http/page-answer';
import type { PageContext } from '../../http/page-context';
import { SiteRenderer } from '../../layout/site-renderer';
import { adminPage } from './admin-layout';
import { ADMIN_NOTICES } from './admin-notices';
import { SearchIndexView } from './search-index.view';

/** /beheer/zoekindex: whether changes reach search, and a way to offer the parked ones again. */
@Injectable()
export class SearchIndexPage {
  constructor(
    private readonly site: SiteRenderer,
    private readonly outbox: OutboxRepository,
    private readonly nodes: SearchNodesRepository,
    private readonly assets: AssetsService,
  ) {}

  async show(page: PageContext, principal: Principal, code?: unknown): Promise<string> {
    const [stats, parked, nodes] = await Promise.all([
      this.outbox.stats(),
      this.outbox.parked(50),
      this.nodes.backlogs(),
    ]);
    // Parked blocks by their titles, not their ids (an admin may read every block).
    const summaries = await this.assets.summaries(
      principal,
      parked.map((entry) => entry.assetId),
    );
    const data = {
      stats,
      parked,
      nodes,
      titles: new Map(summaries.map((summary) => [summary.id, summary])),
      notice: typeof code === 'string' ? ADMIN_NOTICES[code] : undefined,
    };
    return adminPage(
      this.site,
      page,
      'Zoekindex',
      '/beheer/zoekindex',
      <SearchIndexView page={page} data={data} />,
    );
  }

  async retryParked(): Promise<PageAnswer> {
    await this.outbox.retryParked();
    return { redirect: '/beheer/zoekindex?melding=opnieuw-aangeboden' };
  }
}
