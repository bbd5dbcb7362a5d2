import { Inject, Injectable } from '@nestjs/common';
import { AssetsService } from '@bouwsteen/assets';
import type { Principal } from '@bouwsteen/auth';
import { OutboxRepository, SearchNodesRepository, SearchReader } from '@bouwsteen/search';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
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
    private readonly reader: SearchReader,
    private readonly assets: AssetsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async show(page: PageContext, principal: Principal, code?: unknown): Promise<string> {
    const [stats, parked, backlogs, answering] = await Promise.all([
      this.outbox.stats(),
      this.outbox.parked(50),
      this.nodes.backlogs(),
      this.reader.probeEach(),
    ]);
    // Each node (MEILI_URL's first), whether it answers, and what a further one has still to apply.
    const nodes = answering.map(({ up }, position) => {
      const url = position === 0 ? this.config.meili.url : this.config.meili.nodeUrls[position - 1];
      const backlog = backlogs.find((each) => each.url === url);
      return { number: position + 1, host: new URL(url).host, up, backlog };
    });
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
