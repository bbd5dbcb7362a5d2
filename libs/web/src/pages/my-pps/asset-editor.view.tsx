import Html from '@kitajs/html';
import type { AssetDto, AssetKind, SimilarAssetDto } from '@bouwsteen/assets';
import type { PpsSummaryDto } from '@bouwsteen/organisations';
import { assetPath } from '../../components/asset-card';
import { SimilarPanel } from '../../components/similar-panel';
import { StatusNotice } from '../../components/status-notice';
import { FieldErrors } from '../../forms/field-errors';
import { ErrorSummary } from '../../forms/fields';
import { FormTokenField } from '../../forms/form-token';
import type { LabelBook } from '../../format/labels';
import type { PageContext } from '../../http/page-context';
import { ChangeTable, FieldChange } from '../../forms/asset-form/content-diff';
import { FormContext, Fields, formLabel } from '../../forms/asset-form/form-render';
import type { FormSection } from '../../forms/asset-form/form-schema';

type Content = Record<string, unknown>;

export const ARTICLE: Record<AssetKind, string> = {
  module: 'Nieuwe module',
  curriculum: 'Nieuw curriculum',
  infrastructure: 'Nieuwe praktijkomgeving',
  practice: 'Nieuwe goede praktijk',
};

/** What the editor shows: the form as typed, its errors, a conflict, "Dit bestaat al". */
export interface EditorState {
  kind: AssetKind;
  pps: PpsSummaryDto;
  asset?: AssetDto;
  value: Content;
  errors?: FieldErrors;
  extra?: Record<string, number>;
  similar?: { checked: boolean; similar: SimilarAssetDto[] };
  conflict?: FieldChange[];
  revision?: number;
  original?: Content;
  notice?: string;
}

/** The submit that saves and then opens the publish check (so no edit is left behind). */
export const SAVE_AND_CHECK = 'controleren';

/** What the form held when it was opened, carried along to show what others changed since. */
export function encode(content: Content): string {
  return Buffer.from(JSON.stringify(content)).toString('base64url');
}

/** The editor's page body: the form per kind beside "Dit bestaat al", then what comes next. */
export function EditorView({
  page,
  state,
  ctx,
  sections,
  title,
}: {
  page: PageContext;
  state: EditorState;
  ctx: FormContext;
  sections: FormSection[];
  title: string;
}): JSX.Element {
  const { errors, labels } = ctx;
  const asset = state.asset;
  const action = asset ? `/mijn-pps/bouwstenen/${asset.id}` : '/mijn-pps/nieuw';
  return (
    <>
      <nav aria-label="Kruimelpad">
        <ol class="breadcrumb-list">
          <li>
            <a class="utrecht-link" href={`/mijn-pps?pps=${state.pps.id}`}>
              {Html.escapeHtml(`Mijn PPS: ${state.pps.name}`)}
            </a>
          </li>
          <li aria-current="page" safe>
            {asset ? asset.title : ARTICLE[state.kind]}
          </li>
        </ol>
      </nav>
      <h1 class="utrecht-heading-1" safe>
        {title}
      </h1>
      {/* What went wrong comes first after the heading, where focus lands. */}
      <ErrorSummary errors={errors} labelOf={formLabel} />
      {asset ? <AssetStatusLine asset={asset} labels={labels} /> : ''}
      <StatusNotice text={state.notice} />
      {state.conflict ? <ConflictNotice changes={state.conflict} /> : ''}
      <div class="work-layout">
        <form id="bouwsteen-formulier" method="post" action={action} class="site-form" novalidate>
          <FormTokenField page={page} />
          {/* Enter in a field submits with the form's first button: make that "Concept opslaan"
              (not the first list's "Meer velden"). Out of sight and out of the tab order; the
              visible "Concept opslaan" below is the one people and screen readers use. */}
          <button
            type="submit"
            name="_actie"
            value="opslaan"
            class="site-default-submit"
            tabindex="-1"
            aria-hidden="true"
          >
            Concept opslaan
          </button>
          <input type="hidden" name="soort" value={state.kind} />
          <input type="hidden" name="pps" value={state.pps.id} />
          {asset ? (
            <>
              <input
                type="hidden"
                name="revisie"
                value={String(state.revision ?? asset.revision)}
              />
              <input type="hidden" name="origineel" value={encode(state.original ?? {})} />
              <input type="hidden" name="concept" value={asset.id} />
            </>
          ) : (
            ''
          )}
          {sections.map((section) => (
            <section aria-labelledby={`deel-${section.id}`} class="site-form">
              <h2 class="utrecht-heading-2" id={`deel-${section.id}`} safe>
                {section.title}
              </h2>
              <Fields specs={section.fields} value={state.value} ctx={ctx} />
            </section>
          ))}
          <div class="site-form__actions">
            <button
              type="submit"
              name="_actie"
              value="opslaan"
              class="utrecht-button utrecht-button--primary-action"
            >
              Concept opslaan
            </button>
            <button
              type="submit"
              name="_actie"
              value={SAVE_AND_CHECK}
              class="utrecht-button utrecht-button--secondary-action"
            >
              Opslaan en controleren voor publiceren
            </button>
            <button
              type="submit"
              name="_actie"
              value="vergelijk"
              formnovalidate
              class="utrecht-button utrecht-button--secondary-action"
            >
              Kijk of dit al bestaat
            </button>
          </div>
        </form>
        <aside
          class="work-aside"
          id="dit-bestaat-al"
          aria-labelledby="bestaat-al-titel"
          hx-post="/mijn-pps/bestaat-al"
          hx-trigger="input delay:800ms from:#bouwsteen-formulier"
          hx-include="#bouwsteen-formulier"
          hx-target="this"
          hx-swap="innerHTML"
          hx-sync="this:replace"
        >
          <EditorSimilarPanel
            similar={state.similar}
            labels={labels}
            draftId={asset?.status === 'draft' ? asset.id : undefined}
          />
        </aside>
      </div>
      {asset ? <NextSteps asset={asset} /> : ''}
    </>
  );
}

