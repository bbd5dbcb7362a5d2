import Html from '@kitajs/html';
import type { QualificationImport, UnknownCodes } from '@bouwsteen/qualifications';
import { DataTable } from '../../components/data-table';
import { ERROR_SUMMARY_ID } from '../../forms/fields';
import { count, formatDateTime, formatNumber } from '../../format/format';

const PATH = '/beheer/kwalificaties';
/** An SBB file may leave out many things; the page lists this many and counts the rest. */
const WARNINGS_SHOWN = 200;

export interface QualificationsAdminData {
  imports: QualificationImport[];
  /** Whether the data now is the bundled illustrative set. */
  reference: boolean;
  who: (entry: QualificationImport) => string;
  /** Where the form posts (its token in the address: the body is the file). */
  action: string;
  /** Why the last file was not read, to show at the field. */
  problem?: string;
}

const AUTOFOCUS: Record<string, string> = { autofocus: '' };

/** The upload, what the data now is, and every earlier import. */
export function QualificationsAdminView(props: { data: QualificationsAdminData }): JSX.Element {
  const { imports, reference, who, action, problem } = props.data;
  return (
    <>
      <h1 class="utrecht-heading-1">Kwalificatiestructuur</h1>
      {problem ? (
        <div
          class="utrecht-alert utrecht-alert--error site-error-summary"
          tabindex="-1"
          {...AUTOFOCUS}
          id={ERROR_SUMMARY_ID}
          aria-labelledby={`${ERROR_SUMMARY_ID}-titel`}
          data-error-summary
        >
          <div class="utrecht-alert__content">
            <h2 class="utrecht-heading-2" id={`${ERROR_SUMMARY_ID}-titel`}>
              Er is een probleem
            </h2>
            <ul class="utrecht-unordered-list">
              <li>
                <a class="utrecht-link" href="#bestand" safe>
                  {`XML-bestand van SBB: ${problem}`}
                </a>
              </li>
            </ul>
          </div>
        </div>
      ) : (
        ''
      )}
      <p class="utrecht-paragraph">
        Bouwsteen kent de mbo-kwalificaties en keuzedelen uit het bestand dat SBB publiceert.
        Daarmee krijgen crebocodes en keuzedeelcodes op de pagina's een naam, en laat{' '}
        <a class="utrecht-link" href="/kwalificaties">
          Kwalificaties
        </a>{' '}
        zien waar herbruikbaar materiaal is en waar het ontbreekt.
      </p>
      {reference ? (
        <div class="utrecht-alert utrecht-alert--warning" role="status">
          <p class="utrecht-paragraph">
            Nu staat de voorbeeldset van Bouwsteen erin, niet de gegevens van SBB: de namen van
            dossiers, kerntaken en de meeste keuzedelen zijn ter illustratie. Lees hieronder het
            bestand van SBB in; dat vervangt de voorbeeldset helemaal.
          </p>
        </div>
      ) : (
        ''
      )}
      <section aria-labelledby="inlezen-titel">
        <h2 class="utrecht-heading-2" id="inlezen-titel">
          Bestand inlezen
        </h2>
        <form method="post" action={action} enctype="multipart/form-data" class="site-form">
          <div class={`utrecht-form-field${problem ? ' utrecht-form-field--invalid' : ''}`}>
            <label class="utrecht-form-label" for="bestand">
              XML-bestand van SBB
            </label>
            <p class="utrecht-form-field-description" id="bestand-uitleg">
              De kwalificatiedossiers en keuzedelen in SBB's XML (UTF-8). Een dossier of keuzedeel
              in het bestand vervangt wat er stond; wat het bestand niet noemt, blijft staan.
            </p>
            {problem ? (
              <p class="utrecht-form-field-error-message" id="bestand-fout" safe>
                {problem}
              </p>
            ) : (
              ''
            )}
            <input
              class="utrecht-textbox utrecht-textbox--html-input"
              type="file"
              id="bestand"
              name="bestand"
              accept=".xml,application/xml,text/xml"
              aria-describedby={problem ? 'bestand-uitleg bestand-fout' : 'bestand-uitleg'}
              aria-invalid={problem ? 'true' : undefined}
              required
            />
          </div>
          <button class="utrecht-button utrecht-button--primary-action" type="submit">
            Inlezen
          </button>
        </form>
      </section>
      {/* No name on this section: the table's scroll region already carries "Eerdere imports",
          and two regions of one name are one landmark too many. */}
      <section>
        <h2 class="utrecht-heading-2" id="eerder-titel">
          Eerdere imports
        </h2>
        {imports.length ? (
          <DataTable
            labelledBy="eerder-titel"
            rows={imports}
            columns={[
              {
                header: 'Bestand',
                render: (entry) => (
                  <a class="utrecht-link" href={`${PATH}/${entry.id}`} safe>
                    {entry.sourceName}
                  </a>
                ),
              },
              { header: 'Wanneer', text: (entry) => formatDateTime(entry.importedAt) },
              { header: 'Door', text: (entry) => who(entry) },
              { header: 'Soort', text: (entry) => (entry.reference ? 'Voorbeeldset' : 'SBB') },
              { header: 'Dossiers', numeric: true, text: (entry) => formatNumber(entry.dossiers) },
              {
                header: 'Kwalificaties',
                numeric: true,
                text: (entry) => formatNumber(entry.qualifications),
              },
              {
                header: 'Keuzedelen',
                numeric: true,
                text: (entry) => formatNumber(entry.electives),
              },
              {
                header: 'Meldingen',
                numeric: true,
                text: (entry) => formatNumber(entry.warnings.length),
              },
            ]}
          />
        ) : (
          <p class="utrecht-paragraph">Er is nog niets ingelezen.</p>
        )}
      </section>
    </>
  );
}

