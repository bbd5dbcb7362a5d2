import { UsagePolicy } from '@bouwsteen/usage/pure';
import { Injectable } from '@nestjs/common';
import {
  CommonError,
  NotFoundError,
  ValidationFailedError,
  normaliseText,
} from '@bouwsteen/common';
import { ListsService } from '@bouwsteen/lists';
import { OrganisationError, PpsService } from '@bouwsteen/organisations';
import { CoverageReportDto, PortfolioReportDto, ReportsService } from '@bouwsteen/reports';
import { SimilarQueryDto, SimilarityService, SearchUnavailableError } from '@bouwsteen/search';
import { FieldErrors } from '../../forms/field-errors';
import { maxLengths } from '../../forms/field-limits';
import { validateForm } from '../../forms/form-validation';
import { Labels } from '../../format/labels';
import type { PageContext } from '../../http/page-context';
import { SiteRenderer } from '../../layout/site-renderer';
import { PublicLists } from '../lists/public-lists';
import { PortfolioView } from './portfolio-report.view';
import { PpsReportView } from './pps-report.view';
import { ProposalResultData, ProposalView } from './proposal.view';
import { OverviewView } from './reports-overview.view';

const UUID = /^[0-9a-f-]{36}$/i;

/** A list's page from the address: a whole number from 1, anything else the first page. */
function pageNumber(value: unknown): number {
  const number = Number(value);
  return Number.isInteger(number) && number >= 1 ? Math.min(number, 500) : 1;
}

/**
 * /rapportages: what was published, who reuses whom, what builds on what, and where work
 * overlaps — for funders and PPS alike, public like GET /api/v1/reports. This service gathers
 * each report's data; the views (*.view.tsx) draw it: figures first, charts in HTML with their
 * numbers behind "Toon tabel", and every report also downloads as CSV and JSON.
 */
@Injectable()
export class ReportsPage {
  constructor(
    private readonly site: SiteRenderer,
    private readonly labels: Labels,
    private readonly reports: ReportsService,
    private readonly pps: PpsService,
    private readonly similarity: SimilarityService,
    private readonly lists: ListsService,
  ) {}

  async overview(page: PageContext): Promise<string> {
    const [labels, network, ranking, directory] = await Promise.all([
      this.labels.book(),
      this.reports.network(),
      this.reports.ranking(10),
      this.pps.directory(),
    ]);
    const leads = new Map(
      directory.map((pps) => [pps.leadInstitution.id, pps.leadInstitution.name]),
    );
    return this.site.page(
      page,
      {
        title: 'Rapportages',
        description:
          'Hergebruik tussen de PPS in Noord-Holland en Flevoland, per PPS, instelling en provincie.',
        canonicalPath: '/rapportages',
        section: 'rapportages',
      },
      <OverviewView
        data={{
          headline: ranking.headline,
          network,
          ranking,
          pps: directory.map((pps) => ({ id: pps.id, name: pps.name })),
          searchAnalytics: UsagePolicy.mayReadSearchAnalytics(page.principal),
          leads: [...leads]
            .map(([id, name]) => ({ id, name }))
            .sort((a, b) => a.name.localeCompare(b.name, 'nl')),
          provinces: labels.terms('provinces'),
        }}
      />,
    );
  }

  async ppsReport(
    page: PageContext,
    id: string,
    query: { door?: unknown; van?: unknown } = {},
  ): Promise<string> {
    if (!UUID.test(id)) throw new NotFoundError(OrganisationError.PpsNotFound, 'pps', id);
    const report = await this.reports.pps(id);
    const [labels, reusedBy, reusedFrom] = await Promise.all([
      this.labels.book(),
      this.reports.reuseLinks(id, 'by', pageNumber(query.door)),
      this.reports.reuseLinks(id, 'from', pageNumber(query.van)),
    ]);
    return this.site.page(
      page,
      {
        title: `Rapport: ${report.pps.name}`,
        description: `Wat ${report.pps.name} publiceerde, wie het hergebruikt en waar het overlapt.`,
        canonicalPath: `/rapportages/pps/${id}`,
        section: 'rapportages',
      },
      <PpsReportView
        data={{
          report,
          headline: report.headline,
          provinces: labels.labels('provinces', report.pps.provinces),
          reusedBy,
          reusedFrom,
        }}
      />,
    );
  }

