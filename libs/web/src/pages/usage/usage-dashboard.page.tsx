import Html from '@kitajs/html';
import { Injectable } from '@nestjs/common';
import { Principal } from '@bouwsteen/auth';
import { toCsv } from '@bouwsteen/common';
import { PpsService } from '@bouwsteen/organisations';
import { BlockUsage, UsageService } from '@bouwsteen/usage';
import { TOP_REFERRERS } from '@bouwsteen/usage/pure';
import { assetPath } from '../../components/asset-card';
import { DataTable } from '../../components/data-table';
import { Pagination } from '../../components/pagination';
import { formatNumber } from '../../format/format';
import { monthName } from './month-names';
import type { PageContext } from '../../http/page-context';
import { SiteRenderer } from '../../layout/site-renderer';
import { workingPps } from '../my-pps/my-pps-scope';

const PAGE_SIZE = 25;
const MAX_PAGE = 200;

/** The dashboard's address for a PPS and page (the CSV: `.csv`). */
export function usagePath(ppsId: string, pageNumber = 1): string {
  return `/mijn-pps/gebruik?pps=${ppsId}${pageNumber > 1 ? `&pagina=${pageNumber}` : ''}`;
}

const n = formatNumber;

/** A figure of a block: its header (the table's and the CSV's) and its value. */
interface Figure {
  header: string;
  value: (row: BlockUsage) => number;
}

/** The figures per block, in the table and the CSV alike: one list, one wording. */
function figures(month: string, previousMonth: string): Figure[] {
  const [thisMonth, lastMonth] = [monthName(month), monthName(previousMonth)];
  return [
    { header: `Bekeken in ${thisMonth}`, value: (r) => r.viewsThisMonth },
    { header: `Bekeken in ${lastMonth}`, value: (r) => r.viewsLastMonth },
    { header: `Linkklikken in ${thisMonth}`, value: (r) => r.clicksThisMonth },
    { header: `Linkklikken in ${lastMonth}`, value: (r) => r.clicksLastMonth },
    { header: 'Aanvragen', value: (r) => r.requests },
    { header: 'Hergebruik', value: (r) => r.reuses },
    { header: 'In cursussen', value: (r) => r.courses },
    { header: 'Reviews', value: (r) => r.reviews },
    { header: 'Volgers', value: (r) => r.followers },
  ];
}

/**
 * /mijn-pps/gebruik: what a PPS learns from the use of its published blocks — unique views
 * this month and last, clicks on the links to the material, requests, reuse, courses, reviews
 * and followers per block, and where views came from. Only its editors and admins
 * (workingPps and UsagePolicy both check).
 */
@Injectable()
export class UsageDashboardPage {
  constructor(
    private readonly site: SiteRenderer,
    private readonly pps: PpsService,
    private readonly usage: UsageService,
  ) {}