/** One import: what it brought, and each thing it left out with why. */
export function ImportResultView(props: {
  record: QualificationImport;
  who: string;
  unknown: UnknownCodes;
}): JSX.Element {
  const { record } = props;
  const shown = record.warnings.slice(0, WARNINGS_SHOWN);
  return (
    <>
      <h1 class="utrecht-heading-1" safe>{`Ingelezen: ${record.sourceName}`}</h1>
      <div class="utrecht-alert utrecht-alert--ok" role="status">
        <p class="utrecht-paragraph" safe>
          {`${count(record.dossiers, 'dossier', 'dossiers')}, ${count(record.qualifications, 'kwalificatie', 'kwalificaties')} en ${count(record.electives, 'keuzedeel', 'keuzedelen')} ingelezen.`}
        </p>
      </div>
      <dl class="facts">
        <dt>Wanneer</dt>
        <dd safe>{formatDateTime(record.importedAt)}</dd>
        <dt>Door</dt>
        <dd safe>{props.who}</dd>
        <dt>Soort</dt>
        <dd>{record.reference ? 'Voorbeeldset van Bouwsteen' : 'Bestand van SBB'}</dd>
      </dl>
      <section aria-labelledby="meldingen-titel">
        <h2 class="utrecht-heading-2" id="meldingen-titel" safe>
          {`Meldingen (${formatNumber(record.warnings.length)})`}
        </h2>
        {record.warnings.length ? (
          <>
            <p class="utrecht-paragraph">
              Wat hieronder staat, is overgeslagen of leeg gelaten; de rest van het bestand is
              ingelezen.
            </p>
            <ul class="utrecht-unordered-list import-warnings">
              {shown.map((warning) => (
                <li>{Html.escapeHtml(warning)}</li>
              ))}
            </ul>
            {record.warnings.length > shown.length ? (
              <p class="utrecht-paragraph" safe>
                {`En nog ${formatNumber(record.warnings.length - shown.length)} meldingen van dezelfde soort.`}
              </p>
            ) : (
              ''
            )}
          </>
        ) : (
          <p class="utrecht-paragraph">Geen meldingen: alles in het bestand is ingelezen.</p>
        )}
      </section>
      <UnknownCodesNote unknown={props.unknown} />
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={PATH}>
          Terug naar de kwalificatiestructuur
        </a>
        {' · '}
        <a class="utrecht-link" href="/kwalificaties">
          Bekijk de kwalificaties
        </a>
      </p>
    </>
  );
}

/**
 * Published blocks naming a crebo or keuzedeel code the structure (as it is now) does not know:
 * a code mistyped, or one SBB dropped. Said after an import, with the first codes.
 */
function UnknownCodesNote(props: { unknown: UnknownCodes }): JSX.Element {
  const { blocks, codes, shown } = props.unknown;
  if (blocks === 0) return '';
  return (
    <section aria-labelledby="onbekend-titel">
      <h2 class="utrecht-heading-2" id="onbekend-titel">
        Codes die de kwalificatiestructuur niet kent
      </h2>
      <p class="utrecht-paragraph unknown-codes" safe>
        {`${count(blocks, 'gepubliceerde bouwsteen noemt', 'gepubliceerde bouwstenen noemen')} een code die niet in de kwalificatiestructuur staat: ${shown.join(', ')}${codes > shown.length ? ` en nog ${formatNumber(codes - shown.length)} codes` : ''}.`}
      </p>
    </section>
  );
}
