import { Injectable } from '@nestjs/common';
import { AssetsService } from '@bouwsteen/assets';
import { Principal, UsersService } from '@bouwsteen/auth';
import { AuditTrail } from '@bouwsteen/database';
import { unlessNotFound } from '../../http/unless-not-found';
import type { PageContext } from '../../http/page-context';
import { SiteRenderer } from '../../layout/site-renderer';
import { adminPage } from './admin-layout';
import { decodeAuditPosition, decodeBlockPosition, encodeBlockPosition } from './change-cursor';
import { ChangesView } from './changes.view';

/** Entries per list and page: a screenful on a phone, a few on a desktop. */
const PAGE_SIZE = 50;

/** /beheer/wijzigingen: who changed which account, PPS, organisation or building block. */
@Injectable()
export class ChangesPage {
  constructor(
    private readonly site: SiteRenderer,
    private readonly users: UsersService,
    private readonly assets: AssetsService,
    private readonly audit: AuditTrail,
  ) {}

  /** Each list pages on its own ("Oudere wijzigingen"), keeping where the other one is. */
  async show(
    page: PageContext,
    principal: Principal,
    from: { blocksFrom: unknown; adminFrom: unknown },
  ): Promise<string> {
    const blocksFrom = decodeBlockPosition(from.blocksFrom);
    const adminFrom = decodeAuditPosition(from.adminFrom);
    // One more than shown says whether an older page exists.
    const [moreEntries, moreEvents] = await Promise.all([
      this.assets.recentChanges(principal, PAGE_SIZE + 1, blocksFrom),
      this.audit.recent(PAGE_SIZE + 1, adminFrom),
    ]);
    const entries = moreEntries.slice(0, PAGE_SIZE);
    const events = moreEvents.slice(0, PAGE_SIZE);
    const link = (blocks: string | undefined, admin: string | undefined) => {
      const query = new URLSearchParams();
      if (blocks) query.set('bouwstenen', blocks);
      if (admin) query.set('beheer', admin);
      const search = query.toString();
      return `/beheer/wijzigingen${search ? `?${search}` : ''}`;
    };
    const current = {
      blocks: blocksFrom ? encodeBlockPosition(blocksFrom) : undefined,
      admin: adminFrom,
    };
    const lastEntry = entries[entries.length - 1];
    const paging = {
      olderEvents:
        moreEvents.length > PAGE_SIZE
          ? `${link(current.blocks, events[events.length - 1].id)}#beheer-wijzigingen-titel`
          : undefined,
      newestEvents: adminFrom
        ? `${link(current.blocks, undefined)}#beheer-wijzigingen-titel`
        : undefined,
      olderEntries:
        moreEntries.length > PAGE_SIZE
          ? `${link(
              encodeBlockPosition({
                at: lastEntry.atKey,
                assetId: lastEntry.assetId,
                number: lastEntry.number,
                what: lastEntry.what,
              }),
              current.admin,
            )}#wijzigingen-titel`
          : undefined,
      newestEntries: blocksFrom ? `${link(undefined, current.admin)}#wijzigingen-titel` : undefined,
    };
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
      <ChangesView data={{ events, entries, who, paging }} />,
    );
  }
}
