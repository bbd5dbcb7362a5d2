import { Injectable } from '@nestjs/common';
import { FeedMembership, KeptOutBlock } from '@bouwsteen/assets';
import { UserListQueryDto, UsersService } from '@bouwsteen/auth';
import { OutboxRepository } from '@bouwsteen/search';
import { assetPath } from '../../components/asset-card';
import { DataTable } from '../../components/data-table';
import { edurepGapText } from '../../components/feed-gaps';
import { count, formatNumber } from '../../format/format';
import { Labels } from '../../format/labels';
import type { PageContext } from '../../http/page-context';
import { SiteRenderer } from '../../layout/site-renderer';
import { adminPage } from './admin-layout';

/** Blocks kept out of Edurep listed on the overview; the count says how many in all. */
const KEPT_OUT_SHOWN = 100;

/**
 * /beheer: the admin's overview, with the published blocks Edurep does not get and why. The sections are pages of their own (users.page,
 * pps-admin.page, search-index.page, jobs.page, changes.page), each through the same service
 * as the admin API.
 */
@Injectable()
export class AdminPage {
  constructor(
    private readonly site: SiteRenderer,
    private readonly users: UsersService,
    private readonly outbox: OutboxRepository,
    private readonly feeds: FeedMembership,
    private readonly labels: Labels,
  ) {}

  async overview(page: PageContext): Promise<string> {
    const [stats, users, keptOut, labels] = await Promise.all([
      this.outbox.stats(),
      this.users.list(Object.assign(new UserListQueryDto(), { pageSize: 1 })),
      this.feeds.keptOut(KEPT_OUT_SHOWN),
      this.labels.book(),
    ]);
    return adminPage(
      this.site,
      page,
      'Beheer',
      '/beheer',
      <>
        <h1 class="utrecht-heading-1">Beheer</h1>
        <dl class="facts">
          <dt>Accounts</dt>
          <dd safe>{formatNumber(users.totalItems)}</dd>
          <dt>Wachtrij zoekindex</dt>
          <dd
            safe
          >{`${formatNumber(stats.pending)} wachtend, ${formatNumber(stats.parked)} apart gezet`}</dd>
        </dl>
        <section aria-labelledby="edurep-titel">
          <h2 class="utrecht-heading-2" id="edurep-titel">
            Niet in Edurep
          </h2>
          <p class="utrecht-paragraph" safe>
            {keptOut.total === 0
              ? 'Edurep krijgt alle gepubliceerde modules en curricula.'
              : `${count(keptOut.total, 'gepubliceerde bouwsteen gaat', 'gepubliceerde bouwstenen gaan')} niet naar Edurep: Edurep vraagt iets wat ontbreekt. Vult de PPS het aan en publiceert ze opnieuw, dan gaat de bouwsteen mee.`}
          </p>
          {keptOut.items.length ? (
            <DataTable
              labelledBy="edurep-titel"
              rows={keptOut.items}
              columns={[
                {
                  header: 'Bouwsteen',
                  render: (block: KeptOutBlock) => (
                    <a class="utrecht-link" href={assetPath(block.id)} safe>
                      {block.title}
                    </a>
                  ),
                },
                { header: 'Soort', text: (block) => labels.kind(block.kind) },
                { header: 'PPS', text: (block) => block.ppsName },
                { header: 'Waarom niet', text: (block) => edurepGapText(block.missing) },
              ]}
            />
          ) : (
            ''
          )}
          {keptOut.total > keptOut.items.length ? (
            <p class="utrecht-paragraph" safe>
              {`De eerste ${formatNumber(keptOut.items.length)} staan hier, op PPS en titel.`}
            </p>
          ) : (
            ''
          )}
        </section>
      </>,
    );
  }
}
