import { Injectable } from '@nestjs/common';
import { UserListQueryDto, UsersService } from '@bouwsteen/auth';
import { OutboxRepository } from '@bouwsteen/search';
import { formatNumber } from '../../format/format';
import type { PageContext } from '../../http/page-context';
import { SiteRenderer } from '../../layout/site-renderer';
import { adminPage } from './admin-layout';

/**
 * /beheer: the admin's overview. The sections are pages of their own (users.page,
 * pps-admin.page, search-index.page, jobs.page, changes.page), each through the same service
 * as the admin API.
 */
@Injectable()
export class AdminPage {
  constructor(
    private readonly site: SiteRenderer,
    private readonly users: UsersService,
    private readonly outbox: OutboxRepository,
  ) {}

  async overview(page: PageContext): Promise<string> {
    const [stats, users] = await Promise.all([
      this.outbox.stats(),
      this.users.list(Object.assign(new UserListQueryDto(), { pageSize: 1 })),
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
      </>,
    );
  }
}
