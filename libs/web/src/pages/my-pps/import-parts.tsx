import { FileScope, ImportJobDto, ImportReportLineDto, columnNamed } from '@bouwsteen/imports';
import Html from '@kitajs/html';
import { assetPath } from '../../components/asset-card';
import { DataTable } from '../../components/data-table';
import { FormTokenField } from '../../forms/form-token';
import { formatDateTime, formatNumber } from '../../format/format';
import { KIND_LABELS, KIND_ORDER } from '../../format/labels';
import type { PageContext } from '../../http/page-context';
import { STATUS } from './import-progress';

/** The parts of the import pages (ImportPage): the forms, a job's progress, totals and report. */

const SEVERITY: Record<string, string> = {
  error: 'Fout',
  warning: 'Let op',
  similar: 'Bestaat al',
};

/**
 * The templates: one per kind (only its columns; every row is of that kind) and one for every
 * kind (with a column Soort), each as Excel and as CSV (the link's name says whose, for a list
 * of links read out of context).
 */
export function Templates(): JSX.Element {
  const scopes: { scope: FileScope; name: string; short: string }[] = [
    ...KIND_ORDER.map((kind) => ({
      scope: kind,
      name: KIND_LABELS[kind].many,
      short: KIND_LABELS[kind].many.toLowerCase(),
    })),
    {
      scope: 'all',
      name: 'Alle soorten in één bestand, met een kolom Soort',
      short: 'alle soorten',
    },
  ];
  return (
    <section aria-labelledby="sjablonen-titel">
      <h2 class="utrecht-heading-2" id="sjablonen-titel">
        Sjablonen
      </h2>
      <p class="utrecht-paragraph">
        De eerste rij noemt elke kolom in het Nederlands; de tweede rij (in Excel verborgen) noemt
        haar zoals de API van Bouwsteen. Bedragen vult u in euro in, zoals 12,50. In het sjabloon
        van één soort hoeft u de soort niet in te vullen. Het Excel-sjabloon heeft keuzelijsten en
        een tabblad Toelichting dat elke kolom uitlegt.
      </p>
      <ul class="plain-list">
        {scopes.map(({ scope, name, short }) => (
          <li>
            <span safe>{`${name}: `}</span>
            <a class="utrecht-link" href={`/api/v1/imports/templates/${scope}.xlsx`} download="">
              Excel
              <span class="visually-hidden" safe>{` (${short})`}</span>
            </a>
            {', '}
            <a class="utrecht-link" href={`/api/v1/imports/templates/${scope}.csv`} download="">
              CSV
              <span class="visually-hidden" safe>{` (${short})`}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The upload: what to do with the file (a check first, by default), and the file. */
export function UploadForm({ action }: { action: string }): JSX.Element {
  return (
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
  );
}

/** The PPS's earlier imports, newest first. */
export function RecentImports({ jobs }: { jobs: ImportJobDto[] }): JSX.Element {
  return (
    <section aria-labelledby="eerder-titel">
      <h2 class="utrecht-heading-2" id="eerder-titel">
        Eerdere imports
      </h2>
      {jobs.length ? (
        <DataTable
          labelledBy="eerder-titel"
          rows={jobs}
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
  );
}

/**
 * After a dry run that went through its file: import the same file for real, without choosing
 * it again — as long as it is kept; once started, where that import is.
 */
export function RunForReal(props: {
  job: ImportJobDto;
  page: PageContext;
  mayStart: boolean;
  now: Date;
}): JSX.Element {
  const { job, page } = props;
  if (!job.dryRun || job.status !== 'done') return '';
  const kept = job.fileKeptUntil !== null && new Date(job.fileKeptUntil) > props.now;
  return (
    <section aria-labelledby="echt-titel">
      <h2 class="utrecht-heading-2" id="echt-titel">
        Nu echt importeren
      </h2>
      {job.realImportId ? (
        <p class="utrecht-paragraph">
          Dit bestand is al echt geïmporteerd.{' '}
          <a class="utrecht-link" href={`/mijn-pps/importeren/${job.realImportId}`}>
            Bekijk die import
          </a>
          .
        </p>
      ) : !kept ? (
        <p class="utrecht-paragraph">
          Het bestand van deze proefimport wordt niet meer bewaard.{' '}
          <a class="utrecht-link" href={`/mijn-pps/importeren?pps=${job.ppsId}`}>
            Kies het bestand opnieuw
          </a>
          .
        </p>
      ) : !props.mayStart ? (
        <p class="utrecht-paragraph">
          Alleen wie voor deze PPS mag importeren, kan dit bestand nu echt importeren.
        </p>
      ) : (
        <form method="post" action={`/mijn-pps/importeren/${job.id}/echt`} class="site-form">
          <FormTokenField page={page} />
          <p class="utrecht-paragraph" safe>
            {`Tevreden? Importeer hetzelfde bestand nu echt; u hoeft het niet opnieuw te kiezen. Het bestand wordt bewaard tot ${formatDateTime(job.fileKeptUntil)}.`}
          </p>
          <fieldset
            class="utrecht-form-fieldset"
            aria-describedby={job.publish ? undefined : 'echt-uitleg'}
          >
            <legend class="utrecht-form-fieldset__legend">Hoe wilt u importeren?</legend>
            <Choice value="concept" checked={!job.publish} label="Als concept" />
            <Choice value="publiceren" checked={job.publish} label="En meteen publiceren" />
          </fieldset>
          {job.publish ? (
            ''
          ) : (
            <p class="utrecht-form-field-description" id="echt-uitleg">
              Wat een rij nog mist om gepubliceerd te worden, staat in het verslag als "Let op".
              Kiest u publiceren, dan worden die rijen niet ingelezen; de rest wel.
            </p>
          )}
          <button type="submit" class="utrecht-button utrecht-button--primary-action">
            Nu echt importeren
          </button>
        </form>
      )}
    </section>
  );
}

/** On an import made after a dry run: which one. */
export function FromDryRun({ job }: { job: ImportJobDto }): JSX.Element {
  if (!job.dryRunId) return '';
  return (
    <p class="utrecht-paragraph">
      Het bestand van{' '}
      <a class="utrecht-link" href={`/mijn-pps/importeren/${job.dryRunId}`}>
        de proefimport
      </a>
      , nu echt geïmporteerd.
    </p>
  );
}

export function PickFirst(): JSX.Element {
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

export function Choice(props: { value: string; checked?: boolean; label: string }): JSX.Element {
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

export function Totals({ job }: { job: ImportJobDto }): JSX.Element {
  const t = job.totals;
  const would = job.dryRun ? ' (zou worden)' : '';
  const check = job.similarCheck;
  // "Dit bestaat al" runs after the rows are written: no count until it is done (the progress
  // above, which htmx keeps up to date, says how far it is).
  const similar =
    check.status === 'off'
      ? 'niet gecontroleerd'
      : check.status === 'waiting'
        ? 'wordt nog gecontroleerd'
        : formatNumber(t.similar);
  const rows: [string, string][] = [
    [`Nieuw${would}`, formatNumber(t.created)],
    [`Bijgewerkt${would}`, formatNumber(t.updated)],
    ['Ongewijzigd', formatNumber(t.unchanged)],
    [`Gepubliceerd${would}`, formatNumber(t.published)],
    ['Niet ingelezen', formatNumber(t.failed)],
    ['Lijkt op een bouwsteen van een andere PPS', similar],
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
          { header: 'Aantal rijen', numeric: true, text: ([, value]) => value },
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

/**
 * A line's message; a "dit bestaat al" line links to the block it found (its message, which
 * names the block and its PPS, is the link's text), so the lead can compare the two.
 */
function ReportMessage({ line }: { line: ImportReportLineDto }): JSX.Element {
  if (line.severity !== 'similar' || !line.similarAssetId) return Html.escapeHtml(line.message);
  return (
    <a class="utrecht-link" href={assetPath(line.similarAssetId)} safe>
      {line.message}
    </a>
  );
}

export function ReportTable({ lines }: { lines: ImportReportLineDto[] }): JSX.Element {
  return (
    <DataTable
      labelledBy="verslag-titel"
      rows={lines}
      columns={[
        { header: 'Rij', text: (line) => line.row ?? 'Bestand' },
        { header: 'Soort', text: (line) => SEVERITY[line.severity] ?? line.severity },
        { header: 'Kolom', text: (line) => columnText(line.field) },
        { header: 'Melding', render: (line) => <ReportMessage line={line} /> },
        { header: 'Gevonden waarde', text: (line) => line.value ?? '' },
      ]}
    />
  );
}
