import Html from '@kitajs/html';
import { Injectable } from '@nestjs/common';
import {
  AssetListQueryDto,
  AssetStatus,
  AssetSummaryDto,
  AssetsService,
  FeedMembership,
} from '@bouwsteen/assets';
import { Principal } from '@bouwsteen/auth';
import { FollowService, NotificationQueryDto } from '@bouwsteen/follow';
import { PpsService, PpsSummaryDto } from '@bouwsteen/organisations';
import { ReportsService } from '@bouwsteen/reports';
import { RequestsService } from '@bouwsteen/requests';
import { assetPath } from '../../components/asset-card';
import { DataTable } from '../../components/data-table';
import { NOTIFICATIONS_PATH, NotificationList } from '../../components/notification-list';
import { EdurepGap } from '../../components/feed-gaps';
import { Pagination } from '../../components/pagination';
import { ListSearchForm } from '../../components/list-search-form';
import { listNarrowing, listSearchParams, readListSearch } from '../../components/list-search';
import { count, formatDate } from '../../format/format';
import { KIND_LABELS, KIND_ORDER, LabelBook, Labels } from '../../format/labels';
import type { PageContext } from '../../http/page-context';
import { SiteRenderer } from '../../layout/site-renderer';
import { editablePps, workingPps } from './my-pps-scope';
import { notice } from '../../components/notices';
import { StatusNotice } from '../../components/status-notice';

const TABS: { status: AssetStatus; slug: string; label: string; empty: string }[] = [
  { status: 'draft', slug: 'concepten', label: 'Concepten', empty: 'Geen concepten.' },
  {
    status: 'published',
    slug: 'gepubliceerd',
    label: 'Gepubliceerd',
    empty: 'Nog niets gepubliceerd.',
  },
  { status: 'archived', slug: 'gearchiveerd', label: 'Gearchiveerd', empty: 'Niets gearchiveerd.' },
];
const PAGE_SIZE = 25;

/** Without a ?tab=: the first tab that lists something (drafts, published, archived), else published. */
function openingTab(counts: readonly number[]): (typeof TABS)[number] {
  const index = counts.findIndex((total) => total > 0);
  return index < 0 ? TABS[1] : TABS[index];
}

/**
 * /mijn-pps: the building blocks of the lead's PPS by status, what happened to what they
 * follow or reuse, and who builds on their work — the start of a PPS lead's day.
 */
@Injectable()
export class MyPpsPage {
  constructor(
    private readonly site: SiteRenderer,
    private readonly labels: Labels,
    private readonly assets: AssetsService,
    private readonly feeds: FeedMembership,
    private readonly follow: FollowService,
    private readonly pps: PpsService,
    private readonly reports: ReportsService,
    private readonly requests: RequestsService,
  ) {}

