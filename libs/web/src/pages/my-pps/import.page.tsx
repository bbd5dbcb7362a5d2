import Html from '@kitajs/html';
import { ProblemNotice } from '../../components/status-notice';
import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { Principal } from '@bouwsteen/auth';
import {
  Constraint,
  DomainException,
  FieldError,
  PageQueryDto,
  ValidationFailedError,
} from '@bouwsteen/common';
import {
  columnNamed,
  ImportError,
  ImportJobDto,
  ImportListQueryDto,
  ImportReportLineDto,
  ImportsService,
} from '@bouwsteen/imports';
import { PpsService } from '@bouwsteen/organisations';
import { DataTable } from '../../components/data-table';
import { Pagination } from '../../components/pagination';
import { FORM_TOKEN_FIELD, FormTokenField } from '../../forms/form-token';
import { tickedBox } from '../../forms/form-values';
import { formatDateTime, formatNumber } from '../../format/format';
import { KIND_LABELS, KIND_ORDER } from '../../format/labels';
import type { PageAnswer } from '../../http/page-answer';
import type { PageContext } from '../../http/page-context';
import type { PageMeta } from '../../layout/page-meta';
import { SiteRenderer } from '../../layout/site-renderer';
import { workingPps } from './my-pps-scope';

const REPORT_PAGE = 100;
const STATUS: Record<string, string> = {
  queued: 'In de wachtrij',
  running: 'Bezig',
  done: 'Klaar',
  failed: 'Mislukt',
  cancelled: 'Geannuleerd',
};
const SEVERITY: Record<string, string> = {
  error: 'Fout',
  warning: 'Let op',
  similar: 'Bestaat al',
};

/**
 * /mijn-pps/importeren: a PPS lead brings a spreadsheet in from the browser — the templates,
 * the upload (a check first, by default), and each import's progress, totals and report. The
 * work is the imports library's; this page only asks and shows.
 */
@Injectable()
export class ImportPage {
  constructor(
    private readonly site: SiteRenderer,
    private readonly pps: PpsService,
    private readonly imports: ImportsService,
  ) {}

