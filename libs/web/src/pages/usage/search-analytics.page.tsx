import Html from '@kitajs/html';
import { Injectable } from '@nestjs/common';
import { Principal } from '@bouwsteen/auth';
import { SearchAnalyticsService, ZeroResultFigure } from '@bouwsteen/usage';
import {
  MIN_SEARCHERS_SHOWN,
  POOR_RESULT_HITS,
  SEARCH_ANALYTICS_PERIODS,
  SEARCH_LOG_RETENTION_DAYS,
} from '@bouwsteen/usage/pure';
import { DataTable } from '../../components/data-table';
import { formatDate, formatNumber } from '../../format/format';
import { Labels } from '../../format/labels';
import type { PageContext } from '../../http/page-context';
import { SiteRenderer } from '../../layout/site-renderer';

/**
 * /rapportages/zoekvragen: what the region searches for on /zoeken and does not find — most
 * searched words, searches without any result per province and theme (by the filters used),
 * and words searched most without a good result. For admins and PPS leads (UsagePolicy).
 */
@Injectable()
export class SearchAnalyticsPage {
  constructor(
    private readonly site: SiteRenderer,
    private readonly labels: Labels,
    private readonly analytics: SearchAnalyticsService,
  ) {}

  async render(page: PageContext, principal: Principal, period: unknown): Promise<string> {
    const days =
      SEARCH_ANALYTICS_PERIODS.find((value) => String(value) === period) ??
      SEARCH_ANALYTICS_PERIODS[0];
    const [report, labels] = await Promise.all([
      this.analytics.report(principal, days),
      this.labels.book(),
    ]);
    const place = (row: ZeroResultFigure) =>
      row.province ? labels.label('provinces', row.province) : 'Alle provincies';
    const theme = (row: ZeroResultFigure) =>
      row.sector ? labels.label('provincialThemes', row.sector) : 'Alle thema’s';
    return this.site.page(
      page,
      {
        title: 'Zoekvragen in de regio',
        description: 'Waar docenten en PPS op zoeken, en wat ze niet vinden.',
        canonicalPath: '/rapportages/zoekvragen',
        section: 'rapportages',
        noindex: true,
      },
      <>
        <nav class="utrecht-breadcrumb-nav" aria-label="Kruimelpad">
          <ol class="breadcrumb-list">
            <li>
              <a class="utrecht-link" href="/rapportages">
                Rapportages
              </a>
            </li>
          </ol>
        </nav>
        <h1 class="utrecht-heading-1">Zoekvragen in de regio</h1>
        <p class="utrecht-paragraph">
          {Html.escapeHtml(
            `Wat er op Bouwsteen gezocht is sinds ${formatDate(report.from)}, opgeteld per dag. Een zoekvraag of woord staat hier pas als minstens ${MIN_SEARCHERS_SHOWN} verschillende bezoekers ernaar zochten (ieder telt één keer per dag); de aantallen zijn zoekopdrachten. Wie zocht wordt niet bewaard; de losse zoekvragen worden na ${SEARCH_LOG_RETENTION_DAYS} dagen verwijderd, de tellingen per dag blijven.`,
          )}
        </p>
        <form method="get" action="/rapportages/zoekvragen" class="inline-form">
          <label class="utrecht-form-label" for="periode">
            Periode
          </label>{' '}
          <select class="utrecht-select utrecht-select--html-select" id="periode" name="periode">
            {SEARCH_ANALYTICS_PERIODS.map((value) => (
              <option value={String(value)} selected={value === days} safe>
                {`Laatste ${value} dagen`}
              </option>
            ))}
          </select>{' '}
          <button type="submit" class="utrecht-button utrecht-button--secondary-action">
            Toon
          </button>
        </form>
        <h2 class="utrecht-heading-2" id="nog-niet-titel">
          Dit bestaat nog niet: zoekvragen zonder resultaat
        </h2>
        <p class="utrecht-paragraph">
          Per provincie en provinciaal thema waarop de zoeker filterde; zonder filter staat er "Alle
          provincies" of "Alle thema’s".
        </p>
        {report.zeroResults.length ? (
          <DataTable<ZeroResultFigure>
            labelledBy="nog-niet-titel"
            rows={report.zeroResults}
            columns={[
              { header: 'Zoekvraag', text: (row) => row.query },
              { header: 'Provincie', text: place },
              { header: 'Thema', text: theme },
              { header: 'Keer gezocht', numeric: true, text: (row) => formatNumber(row.searches) },
            ]}
          />
        ) : (
          <p class="utrecht-paragraph">Geen zoekvragen zonder resultaat in deze periode.</p>
        )}
        <h2 class="utrecht-heading-2" id="woorden-titel">
          Woorden zonder goed resultaat
        </h2>
        <p class="utrecht-paragraph">
          {Html.escapeHtml(
            `Woorden uit zoekvragen die hooguit ${POOR_RESULT_HITS} bouwstenen vonden, het vaakst gezocht eerst.`,
          )}
        </p>
        {report.poorWords.length ? (
          <DataTable<{ word: string; searches: number }>
            labelledBy="woorden-titel"
            rows={report.poorWords}
            columns={[
              { header: 'Woord', text: (row) => row.word },
              { header: 'Keer gezocht', numeric: true, text: (row) => formatNumber(row.searches) },
            ]}
          />
        ) : (
          <p class="utrecht-paragraph">Geen woorden zonder goed resultaat in deze periode.</p>
        )}
        <h2 class="utrecht-heading-2" id="top-titel">
          Meest gezocht
        </h2>
        {report.topQueries.length ? (
          <DataTable<(typeof report.topQueries)[number]>
            labelledBy="top-titel"
            rows={report.topQueries}
            columns={[
              { header: 'Zoekvraag', text: (row) => row.query },
              { header: 'Keer gezocht', numeric: true, text: (row) => formatNumber(row.searches) },
              {
                header: 'Zonder resultaat',
                numeric: true,
                text: (row) => formatNumber(row.zeroResults),
              },
            ]}
          />
        ) : (
          <p class="utrecht-paragraph">Nog geen zoekvragen in deze periode.</p>
        )}
      </>,
    );
  }
}