  async render(
    page: PageContext,
    principal: Principal,
    query: { pps?: unknown; pagina?: unknown },
  ): Promise<string> {
    const pps = workingPps(principal, await this.pps.directory(), query.pps);
    if (!pps) return this.choosePps(page);
    const pageNumber = Math.min(Math.max(Number(query.pagina) || 1, 1), MAX_PAGE);
    const board = await this.usage.dashboard(principal, pps.id, pageNumber, PAGE_SIZE);
    const thisMonth = monthName(board.month);
    const lastMonth = monthName(board.previousMonth);
    return this.site.page(
      page,
      {
        title: `Gebruik van uw bouwstenen: ${pps.name}`,
        description: 'Hoe vaak uw bouwstenen bekeken, aangevraagd en hergebruikt worden.',
        canonicalPath: usagePath(pps.id),
        section: 'mijn-pps',
        noindex: true,
      },
      <>
        <nav class="utrecht-breadcrumb-nav" aria-label="Kruimelpad">
          <ol class="breadcrumb-list">
            <li>
              <a class="utrecht-link" href={`/mijn-pps?pps=${pps.id}`} safe>
                {`Mijn PPS: ${pps.name}`}
              </a>
            </li>
          </ol>
        </nav>
        <h1 class="utrecht-heading-1">Gebruik van uw bouwstenen</h1>
        <p class="utrecht-paragraph">
          {Html.escapeHtml(
            `Per gepubliceerde bouwsteen: hoe vaak de pagina bekeken is (één keer per persoon per dag; zoekmachines en andere robots en de API tellen niet mee), hoe vaak iemand een link naar het materiaal volgde, en wat er met de bouwsteen gebeurde. Er worden geen IP-adressen bewaard.`,
          )}
        </p>
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`/mijn-pps/gebruik.csv?pps=${pps.id}`}>
            Download als CSV (alle bouwstenen)
          </a>
        </p>
        <h2 class="utrecht-heading-2" id="gebruik-titel">
          Per bouwsteen
        </h2>
        {board.items.length ? (
          <DataTable<BlockUsage>
            labelledBy="gebruik-titel"
            rows={board.items}
            columns={[
              {
                header: 'Bouwsteen',
                render: (row) => (
                  <a class="utrecht-link" href={assetPath(row.assetId)} safe>
                    {row.title}
                  </a>
                ),
              },
              ...figures(board.month, board.previousMonth).map((figure) => ({
                header: figure.header,
                numeric: true,
                text: (row: BlockUsage) => n(figure.value(row)),
              })),
            ]}
          />
        ) : (
          <p class="utrecht-paragraph">Uw PPS heeft nog geen gepubliceerde bouwstenen.</p>
        )}
        <Pagination
          current={board.pageNumber}
          total={board.totalPages}
          href={(number) => usagePath(pps.id, number)}
          label="Pagina's bouwstenen"
        />
        <h2 class="utrecht-heading-2" id="herkomst-titel">
          Waar bezoekers vandaan komen
        </h2>
        <p class="utrecht-paragraph">
          {Html.escapeHtml(
            `De ${TOP_REFERRERS} websites waarvandaan de meeste bezoekers in ${lastMonth} en ${thisMonth} op uw bouwstenen kwamen (alleen de naam van de website, nooit de pagina).`,
          )}
        </p>
        {board.referrers.length ? (
          <DataTable<{ host: string; views: number }>
            labelledBy="herkomst-titel"
            rows={board.referrers}
            columns={[
              { header: 'Website', text: (row) => row.host },
              { header: 'Bekeken', numeric: true, text: (row) => n(row.views) },
            ]}
          />
        ) : (
          <p class="utrecht-paragraph">Nog geen bezoekers via een andere website.</p>
        )}
      </>,
    );
  }

  /** Every block's line as CSV, with the table's Dutch headers (plain numbers, for sums). */
  async csv(principal: Principal, ppsId: string): Promise<string> {
    const { month, previousMonth, rows } = await this.usage.everyBlock(principal, ppsId);
    const columns = figures(month, previousMonth);
    return toCsv(
      rows.map((row) => ({
        Id: row.assetId,
        Bouwsteen: row.title,
        ...Object.fromEntries(columns.map((figure) => [figure.header, figure.value(row)])),
      })),
      ['Id', 'Bouwsteen', ...columns.map((figure) => figure.header)],
    );
  }

  /** An admin who has not picked a PPS picks it in "Mijn PPS" first. */
  private choosePps(page: PageContext): Promise<string> {
    return this.site.page(
      page,
      {
        title: 'Gebruik van uw bouwstenen',
        description: 'Kies eerst de PPS waarvan u het gebruik wilt zien.',
        canonicalPath: '/mijn-pps/gebruik',
        section: 'mijn-pps',
        noindex: true,
      },
      <>
        <h1 class="utrecht-heading-1">Gebruik van uw bouwstenen</h1>
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href="/mijn-pps">
            Kies eerst een PPS in Mijn PPS
          </a>
        </p>
      </>,
    );
  }
}