/** The status of what is being edited, in words. */
function AssetStatusLine({ asset, labels }: { asset: AssetDto; labels: LabelBook }): JSX.Element {
  const parts = [labels.kind(asset.kind)];
  if (asset.status === 'draft')
    parts.push(`concept, nog niet gepubliceerd (versie ${asset.latestVersion})`);
  else if (asset.status === 'archived') parts.push('gearchiveerd');
  else
    parts.push(
      asset.hasDraft
        ? `gepubliceerd (versie ${asset.publishedVersion}); uw wijzigingen staan in concept versie ${asset.latestVersion}`
        : `gepubliceerd (versie ${asset.publishedVersion}); opslaan maakt een nieuwe conceptversie`,
    );
  return (
    <p class="utrecht-paragraph utrecht-paragraph--lead" safe>
      {parts.join(' — ')}
    </p>
  );
}

function ConflictNotice({ changes: rows }: { changes: FieldChange[] }): JSX.Element {
  return (
    <div class="utrecht-alert utrecht-alert--warning" role="alert">
      <div class="utrecht-alert__content">
        <h2 class="utrecht-heading-2" id="conflict-titel">
          Iemand anders heeft deze bouwsteen intussen gewijzigd
        </h2>
        <p class="utrecht-paragraph">
          Uw wijzigingen zijn nog niet opgeslagen; het formulier hieronder bevat wat u invulde. Dit
          is er sinds u het formulier opende door een ander veranderd:
        </p>
        <ChangeTable rows={rows} labelledBy="conflict-titel" />
        <p class="utrecht-paragraph">
          Neem over wat u wilt houden en sla dan opnieuw op: dan vervangt uw versie die van de
          ander.
        </p>
      </div>
    </div>
  );
}

function NextSteps({ asset }: { asset: AssetDto }): JSX.Element {
  return (
    <section aria-labelledby="verder-titel" class="next-steps">
      <h2 class="utrecht-heading-2" id="verder-titel">
        Verder met deze bouwsteen
      </h2>
      {asset.hasDraft ? (
        <p class="utrecht-paragraph">
          {/* A submit of the form above, not a link: what was typed since the last save is kept. */}
          <button
            type="submit"
            form="bouwsteen-formulier"
            name="_actie"
            value={SAVE_AND_CHECK}
            class="utrecht-button utrecht-button--primary-action"
          >
            Opslaan, controleren en publiceren
          </button>
        </p>
      ) : (
        ''
      )}
      <ul class="utrecht-unordered-list">
        {asset.publishedVersion ? (
          <li>
            <a class="utrecht-link" href={assetPath(asset.id)}>
              Bekijk de gepubliceerde pagina
            </a>
          </li>
        ) : (
          ''
        )}
        {asset.latestVersion > 1 ? (
          <li>
            <a
              class="utrecht-link"
              href={`/bouwstenen/${asset.id}/verschillen?van=${asset.latestVersion - 1}&naar=${asset.latestVersion}`}
            >
              Vergelijk de laatste twee versies
            </a>
          </li>
        ) : (
          ''
        )}
        {asset.status === 'published' ? (
          <li>
            <a class="utrecht-link" href={`/mijn-pps/bouwstenen/${asset.id}/archiveren`}>
              Archiveren
            </a>{' '}
            — als hij niet meer gebruikt moet worden, eventueel met een opvolger
          </li>
        ) : (
          ''
        )}
      </ul>
      {asset.hasDraft ? (
        <p class="utrecht-paragraph">
          {/* Throwing a draft away is asked again on a page of its own. */}
          <a class="utrecht-link" href={`/mijn-pps/bouwstenen/${asset.id}/concept-weggooien`}>
            {asset.publishedVersion
              ? 'Concept weggooien (de gepubliceerde versie blijft)…'
              : 'Concept weggooien…'}
          </a>
        </p>
      ) : (
        ''
      )}
    </section>
  );
}

/** The findings an editor sees beside the form before "Meer" (the rest in the page, folded). */
const EDITOR_FINDINGS_SHOWN = 3;

/**
 * "Dit bestaat al" beside the form, in the page and as htmx redraws it while the lead types:
 * the first findings, the others under "Meer"; undefined when nothing was asked yet.
 */
export function EditorSimilarPanel(props: {
  similar: EditorState['similar'];
  labels: LabelBook;
  draftId?: string;
}): JSX.Element {
  return (
    <SimilarPanel
      similar={props.similar?.similar ?? []}
      checked={props.similar?.checked ?? true}
      asked={props.similar !== undefined}
      labels={props.labels}
      draftId={props.draftId}
      shown={EDITOR_FINDINGS_SHOWN}
    />
  );
}
