import Html from '@kitajs/html';
import { Injectable } from '@nestjs/common';
import {
  CommonError,
  NotFoundError,
  ValidationFailedError,
  normaliseText,
} from '@bouwsteen/common';
import { OrganisationError, PpsService } from '@bouwsteen/organisations';
import { OverlapDto, PortfolioReportDto, ReportsService } from '@bouwsteen/reports';
import { SimilarQueryDto, SimilarityService, SearchUnavailableError } from '@bouwsteen/search';
import { assetPath } from '../../components/asset-card';
import { BarChart } from '../../components/charts/bar-chart';
import { NetworkChart } from '../../components/charts/network-chart';
import { DataTable } from '../../components/data-table';
import { SimilarPanel } from '../../components/similar-panel';
import { FieldErrors } from '../../forms/field-errors';
import { ErrorSummary, TextArea, TextField } from '../../forms/fields';
import { maxLengths } from '../../forms/field-limits';
import { FormTokenField } from '../../forms/form-token';
import { validateForm } from '../../forms/form-validation';
import { formatNumber } from '../../format/format';
import { KIND_LABELS, KIND_ORDER, LabelBook, Labels } from '../../format/labels';
import type { PageContext } from '../../http/page-context';
import { SiteRenderer } from '../../layout/site-renderer';

const API = '/api/v1/reports';

function percent(share: number): string {
  return `${formatNumber(Math.round(share * 100))}%`;
}

function Downloads({ path, what }: { path: string; what: string }): JSX.Element {
  return (
    <section aria-labelledby="downloads-titel" class="report-downloads">
      <h2 class="utrecht-heading-2" id="downloads-titel">
        Downloaden
      </h2>
      <ul class="plain-list">
        <li>
          <a class="utrecht-link" href={`${API}/${path}?format=csv`} download="">
            {Html.escapeHtml(`${what} als CSV (spreadsheet)`)}
          </a>
        </li>
        <li>
          <a class="utrecht-link" href={`${API}/${path}?format=json`} download="">
            {Html.escapeHtml(`${what} als JSON`)}
          </a>
        </li>
      </ul>
    </section>
  );
}

function Overlaps({
  overlaps,
  checked,
}: {
  overlaps: OverlapDto[];
  checked: boolean;
}): JSX.Element {
  return (
    <section aria-labelledby="overlap-titel">
      <h2 class="utrecht-heading-2" id="overlap-titel">
        Mogelijke overlap
      </h2>
      {!checked ? (
        <p class="utrecht-paragraph">
          De vergelijking is nu niet beschikbaar; probeer het later opnieuw.
        </p>
      ) : overlaps.length === 0 ? (
        <p class="utrecht-paragraph">
          Geen bouwstenen gevonden die sterk lijken op die van een andere PPS.
        </p>
      ) : (
        <DataTable
          labelledBy="overlap-titel"
          rows={overlaps}
          columns={[
            {
              header: 'Bouwsteen',
              render: (row) => (
                <a class="utrecht-link" href={assetPath(row.assetId)} safe>
                  {row.title}
                </a>
              ),
            },
            { header: 'Van', text: (row) => row.ppsName },
            {
              header: 'Lijkt op',
              render: (row) => (
                <a class="utrecht-link" href={assetPath(row.similarAssetId)} safe>
                  {row.similarTitle}
                </a>
              ),
            },
            { header: 'Van', text: (row) => row.similarPpsName },
          ]}
        />
      )}
    </section>
  );
}

/**
 * /rapportages: what was published, who reuses whom, what builds on what, and where work
 * overlaps — for funders and PPS alike, public like GET /api/v1/reports. Charts are SVG drawn
 * here, each with its numbers as a table; every report also downloads as CSV and JSON.
 */