  async portfolio(
    page: PageContext,
    scope: 'instellingen' | 'provincies',
    id: string,
  ): Promise<string> {
    let report: PortfolioReportDto;
    let coverage: CoverageReportDto | undefined;
    if (scope === 'instellingen') {
      if (!UUID.test(id)) throw new NotFoundError(OrganisationError.NotFound, 'organisation', id);
      report = await this.reports.leadInstitution(id);
    } else {
      try {
        [report, coverage] = await Promise.all([
          this.reports.province(id),
          this.reports.coverage(id),
        ]);
      } catch (error) {
        if (error instanceof ValidationFailedError)
          throw new NotFoundError(CommonError.NotFound, 'province', id);
        throw error;
      }
    }
    const ppsIds = report.portfolio.map((row) => row.ppsId);
    const network = ppsIds.length > 1 ? await this.reports.network(200, ppsIds) : [];
    const what = scope === 'instellingen' ? 'penvoerder' : 'provincie';
    // An organisation's page also shows the lists its people made public.
    const lists = scope === 'instellingen' ? await this.lists.publicOf(id) : [];
    return this.site.page(
      page,
      {
        title: `Rapport: ${report.scope.name}`,
        description: `De PPS van ${what} ${report.scope.name}: publicaties, hergebruik en overlap.`,
        canonicalPath: `/rapportages/${scope}/${id}`,
        section: 'rapportages',
      },
      <>
        <PortfolioView data={{ scope, id, report, headline: report.headline, network, coverage }} />
        <PublicLists lists={lists} organisation={report.scope.name} />
      </>,
    );
  }

  /**
   * A funder's check: paste a proposal, see what already exists and from whom (printable). The
   * form posts (a proposal's text is never in an address, where it would reach logs, history
   * and the 16 KB header limit); GET shows the empty form.
   */
  async proposal(
    page: PageContext,
    body?: Record<string, unknown>,
  ): Promise<{ html: string; status: number }> {
    const asked = body !== undefined;
    const title = oneLine(body?.titel);
    const text = typeof body?.tekst === 'string' ? body.tekst : '';
    let errors = new FieldErrors();
    let result: ProposalResultData | undefined;
    if (asked) {
      const valid = await validateForm(SimilarQueryDto, {
        title,
        ...(text ? { summary: text } : {}),
      });
      if (!valid.ok)
        errors = new FieldErrors(
          valid.errors.map((e) => ({ ...e, field: PROPOSAL_FIELDS[e.field] ?? e.field })),
        );
      else {
        try {
          result = { checked: true, similar: await this.similarity.similarForText(valid.value) };
        } catch (error) {
          if (!(error instanceof SearchUnavailableError)) throw error;
          result = { checked: false, similar: [] };
        }
      }
    }
    const labels = await this.labels.book();
    const html = await this.site.page(
      page,
      {
        title: 'Voorstel toetsen',
        description:
          'Bestaat dit al? Vergelijk een projectvoorstel met de bouwstenen van alle PPS.',
        canonicalPath: '/rapportages/voorstel',
        section: 'rapportages',
        noindex: asked,
      },
      <ProposalView
        page={page}
        title={title}
        text={text}
        errors={errors}
        limits={PROPOSAL_LIMITS}
        result={result}
        labels={labels}
      />,
    );
    return { html, status: errors.any ? 400 : 200 };
  }
}

/** The form's fields by the API's names (SimilarQueryDto). */
const PROPOSAL_FIELDS: Record<string, string> = { title: 'titel', summary: 'tekst' };
const PROPOSAL_LIMITS = maxLengths(SimilarQueryDto);

function oneLine(value: unknown): string {
  return typeof value === 'string' ? normaliseText(value, { singleLine: true }) : '';
}