  async form(
    page: PageContext,
    principal: Principal,
    requested: unknown,
    problem?: string,
  ): Promise<string> {
    const pps = workingPps(principal, await this.pps.directory(), requested);
    if (!pps)
      return this.site.page(
        page,
        meta('Catalogus importeren', '/mijn-pps/importeren'),
        <PickFirst />,
      );
    const recent = await this.imports.list(
      principal,
      Object.assign(new ImportListQueryDto(), { ppsId: pps.id, pageNumber: 1, pageSize: 20 }),
    );
    const action = `/mijn-pps/importeren?pps=${pps.id}&${FORM_TOKEN_FIELD}=${encodeURIComponent(page.formToken)}`;
    return this.site.page(
      page,
      meta(`Catalogus importeren: ${pps.name}`, `/mijn-pps/importeren?pps=${pps.id}`),
      <>
        <h1 class="utrecht-heading-1" safe>{`Catalogus importeren: ${pps.name}`}</h1>
        <p class="utrecht-paragraph">
          Zet uw modules, curricula, praktijkomgevingen en goede praktijken in een spreadsheet en
          breng ze in één keer over. Eén rij is één bouwsteen. Met een eigen code per bouwsteen
          werkt een volgende import dezelfde bouwstenen bij in plaats van nieuwe te maken.
        </p>
        <ProblemNotice text={problem} />
        <section aria-labelledby="sjablonen-titel">
          <h2 class="utrecht-heading-2" id="sjablonen-titel">
            Sjablonen
          </h2>
          <p class="utrecht-paragraph">
            Elk sjabloon heeft keuzelijsten en een tabblad Toelichting dat elke kolom uitlegt.
          </p>
          <ul class="plain-list">
            {KIND_ORDER.map((kind) => (
              <li>
                <a class="utrecht-link" href={`/api/v1/imports/templates/${kind}.xlsx`} download="">
                  {Html.escapeHtml(`Sjabloon ${KIND_LABELS[kind].many.toLowerCase()} (Excel)`)}
                </a>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="versturen-titel">
          <h2 class="utrecht-heading-2" id="versturen-titel">
            Bestand versturen
          </h2>
          <form method="post" action={action} enctype="multipart/form-data" class="site-form">
            <fieldset class="utrecht-form-fieldset">
              <legend class="utrecht-form-fieldset__legend">Wat wilt u doen?</legend>
              <Choice
                value="proef"
                checked
                label="Alleen controleren (proefimport): er verandert niets"
              />
              <Choice value="concept" label="Importeren als concept" />
              <Choice value="publiceren" label="Importeren en meteen publiceren" />
            </fieldset>
            <div class="utrecht-form-field utrecht-form-field--checkbox">
              <input
                class="utrecht-checkbox utrecht-checkbox--html-input"
                type="checkbox"
                id="vergelijken"
                name="vergelijken"
                value="ja"
                checked
              />
              <label class="utrecht-form-label utrecht-form-label--checkbox" for="vergelijken">
                Controleren of een nieuwe bouwsteen al bestaat bij een andere PPS
              </label>
            </div>
            <div class="utrecht-form-field">
              <label class="utrecht-form-label" for="bestand">
                Bestand
              </label>
              <p class="utrecht-form-field-description" id="bestand-uitleg">
                Excel (.xlsx), CSV (opgeslagen als CSV UTF-8) of JSON Lines (.jsonl).
              </p>
              <input
                class="utrecht-textbox utrecht-textbox--html-input"
                type="file"
                id="bestand"
                name="file"
                accept=".xlsx,.csv,.jsonl"
                aria-describedby="bestand-uitleg"
                required
              />
            </div>
            <button class="utrecht-button utrecht-button--primary-action" type="submit">
              Versturen
            </button>
          </form>
        </section>
        <section aria-labelledby="eerder-titel">
          <h2 class="utrecht-heading-2" id="eerder-titel">
            Eerdere imports
          </h2>
          {recent.items.length ? (
            <DataTable
              labelledBy="eerder-titel"
              rows={recent.items}
              columns={[
                {
                  header: 'Gestart',
                  render: (job) => (
                    <a class="utrecht-link" href={`/mijn-pps/importeren/${job.id}`} safe>
                      {formatDateTime(job.createdAt)}
                    </a>
                  ),
                },
                { header: 'Bestand', text: (job) => job.fileName ?? '—' },
                { header: 'Soort', text: (job) => (job.dryRun ? 'Proefimport' : 'Import') },
                { header: 'Status', text: (job) => STATUS[job.status] ?? job.status },
                { header: 'Nieuw', numeric: true, text: (job) => formatNumber(job.totals.created) },
                {
                  header: 'Niet ingelezen',
                  numeric: true,
                  text: (job) => formatNumber(job.totals.failed),
                },
              ]}
            />
          ) : (
            <p class="utrecht-paragraph">Nog geen imports voor deze PPS.</p>
          )}
        </section>
      </>,
    );
  }

  /** The upload: a job, then its page; a refused file brings the form back with the reason. */
  async start(
    page: PageContext,
    principal: Principal,
    requested: unknown,
    request: Request,
  ): Promise<PageAnswer> {
    const pps = workingPps(principal, await this.pps.directory(), requested);
    if (!pps) return { redirect: '/mijn-pps/importeren' };
    try {
      const job = await this.imports.start(principal, { ppsId: pps.id }, request, uploadChoices);
      return { redirect: `/mijn-pps/importeren/${job.id}` };
    } catch (error) {
      if (!(error instanceof DomainException) || error.status >= 500) throw error;
      // Refused before the file was read (a choice the form never offers): let the rest of the
      // upload drain instead of holding the connection.
      request.unpipe();
      request.resume();
      return {
        html: await this.form(page, principal, pps.id, uploadProblem(error)),
        status: error.status,
        headers: error.headers,
      };
    }
  }

  async job(
    page: PageContext,
    principal: Principal,
    id: string,
    pageNumber: unknown,
  ): Promise<string> {
    const job = await this.imports.get(principal, id);
    const number = Math.min(Math.max(Number(pageNumber) || 1, 1), 1000);
    const report = await this.imports.report(
      principal,
      id,
      Object.assign(new PageQueryDto(), { pageNumber: number, pageSize: REPORT_PAGE }),
    );
    const running = job.status === 'queued' || job.status === 'running';
    return this.site.page(
      page,
      meta(
        `${job.dryRun ? 'Proefimport' : 'Import'} ${job.fileName ?? ''}`.trim(),
        `/mijn-pps/importeren/${id}`,
      ),
      <>
        <h1 class="utrecht-heading-1" safe>
          {`${job.dryRun ? 'Proefimport' : 'Import'}${job.fileName ? `: ${job.fileName}` : ''}`}
        </h1>
        <Progress job={job} />
        {running ? (
          <Stop job={job} page={page} />
        ) : (
          <>
            <Totals job={job} />
            <section aria-labelledby="verslag-titel">
              <h2 class="utrecht-heading-2" id="verslag-titel">
                Verslag
              </h2>
              {report.items.length ? (
                <ReportTable lines={report.items} />
              ) : (
                <p class="utrecht-paragraph">Niets te melden: elke rij is ingelezen.</p>
              )}
              <Pagination
                current={report.pageNumber}
                total={report.totalPages}
                href={(n) => `/mijn-pps/importeren/${id}?pagina=${n}`}
                label="Pagina's van het verslag"
              />
            </section>
          </>
        )}
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`/mijn-pps/importeren?pps=${job.ppsId}`}>
            {job.dryRun && job.status === 'done'
              ? 'Tevreden? Kies het bestand opnieuw en kies Importeren'
              : 'Terug naar importeren'}
          </a>
        </p>
      </>,
    );
  }

  /** Stops the import after the rows it is working on; one that has ended already is left as is. */
  async stop(principal: Principal, id: string): Promise<PageAnswer> {
    try {
      await this.imports.cancel(principal, id);
    } catch (error) {
      if (!(error instanceof DomainException && error.code === ImportError.Finished)) throw error;
    }
    return { redirect: `/mijn-pps/importeren/${id}` };
  }

  /** The progress block alone, for htmx while the job runs; a finished job reloads the page. */
  async progress(principal: Principal, id: string): Promise<{ html: string; finished: boolean }> {
    const job = await this.imports.get(principal, id);
    return {
      html: String(<Progress job={job} />),
      finished: job.status !== 'queued' && job.status !== 'running',
    };
  }
}

const GOALS = ['proef', 'concept', 'publiceren'];

/**
 * The form's choices (sent before the file): what to do, and whether to look for blocks that
 * already exist. A value the form never offers is refused, not read as the default.
 */
function uploadChoices(fields: Record<string, string>) {
  const goal = fields.doel ?? 'proef';
  const compare = tickedBox('vergelijken', fields.vergelijken);
  const errors: FieldError[] = compare.error ? [compare.error] : [];
  if (!GOALS.includes(goal))
    errors.push({
      field: 'doel',
      message: `must be one of the following values: ${GOALS.join(', ')}`,
      code: Constraint.IsIn,
      values: { allowed: GOALS.join(', ') },
    });
  if (errors.length > 0) throw new ValidationFailedError(errors);
  return { dryRun: goal === 'proef', publish: goal === 'publiceren', checkSimilar: compare.ticked };
}

const UPLOAD_PROBLEM =
  'Dit bestand kon niet worden ingelezen. Kies een .xlsx-, .csv- of .jsonl-bestand.';
const UPLOAD_PROBLEMS: Record<string, string> = {
  'import-unsupported-format':
    'Kies een Excel-bestand (.xlsx), een CSV-bestand of JSON Lines (.jsonl).',
  'import-no-file': 'Kies eerst een bestand.',
  'import-too-large': 'Dit bestand is te groot. Verdeel het over meer bestanden.',
  'import-too-many-waiting':
    'Voor deze PPS staan al zoveel imports klaar of lopen nog, dat deze er niet meer bij kan. Start hem opnieuw zodra een van de imports hieronder klaar is.',
  'unsupported-charset': 'Sla het CSV-bestand op als "CSV UTF-8" en probeer het opnieuw.',
  'validation-failed':
    'Kies wat u wilt doen met een van de keuzes hieronder, en vink het vakje aan of laat het leeg.',
};

function uploadProblem(error: DomainException): string {
  if (error.errors?.some((problem) => problem.field === 'file'))
    return 'De naam van het bestand bevat tekens die niet konden worden gelezen. Geef het bestand een andere naam en probeer het opnieuw.';
  return UPLOAD_PROBLEMS[error.code] ?? UPLOAD_PROBLEM;
}

function meta(title: string, canonicalPath: string): PageMeta {
  return {
    title,
    description: 'Bouwstenen uit een spreadsheet in één keer overbrengen.',
    canonicalPath,
    section: 'mijn-pps',
    noindex: true,
  };
}

function PickFirst(): JSX.Element {
  return (
    <>
      <h1 class="utrecht-heading-1">Catalogus importeren</h1>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/mijn-pps">
          Kies eerst de PPS waarvoor u importeert
        </a>
        .
      </p>
    </>
  );
}

function Choice(props: { value: string; checked?: boolean; label: string }): JSX.Element {
  const id = `doel-${props.value}`;
  return (
    <div class="utrecht-form-field utrecht-form-field--radio">
      <input
        class="utrecht-radio-button utrecht-radio-button--html-input"
        type="radio"
        id={id}
        name="doel"
        value={props.value}
        checked={props.checked}
      />
      <label class="utrecht-form-label utrecht-form-label--radio" for={id} safe>
        {props.label}
      </label>
    </div>
  );
}

function Stop({ job, page }: { job: ImportJobDto; page: PageContext }): JSX.Element {
  if (job.cancelRequested)
    return (
      <p class="utrecht-paragraph">
        Stoppen aangevraagd: de import stopt na de rijen die nu worden verwerkt.
      </p>
    );
  return (
    <form method="post" action={`/mijn-pps/importeren/${job.id}/stoppen`} class="site-form">
      <FormTokenField page={page} />
      <p class="utrecht-paragraph">
        {job.dryRun
          ? 'Stoppen kan tussendoor; het verslag gaat dan over de rijen tot dan toe.'
          : 'Stoppen kan tussendoor: de bouwstenen die al zijn ingelezen, blijven staan.'}
      </p>
      <button type="submit" class="utrecht-button utrecht-button--secondary-action">
        Import stoppen
      </button>
    </form>
  );
}

function Progress({ job }: { job: ImportJobDto }): JSX.Element {
  const running = job.status === 'queued' || job.status === 'running';
  return (
    <div
      id="voortgang"
      role="status"
      hx-get={running ? `/mijn-pps/importeren/${job.id}/voortgang` : undefined}
      hx-trigger={running ? 'every 2s' : undefined}
      hx-swap={running ? 'outerHTML' : undefined}
    >
      <p class="utrecht-paragraph" safe>
        {`Status: ${STATUS[job.status] ?? job.status}. ${formatNumber(job.progress.rowsRead)} rijen gelezen.`}
      </p>
      {running ? (
        <>
          <label class="utrecht-form-label" for="voortgang-balk">
            Voortgang
          </label>
          <progress id="voortgang-balk" max="100" value={String(job.progress.percent)} safe>
            {`${job.progress.percent}%`}
          </progress>
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={`/mijn-pps/importeren/${job.id}`}>
              Vernieuwen
            </a>
          </p>
        </>
      ) : (
        ''
      )}
      {job.error ? (
        <div class="utrecht-alert utrecht-alert--error">
          <p class="utrecht-paragraph" safe>
            {job.error}
          </p>
        </div>
      ) : (
        ''
      )}
    </div>
  );
}

function Totals({ job }: { job: ImportJobDto }): JSX.Element {
  const t = job.totals;
  const would = job.dryRun ? ' (zou worden)' : '';
  const rows: [string, number][] = [
    [`Nieuw${would}`, t.created],
    [`Bijgewerkt${would}`, t.updated],
    ['Ongewijzigd', t.unchanged],
    [`Gepubliceerd${would}`, t.published],
    ['Niet ingelezen', t.failed],
    ['Lijkt op een bouwsteen van een andere PPS', t.similar],
  ];
  return (
    <section aria-labelledby="totalen-titel">
      <h2 class="utrecht-heading-2" id="totalen-titel">
        Totalen
      </h2>
      <DataTable
        labelledBy="totalen-titel"
        rows={rows}
        columns={[
          { header: 'Wat', text: ([label]) => label },
          { header: 'Aantal rijen', numeric: true, text: ([, value]) => formatNumber(value) },
        ]}
      />
    </section>
  );
}

/** A report's field as a person reads it: the column's Dutch name, with the API's path. */
function columnText(field: string | null): string {
  if (!field) return '';
  const parts = field.split('.');
  for (let length = parts.length; length > 0; length--) {
    const column = columnNamed(parts.slice(0, length).join('.'));
    if (column) return `${column.label} (${field})`;
  }
  return field;
}

function ReportTable({ lines }: { lines: ImportReportLineDto[] }): JSX.Element {
  return (
    <DataTable
      labelledBy="verslag-titel"
      rows={lines}
      columns={[
        { header: 'Rij', text: (line) => line.row ?? 'Bestand' },
        { header: 'Soort', text: (line) => SEVERITY[line.severity] ?? line.severity },
        { header: 'Kolom', text: (line) => columnText(line.field) },
        { header: 'Melding', text: (line) => line.message },
        { header: 'Gevonden waarde', text: (line) => line.value ?? '' },
      ]}
    />
  );
}