@Injectable()
export class ReportsPage {
  constructor(
    private readonly site: SiteRenderer,
    private readonly labels: Labels,
    private readonly reports: ReportsService,
    private readonly pps: PpsService,
    private readonly similarity: SimilarityService,
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
      <>
        <h1 class="utrecht-heading-1">Rapportages</h1>
        <p class="utrecht-paragraph utrecht-paragraph--lead">
          Bouwen de PPS voort op wat er al is? Hier ziet u wie wiens werk hergebruikt, welke
          bouwstenen het meest worden hergebruikt, en per PPS, instelling en provincie wat er is
          gepubliceerd.
        </p>
        <p class="utrecht-paragraph">
          <a
            class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
            href="/rapportages/voorstel"
          >
            Voorstel toetsen: bestaat dit al?
          </a>
        </p>
        <nav aria-labelledby="kies-titel" class="report-grid home-columns">
          <h2 class="visually-hidden" id="kies-titel">
            Kies een rapport
          </h2>
          <section aria-labelledby="per-pps-titel">
            <h3 class="utrecht-heading-3" id="per-pps-titel">
              Per PPS
            </h3>
            <form method="get" action="/rapportages/pps" class="site-form site-form__row">
              <div class="utrecht-form-field">
                <label class="utrecht-form-label" for="rapport-pps">
                  PPS
                </label>
                <select
                  class="utrecht-select utrecht-select--html-select"
                  id="rapport-pps"
                  name="id"
                >
                  {directory.map((pps) => (
                    <option value={pps.id}>{Html.escapeHtml(pps.name)}</option>
                  ))}
                </select>
              </div>
              <button type="submit" class="utrecht-button utrecht-button--secondary-action">
                Toon rapport
              </button>
            </form>
          </section>
          <section aria-labelledby="per-instelling-titel">
            <h3 class="utrecht-heading-3" id="per-instelling-titel">
              Per penvoerende instelling
            </h3>
            <ul class="plain-list">
              {[...leads]
                .sort((a, b) => a[1].localeCompare(b[1], 'nl'))
                .map(([id, name]) => (
                  <li>
                    <a class="utrecht-link" href={`/rapportages/instellingen/${id}`} safe>
                      {name}
                    </a>
                  </li>
                ))}
            </ul>
            <h3 class="utrecht-heading-3">Per provincie</h3>
            <ul class="plain-list">
              {labels.terms('provinces').map((term) => (
                <li>
                  <a class="utrecht-link" href={`/rapportages/provincies/${term.code}`} safe>
                    {term.label}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        </nav>
        <h2 class="utrecht-heading-2">De regio</h2>
        <NetworkChart id="netwerk" edges={network} />
        <BarChart
          id="meest-hergebruikt"
          title="Meest hergebruikte bouwstenen"
          description="De tien bouwstenen die door de meeste PPS en organisaties zijn hergebruikt."
          valueHeader="Hergebruikt door"
          bars={ranking.assets.map((asset) => ({
            label: `${asset.title} (${asset.ppsName})`,
            value: asset.reuseCount,
          }))}
        />
        <BarChart
          id="trots-gevonden"
          title="Trots elders gevonden"
          description="PPS die het vaakst werk van anderen hergebruiken."
          valueHeader="Keer hergebruikt"
          bars={ranking.adopters.map((adopter) => ({
            label: adopter.ppsName,
            value: adopter.reusesMade,
          }))}
        />
        <Downloads
          path="proudly-found-elsewhere"
          what="Meest hergebruikt en trots elders gevonden"
        />
      </>,
    );
  }

  async ppsReport(page: PageContext, id: string): Promise<string> {
    if (!/^[0-9a-f-]{36}$/i.test(id))
      throw new NotFoundError(OrganisationError.PpsNotFound, 'pps', id);
    const [report, labels] = await Promise.all([this.reports.pps(id), this.labels.book()]);
    const totals = report.totals;
    const reused = report.assets.filter((asset) => asset.reuseCount > 0);
    return this.site.page(
      page,
      {
        title: `Rapport: ${report.pps.name}`,
        description: `Wat ${report.pps.name} publiceerde, wie het hergebruikt en waar het overlapt.`,
        canonicalPath: `/rapportages/pps/${id}`,
        section: 'rapportages',
      },
      <>
        <Crumbs />
        <h1 class="utrecht-heading-1" safe>{`Rapport: ${report.pps.name}`}</h1>
        <p class="utrecht-paragraph utrecht-paragraph--lead" safe>
          {`Penvoerder: ${report.pps.leadInstitution} · ${labels.labels('provinces', report.pps.provinces).join(', ')}`}
        </p>
        <dl class="facts report-totals">
          <dt>Gepubliceerd</dt>
          <dd safe>{formatNumber(totals.assets)}</dd>
          <dt>Hergebruikt door anderen</dt>
          <dd safe>{formatNumber(totals.reusesReceived)}</dd>
          <dt>Zelf hergebruikt van anderen</dt>
          <dd safe>{formatNumber(totals.reusesMade)}</dd>
          <dt>Afgeleid van werk van anderen</dt>
          <dd
            safe
          >{`${formatNumber(totals.derivatives)} (${percent(totals.buildsOnExistingShare)} van wat ze publiceerden)`}</dd>
        </dl>
        <div class="report-grid">
          <BarChart
            id="per-soort"
            title="Gepubliceerd per soort"
            description={`Aantal gepubliceerde bouwstenen van ${report.pps.name} per soort.`}
            valueHeader="Aantal"
            bars={KIND_ORDER.map((kind) => ({
              label: KIND_LABELS[kind].many,
              value: totals.byKind[kind] ?? 0,
            }))}
          />
          <BarChart
            id="hergebruik"
            title="Hergebruik per bouwsteen"
            description="Door hoeveel PPS en organisaties elke bouwsteen is hergebruikt, meest hergebruikt eerst."
            valueHeader="Hergebruikt door"
            bars={reused
              .slice(0, 15)
              .map((asset) => ({ label: asset.title, value: asset.reuseCount }))}
          />
        </div>
        <section aria-labelledby="wie-titel">
          <h2 class="utrecht-heading-2" id="wie-titel">
            Wie hergebruikt wat
          </h2>
          {reused.length ? (
            <DataTable
              labelledBy="wie-titel"
              rows={reused}
              columns={[
                {
                  header: 'Bouwsteen',
                  render: (asset) => (
                    <a class="utrecht-link" href={assetPath(asset.assetId)} safe>
                      {asset.title}
                    </a>
                  ),
                },
                { header: 'Soort', text: (asset) => labels.kind(asset.kind) },
                { header: 'Hergebruikt door', text: (asset) => asset.adopters.join(', ') },
              ]}
            />
          ) : (
            <p class="utrecht-paragraph">Nog geen hergebruik vastgelegd.</p>
          )}
        </section>
        <Overlaps overlaps={report.overlaps} checked={report.overlapsChecked} />
        <Downloads path={`pps/${id}`} what="Dit rapport" />
      </>,
    );
  }

  async portfolio(
    page: PageContext,
    scope: 'instellingen' | 'provincies',
    id: string,
  ): Promise<string> {
    let report: PortfolioReportDto;
    if (scope === 'instellingen') {
      if (!/^[0-9a-f-]{36}$/i.test(id))
        throw new NotFoundError(OrganisationError.NotFound, 'organisation', id);
      report = await this.reports.leadInstitution(id);
    } else {
      try {
        report = await this.reports.province(id);
      } catch (error) {
        if (error instanceof ValidationFailedError)
          throw new NotFoundError(CommonError.NotFound, 'province', id);
        throw error;
      }
    }
    const what = scope === 'instellingen' ? 'penvoerder' : 'provincie';
    return this.site.page(
      page,
      {
        title: `Rapport: ${report.scope.name}`,
        description: `De PPS van ${what} ${report.scope.name}: publicaties, hergebruik en overlap.`,
        canonicalPath: `/rapportages/${scope}/${id}`,
        section: 'rapportages',
      },
      <>
        <Crumbs />
        <h1 class="utrecht-heading-1" safe>{`Rapport: ${report.scope.name}`}</h1>
        <BarChart
          id="gepubliceerd"
          title="Gepubliceerd per PPS"
          description={`Aantal gepubliceerde bouwstenen per PPS van ${report.scope.name}.`}
          valueHeader="Gepubliceerd"
          bars={report.portfolio.map((row) => ({ label: row.ppsName, value: row.assets }))}
        />
        <BarChart
          id="hergebruikt"
          title="Hergebruikt door anderen, per PPS"
          description="Hoe vaak het werk van elke PPS door anderen is hergebruikt."
          valueHeader="Hergebruikt"
          bars={report.portfolio.map((row) => ({ label: row.ppsName, value: row.reusesReceived }))}
        />
        <section aria-labelledby="kruis-titel">
          <h2 class="utrecht-heading-2" id="kruis-titel">
            Hergebruik tussen deze PPS
          </h2>
          {report.crossovers.length ? (
            <DataTable
              labelledBy="kruis-titel"
              rows={report.crossovers}
              columns={[
                { header: 'PPS', text: (row) => row.toPps },
                { header: 'hergebruikt van', text: (row) => row.fromPps },
                { header: 'Bouwsteen', text: (row) => row.assetTitle },
              ]}
            />
          ) : (
            <p class="utrecht-paragraph">Geen hergebruik tussen deze PPS vastgelegd.</p>
          )}
        </section>
        <Overlaps overlaps={report.overlaps} checked={report.overlapsChecked} />
        <Downloads
          path={scope === 'instellingen' ? `lead-institutions/${id}` : `provinces/${id}`}
          what="Dit rapport"
        />
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
    let result:
      | { checked: boolean; similar: Awaited<ReturnType<SimilarityService['similarForText']>> }
      | undefined;
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
      <>
        <Crumbs />
        <h1 class="utrecht-heading-1">Voorstel toetsen</h1>
        <ErrorSummary
          errors={errors}
          labelOf={(path) => (path === 'titel' ? 'Titel' : 'Tekst van het voorstel')}
        />
        <p class="utrecht-paragraph">
          Plak de titel en de tekst van een voorstel. Bouwsteen zoekt gepubliceerde bouwstenen van
          alle PPS die erop lijken, met de reden waarom, zodat u kunt vragen: bouwt dit voort op wat
          er al is?
        </p>
        <form method="post" action="/rapportages/voorstel" class="site-form no-print" novalidate>
          <FormTokenField page={page} />
          <TextField
            path="titel"
            label="Titel van het voorstel"
            value={title}
            maxlength={PROPOSAL_LIMITS.title}
            errors={errors}
            required
          />
          <TextArea
            path="tekst"
            label="Tekst van het voorstel"
            hint={`Samenvatting, doelen of leeruitkomsten; hoogstens ${formatNumber(PROPOSAL_LIMITS.summary)} tekens.`}
            rows={8}
            value={text}
            maxlength={PROPOSAL_LIMITS.summary}
            errors={errors}
          />
          <button type="submit" class="utrecht-button utrecht-button--primary-action">
            Toetsen
          </button>
        </form>
        {result ? <ProposalResult result={result} labels={labels} title={title} /> : ''}
      </>,
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

function ProposalResult(props: {
  result: { checked: boolean; similar: Parameters<typeof SimilarPanel>[0]['similar'] };
  labels: LabelBook;
  title: string;
}): JSX.Element {
  const owners = [...new Set(props.result.similar.map((match) => match.pps.name))];
  return (
    <section aria-labelledby="uitkomst-titel" class="proposal-results">
      <h2 class="utrecht-heading-2" id="uitkomst-titel" safe>
        {`Uitkomst voor "${props.title}"`}
      </h2>
      {props.result.checked && props.result.similar.length ? (
        <p class="utrecht-paragraph" safe>
          {`Bestaat al, geheel of gedeeltelijk, bij: ${owners.join(', ')}.`}
        </p>
      ) : (
        ''
      )}
      <SimilarPanel
        similar={props.result.similar}
        checked={props.result.checked}
        asked
        labels={props.labels}
        readOnly
      />
      <p class="utrecht-paragraph no-print">
        <button
          type="button"
          class="utrecht-button utrecht-button--secondary-action"
          data-print
          hidden
        >
          Afdrukken
        </button>
      </p>
    </section>
  );
}

function Crumbs(): JSX.Element {
  return (
    <nav aria-label="Kruimelpad">
      <ol class="breadcrumb-list">
        <li>
          <a class="utrecht-link" href="/rapportages">
            Rapportages
          </a>
        </li>
      </ol>
    </nav>
  );
}