  async render(
    page: PageContext,
    principal: Principal,
    query: Record<string, unknown>,
  ): Promise<string> {
    const directory = await this.pps.directory();
    const pps = workingPps(principal, directory, query.pps);
    if (!pps) return this.picker(page, principal, directory);
    // Words in the title, a kind and an order narrow every tab alike (a PPS has hundreds).
    const search = readListSearch(query, 'gewijzigd');
    const searchParams = listSearchParams(search, 'gewijzigd').toString();
    const listHref = (slug: string, page = 1) =>
      `/mijn-pps?pps=${pps.id}&tab=${slug}${searchParams ? `&${searchParams}` : ''}${page > 1 ? `&pagina=${page}` : ''}`;
    const list = (status: AssetStatus, size: number, number = 1) =>
      this.assets.list(
        principal,
        Object.assign(new AssetListQueryDto(), {
          ppsId: pps.id,
          status: [status],
          kind: search.kind ? [search.kind] : undefined,
          pageSize: size,
          pageNumber: number,
        }),
        listNarrowing(search),
      );
    const chosen = TABS.find((entry) => entry.slug === query.tab);
    const counting = Promise.all(
      TABS.map((entry) => list(entry.status, 1).then((p) => p.totalItems)),
    );
    // A tab asked for is shown as asked; otherwise the first one with something in it.
    const tab = chosen ?? openingTab(await counting);
    const [labels, current, counts, notifications, followers, reuse, openRequests] =
      await Promise.all([
        this.labels.book(),
        list(tab.status, PAGE_SIZE, search.pageNumber),
        counting,
        this.follow.notifications(
          principal,
          Object.assign(new NotificationQueryDto(), { pageNumber: 1, pageSize: 8 }),
        ),
        this.follow.followerCounts(principal, pps.id),
        this.reports.ppsReuse(pps.id),
        this.requests.openCount(principal, pps.id),
      ]);
    // What keeps a published block of this page out of Edurep, said under its title.
    const gaps = await this.feeds.gapsOf(current.items.map((asset) => asset.id));
    const reused = reuse.assets.filter((asset) => asset.reuseCount > 0);
    const choices = editablePps(principal, directory);
    const message = notice(query.melding);
    return this.site.page(
      page,
      {
        title: `Mijn PPS: ${pps.name}`,
        description: 'De bouwstenen van uw PPS, meldingen en hergebruik door anderen.',
        canonicalPath: `/mijn-pps?pps=${pps.id}`,
        section: 'mijn-pps',
        noindex: true,
      },
      <>
        <h1 class="utrecht-heading-1" safe>{`Mijn PPS: ${pps.name}`}</h1>
        <StatusNotice text={message} />
        {choices.length > 1 ? <PpsSwitch choices={choices} current={pps.id} /> : ''}
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`/mijn-pps/verzoeken?pps=${pps.id}`}>
            {Html.escapeHtml(
              `Verzoeken (${openRequests === 0 ? 'geen nieuwe' : `${openRequests} nieuw`})`,
            )}
          </a>
          {' · '}
          <a class="utrecht-link" href={`/mijn-pps/reviewmeldingen?pps=${pps.id}`}>
            Meldingen over reviews
          </a>
          {' · '}
          <a class="utrecht-link" href={`/mijn-pps/gebruik?pps=${pps.id}`}>
            Gebruik van uw bouwstenen
          </a>
        </p>
        <section aria-labelledby="nieuw-titel">
          <h2 class="utrecht-heading-2" id="nieuw-titel">
            Nieuwe bouwsteen
          </h2>
          <ul class="kind-tiles">
            {KIND_ORDER.map((kind) => (
              <li>
                <a class="kind-tile" href={`/mijn-pps/nieuw?soort=${kind}&pps=${pps.id}`}>
                  <span class="kind-tile__label" safe>{`${KIND_LABELS[kind].one} toevoegen`}</span>
                </a>
              </li>
            ))}
          </ul>
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={`/mijn-pps/importeren?pps=${pps.id}`}>
              Een hele catalogus importeren uit een spreadsheet
            </a>
          </p>
        </section>
        <section>
          <h2 class="utrecht-heading-2" id="bouwstenen-titel">
            Bouwstenen van {Html.escapeHtml(pps.name)}
          </h2>
          <ListSearchForm
            action="/mijn-pps"
            search={search}
            keep={{ pps: pps.id, tab: tab.slug }}
            label="Zoek in de titels"
            withKind
          />
          <nav aria-label="Status">
            <ul class="status-tabs search-tabs">
              {TABS.map((entry, index) => (
                <li>
                  <a href={listHref(entry.slug)} aria-current={entry === tab ? 'page' : undefined}>
                    {Html.escapeHtml(`${entry.label} (${counts[index]})`)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          {current.items.length ? (
            <AssetTable assets={current.items} labels={labels} gaps={gaps} />
          ) : search.words || search.kind ? (
            <p class="utrecht-paragraph">
              Geen bouwstenen die hierop passen.{' '}
              <a class="utrecht-link" href={`/mijn-pps?pps=${pps.id}&tab=${tab.slug}`}>
                Toon alle bouwstenen
              </a>
            </p>
          ) : (
            <p class="utrecht-paragraph">{Html.escapeHtml(tab.empty)}</p>
          )}
          <Pagination
            current={current.pageNumber}
            total={current.totalPages}
            href={(n) => listHref(tab.slug, n)}
            label="Pagina's bouwstenen"
          />
        </section>
        <div class="home-columns">
          <section aria-labelledby="meldingen-titel">
            <h2 class="utrecht-heading-2" id="meldingen-titel">
              Meldingen
            </h2>
            {notifications.items.length ? (
              <>
                <NotificationList
                  items={notifications.items}
                  page={page}
                  back={`/mijn-pps?pps=${pps.id}#meldingen-titel`}
                />
                <p class="utrecht-paragraph">
                  <a class="utrecht-link" href={NOTIFICATIONS_PATH}>
                    {Html.escapeHtml(
                      notifications.totalItems > notifications.items.length
                        ? `Alle ${notifications.totalItems} meldingen`
                        : 'Naar al uw meldingen',
                    )}
                  </a>
                </p>
              </>
            ) : (
              <p class="utrecht-paragraph">
                Geen meldingen. Volg bouwstenen of PPS (op hun pagina) om te horen wanneer ze
                veranderen.
              </p>
            )}
          </section>
          <section aria-labelledby="hergebruik-titel">
            <h2 class="utrecht-heading-2" id="hergebruik-titel">
              Wie bouwt voort op uw werk
            </h2>
            <p class="utrecht-paragraph">
              {Html.escapeHtml(
                `${count(followers.pps, 'persoon volgt', 'personen volgen')} uw PPS; ${count(followers.assets, 'persoon volgt', 'personen volgen')} een of meer van uw bouwstenen.`,
              )}
            </p>
            {reused.length ? (
              <ul class="plain-list">
                {reused.slice(0, 20).map((asset) => (
                  <li>
                    <a class="utrecht-link" href={assetPath(asset.assetId)} safe>
                      {asset.title}
                    </a>
                    <span
                      class="site-muted"
                      safe
                    >{` — hergebruikt door ${asset.adopters.join(', ')}`}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p class="utrecht-paragraph">
                Nog niemand heeft hergebruik van uw bouwstenen vastgelegd.
              </p>
            )}
            <p class="utrecht-paragraph">
              <a class="utrecht-link" href={`/rapportages/pps/${pps.id}`}>
                Het volledige rapport van uw PPS
              </a>
            </p>
          </section>
        </div>
      </>,
    );
  }

  private picker(
    page: PageContext,
    principal: Principal,
    directory: readonly PpsSummaryDto[],
  ): Promise<string> {
    const choices = editablePps(principal, directory);
    return this.site.page(
      page,
      {
        title: 'Mijn PPS',
        description: 'Kies de PPS waarvoor u werkt.',
        canonicalPath: '/mijn-pps',
        section: 'mijn-pps',
        noindex: true,
      },
      <>
        <h1 class="utrecht-heading-1">Mijn PPS</h1>
        {choices.length ? (
          <PpsSwitch choices={choices} />
        ) : (
          <p class="utrecht-paragraph">
            Uw account hoort (nog) niet bij een PPS. Vraag de beheerder van Bouwsteen om u toe te
            voegen.
          </p>
        )}
      </>,
    );
  }
}

function PpsSwitch({
  choices,
  current,
}: {
  choices: PpsSummaryDto[];
  current?: string;
}): JSX.Element {
  return (
    <form method="get" action="/mijn-pps" class="site-form site-form__row">
      <div class="utrecht-form-field">
        <label class="utrecht-form-label" for="kies-pps">
          PPS
        </label>
        <select class="utrecht-select utrecht-select--html-select" id="kies-pps" name="pps">
          {choices.map((pps) => (
            <option value={pps.id} selected={pps.id === current}>
              {Html.escapeHtml(pps.name)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" class="utrecht-button utrecht-button--secondary-action">
        Toon
      </button>
    </form>
  );
}

function AssetTable({
  assets,
  labels,
  gaps,
}: {
  assets: AssetSummaryDto[];
  labels: LabelBook;
  gaps: Map<string, string[]>;
}): JSX.Element {
  return (
    <DataTable
      labelledBy="bouwstenen-titel"
      rows={assets}
      columns={[
        {
          header: 'Titel',
          render: (asset) => (
            <>
              <a class="utrecht-link" href={`/mijn-pps/bouwstenen/${asset.id}`} safe>
                {asset.title}
              </a>
              <EdurepGap missing={gaps.get(asset.id)} />
            </>
          ),
        },
        { header: 'Soort', text: (asset) => labels.kind(asset.kind) },
        {
          header: 'Versie',
          text: (asset) =>
            asset.hasDraft && asset.publishedVersion
              ? `${asset.publishedVersion} gepubliceerd, ${asset.version.number} in concept`
              : String(asset.version.number),
        },
        { header: 'Gewijzigd', text: (asset) => formatDate(asset.updatedAt) },
      ]}
    />
  );
}
