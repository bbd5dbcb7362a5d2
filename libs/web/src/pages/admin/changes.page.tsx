import { Injectable } from '@nestjs/common';
import { AssetsService } from '@bouwsteen/assets';
import { Principal, UsersService } from '@bouwsteen/auth';
import { AuditTrail } from '@bouwsteen/database';
import { unlessNotFound } from '../../http/unless-not-found';
import type { PageContext } from '../../http/page-context';
import { SiteRenderer } from '../../layout/site-renderer';
import { adminPage } from './admin-layout';
import { ChangesView } from './changes.view';

/** /beheer/wijzigingen: who changed which account, PPS, organisation or building block. */
@Injectable()
export class ChangesPage {
  constructor(
    private readonly site: SiteRenderer,
    private readonly users: UsersService,
    private readonly assets: AssetsService,
    private readonly audit: AuditTrail,
  ) {}

  async show(page: PageContext, principal: Principal): Promise<string> {
    const [entries, events] = await Promise.all([
      this.assets.recentChanges(principal, 100),
      this.audit.recent(100),
    ]);
    const actors = [
      ...entries.map((entry) => entry.userId),
      ...events.map((event) => event.actorId),
    ].filter((id): id is string => !!id);
    const people = new Map<string, string>();
    await Promise.all(
      [...new Set(actors)].map(async (id) =>
        people.set(
          id,
          (await unlessNotFound(this.users.get(id)))?.displayName ?? 'verwijderd account',
        ),
      ),
    );
    const who = (id: string | null) => (id ? (people.get(id) ?? 'onbekend') : 'het systeem');
    return adminPage(
      this.site,
      page,
      'Wijzigingen',
      '/beheer/wijzigingen',
      <ChangesView data={{ events, entries, who }} />,
    );
  }
}
