import Html from '@kitajs/html';
import { Injectable } from '@nestjs/common';
import { AssetsService } from '@bouwsteen/assets';
import type { Principal } from '@bouwsteen/auth';
import { ReviewError, ReviewReportDto, ReviewsService } from '@bouwsteen/reviews';
import { DomainException } from '@bouwsteen/common';
import { PpsService } from '@bouwsteen/organisations';
import { Pagination } from '../../components/pagination';
import { StatusNotice } from '../../components/status-notice';
import { formatDate } from '../../format/format';
import type { PageContext } from '../../http/page-context';
import { SiteRenderer } from '../../layout/site-renderer';
import { workingPps } from '../my-pps/my-pps-scope';
import { pageQuery } from '../search-queries';
import { ButtonForm } from './review-view';

const PAGE_SIZE = 20;
const MAX_PAGE = 500;
const NOTICES: Record<string, string> = {
  verborgen: 'De review is verborgen: alleen de schrijver ziet hem nog.',
  getoond: 'De review staat weer bij de bouwsteen.',
  'niet-verborgen':
    'Deze review is niet verborgen: alleen een melding van iemand buiten uw PPS geeft daar reden toe. Reageer op de review als u iets wilt rechtzetten.',
};

export function reportsPath(ppsId: string, pageNumber = 1): string {
  return `/mijn-pps/reviewmeldingen?pps=${ppsId}${pageNumber > 1 ? `&pagina=${pageNumber}` : ''}`;
}

/**
 * /mijn-pps/reviewmeldingen: what people reported about reviews of the PPS's blocks, newest
 * first. The PPS's editors decide: hide a reported review (its author still sees it, and the
 * figures leave it out) or show it again. Only a reported review can be hidden.
 */
@Injectable()
export class ReviewReportsPage {
  constructor(
    private readonly site: SiteRenderer,
    private readonly pps: PpsService,
    private readonly assets: AssetsService,
    private readonly reviews: ReviewsService,
  ) {}

  async render(
    page: PageContext,
    principal: Principal,
    query: { pps?: unknown; pagina?: unknown; melding?: unknown },
  ): Promise<string> {
    const pps = workingPps(principal, await this.pps.directory(), query.pps);
    const pageNumber = Math.min(Math.max(Number(query.pagina) || 1, 1), MAX_PAGE);
    const reports = pps
      ? await this.reviews.reports(principal, pps.id, pageQuery(PAGE_SIZE, pageNumber))
      : undefined;
    const notice = typeof query.melding === 'string' ? NOTICES[query.melding] : undefined;
    return this.site.page(
      page,
      {
        title: `Meldingen over reviews${pps ? `: ${pps.name}` : ''}`,
        description: 'Wat mensen meldden over reviews van uw bouwstenen.',
        canonicalPath: pps ? reportsPath(pps.id) : '/mijn-pps/reviewmeldingen',
        section: 'mijn-pps',
        noindex: true,
      },
      <>
        {pps ? (
          <nav class="utrecht-breadcrumb-nav" aria-label="Kruimelpad">
            <ol class="breadcrumb-list">
              <li>
                <a class="utrecht-link" href={`/mijn-pps?pps=${pps.id}`} safe>
                  {`Mijn PPS: ${pps.name}`}
                </a>
              </li>
            </ol>
          </nav>
        ) : (
          ''
        )}
        <h1 class="utrecht-heading-1">Meldingen over reviews</h1>
        <StatusNotice text={notice} />
        {!pps || !reports ? (
          <p class="utrecht-paragraph">
            Kies eerst een PPS via{' '}
            <a class="utrecht-link" href="/mijn-pps">
              Mijn PPS
            </a>
            .
          </p>
        ) : reports.items.length ? (
          <>
            <p class="utrecht-paragraph">
              Verberg een review die niet klopt of die iemand schaadt (bijvoorbeeld een naam van een
              student). Een verborgen review telt niet mee in de cijfers; de schrijver ziet hem nog
              en kan hem aanpassen.
            </p>
            <ol class="plain-list request-list">
              {reports.items.map((report) => (
                <Report report={report} page={page} back={reportsPath(pps.id, pageNumber)} />
              ))}
            </ol>
            <Pagination
              current={reports.pageNumber}
              total={reports.totalPages}
              href={(n) => reportsPath(pps.id, n)}
              label="Pagina's meldingen"
            />
          </>
        ) : (
          <p class="utrecht-paragraph">Er zijn geen meldingen over reviews van uw bouwstenen.</p>
        )}
      </>,
    );
  }

  /**
   * Hides (or shows) the review; the PPS it belongs to, for the way back, and what to say there.
   * A review only members of the PPS reported (before they no longer could) is not hidden, and
   * the page says why instead of an error page.
   */
  async hide(
    principal: Principal,
    assetId: string,
    reviewId: string,
    hidden: boolean,
  ): Promise<{ ppsId: string; notice: string }> {
    let notice = hidden ? 'verborgen' : 'getoond';
    try {
      await this.reviews.setHidden(principal, assetId, reviewId, hidden);
    } catch (error) {
      if (!(error instanceof DomainException) || error.code !== ReviewError.NotReported)
        throw error;
      notice = 'niet-verborgen';
    }
    return { ppsId: (await this.assets.get(undefined, assetId)).pps.id, notice };
  }
}

function Report(props: { report: ReviewReportDto; page: PageContext; back: string }): JSX.Element {
  const { report } = props;
  return (
    <li class="request">
      <h2 class="utrecht-heading-3">
        <a class="utrecht-link" href={`/bouwstenen/${report.assetId}/reviews`} safe>
          {report.assetTitle}
        </a>
      </h2>
      <p class="utrecht-paragraph">
        {Html.escapeHtml(
          `Gemeld op ${formatDate(report.reportedAt)}${report.reviewHidden ? ' · verborgen' : ''}`,
        )}
      </p>
      <dl class="request__facts">
        <dt>Reden</dt>
        <dd class="site-lines" safe>
          {report.reason}
        </dd>
        <dt>Review</dt>
        <dd class="site-lines" safe>
          {report.reviewBody ?? '(alleen scores, geen toelichting)'}
        </dd>
      </dl>
      <ButtonForm
        page={props.page}
        action={`/mijn-pps/reviewmeldingen/${report.assetId}/${report.reviewId}/verbergen`}
        label={report.reviewHidden ? 'Weer tonen' : 'Review verbergen'}
        fields={{ verbergen: report.reviewHidden ? 'nee' : 'ja', terug: props.back }}
      />
    </li>
  );
}
