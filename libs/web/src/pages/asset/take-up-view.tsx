import Html from '@kitajs/html';
import { AssetDto } from '@bouwsteen/assets';
import { Principal } from '@bouwsteen/auth';
import { PpsSummaryDto } from '@bouwsteen/organisations';
import { RecordReuseDto } from '@bouwsteen/reuse';
import { assetPath } from '../../components/asset-card';
import { FieldErrors } from '../../forms/field-errors';
import { maxLengths } from '../../forms/field-limits';
import { ErrorSummary, Option, SelectField, TextField } from '../../forms/fields';
import { FormTokenField } from '../../forms/form-token';
import { tickedBox } from '../../forms/form-values';
import type { PageContext } from '../../http/page-context';

const REUSE_LIMITS = maxLengths(RecordReuseDto);

const MODES: Option[] = [
  { value: 'as-is', label: 'Zoals het is' },
  { value: 'adapted', label: 'Aangepast aan onze situatie' },
  { value: 'inspired', label: 'Als inspiratie voor iets eigens' },
];

const LABELS: Record<string, string> = {
  adopterPpsId: 'Namens PPS',
  adopterOrganisationId: 'Namens',
  mode: 'Hoe gebruikt u het',
  context: 'Waar gebruikt u het',
  reachStudents: 'Aantal studenten',
  reachWorkers: 'Aantal werkenden',
  startedOn: 'Sinds',
  ppsId: 'Voor PPS',
  concept_weg: 'Eigen concept weggooien',
};

export type Form = Record<string, unknown>;

/** The "throw my own draft away" box, with a hidden "nee" before it (qs makes a list). */
function ticked(value: unknown): boolean {
  return tickedBox('concept_weg', value).ticked;
}

/** The reuse form of /bouwstenen/:id/hergebruiken, or why there is nothing to record. */
export function ReuseFormView(props: {
  page: PageContext;
  principal: Principal;
  asset: AssetDto;
  licenceLabel: string;
  licenceLines: string[];
  open: { choices: PpsSummaryDto[]; why?: 'own' | 'recorded' };
  draft: AssetDto | undefined;
  values: Form;
  errors: FieldErrors;
}): JSX.Element {
  const { page, principal, asset, open, draft, values, errors } = props;
  const { choices } = open;
  const id = asset.id;
  return (
    <>
      <Back asset={asset} />
      <h1 class="utrecht-heading-1" safe>{`Hergebruik vastleggen: ${asset.title}`}</h1>
      <ErrorSummary errors={errors} labelOf={(path) => LABELS[path] ?? 'Formulier'} />
      <p class="utrecht-paragraph">
        {Html.escapeHtml(
          `Zo ziet ${asset.pps.name} dat hun werk verder gaat, en zien financiers dat u voortbouwt op wat er al is.`,
        )}
      </p>
      <h2 class="utrecht-heading-2">{Html.escapeHtml(`Licentie: ${props.licenceLabel}`)}</h2>
      <ul class="utrecht-unordered-list">
        {props.licenceLines.map((line) => (
          <li safe>{line}</li>
        ))}
      </ul>
      {open.why ? (
        <NothingToRecord asset={asset} why={open.why} />
      ) : (
        <form method="post" action={`${assetPath(id)}/hergebruiken`} class="site-form" novalidate>
          <FormTokenField page={page} />
          {draft ? <input type="hidden" name="concept" value={draft.id} /> : ''}
          <Adopter choices={choices} principal={principal} values={values} errors={errors} />
          <SelectField
            path="mode"
            label="Hoe gebruikt u het"
            options={MODES}
            value={String(values.mode ?? '')}
            errors={errors}
            required
          />
          <TextField
            path="context"
            label="Waar gebruikt u het"
            hint="De opleiding, cursus of het project, bijvoorbeeld: BOL Software Developer, leerjaar 2."
            value={values.context as string | undefined}
            maxlength={REUSE_LIMITS.context}
            errors={errors}
            required
          />
          <div class="site-form__row">
            <TextField
              path="reachStudents"
              label="Aantal studenten"
              inputmode="numeric"
              width="small"
              value={values.reachStudents as string | undefined}
              errors={errors}
            />
            <TextField
              path="reachWorkers"
              label="Aantal werkenden"
              inputmode="numeric"
              width="small"
              value={values.reachWorkers as string | undefined}
              errors={errors}
            />
            <TextField
              path="startedOn"
              label="Sinds"
              type="date"
              width="medium"
              value={values.startedOn as string | undefined}
              errors={errors}
            />
          </div>
          {draft ? (
            <DiscardDraft
              draft={draft}
              checked={values.concept_weg === undefined || ticked(values.concept_weg)}
            />
          ) : (
            ''
          )}
          <div class="site-form__actions">
            <button type="submit" class="utrecht-button utrecht-button--primary-action">
              Hergebruik vastleggen
            </button>
            <a class="utrecht-link" href={assetPath(id)}>
              Annuleren
            </a>
          </div>
        </form>
      )}
    </>
  );
}

/** The form of /bouwstenen/:id/afleiden: the licence's rules, then the PPS to derive for. */
export function DeriveFormView(props: {
  page: PageContext;
  asset: AssetDto;
  licenceLabel: string;
  rules: string[];
  derivatives: boolean;
  choices: PpsSummaryDto[];
  draft: AssetDto | undefined;
  values: Form | undefined;
  errors: FieldErrors;
}): JSX.Element {
  const { page, asset, choices, draft, errors } = props;
  const state = { values: props.values };
  const id = asset.id;
  return (
    <>
      <Back asset={asset} />
      <h1 class="utrecht-heading-1" safe>{`Afleiden: ${asset.title}`}</h1>
      <h2 class="utrecht-heading-2">
        {Html.escapeHtml(`Wat de licentie (${props.licenceLabel}) betekent`)}
      </h2>
      <ul class="utrecht-unordered-list">
        {props.rules.map((line) => (
          <li safe>{line}</li>
        ))}
      </ul>
      <ErrorSummary errors={errors} labelOf={(path) => LABELS[path] ?? 'Formulier'} />
      {props.derivatives && choices.length ? (
        <form method="post" action={`${assetPath(id)}/afleiden`} class="site-form" novalidate>
          <FormTokenField page={page} />
          {draft ? <input type="hidden" name="concept" value={draft.id} /> : ''}
          <SelectField
            path="ppsId"
            label="Voor PPS"
            options={choices.map((pps) => ({ value: pps.id, label: pps.name }))}
            value={String(state.values?.ppsId ?? draft?.pps.id ?? choices[0].id)}
            errors={errors}
            required
          />
          {draft ? (
            <DiscardDraft
              draft={draft}
              checked={state.values?.concept_weg === undefined || ticked(state.values.concept_weg)}
            />
          ) : (
            ''
          )}
          <div class="site-form__actions">
            <button type="submit" class="utrecht-button utrecht-button--primary-action">
              Eigen concept maken
            </button>
            <a class="utrecht-link" href={assetPath(id)}>
              Annuleren
            </a>
          </div>
        </form>
      ) : (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`${assetPath(id)}/hergebruiken`}>
            Hergebruik vastleggen in plaats daarvan
          </a>
        </p>
      )}
    </>
  );
}

function Adopter(props: {
  choices: PpsSummaryDto[];
  principal: Principal;
  values: Form;
  errors: FieldErrors;
}): JSX.Element {
  if (props.principal.role === 'llo-office')
    return props.principal.organisationId ? (
      <input type="hidden" name="adopterOrganisationId" value={props.principal.organisationId} />
    ) : (
      <p class="utrecht-paragraph">
        Uw account hoort niet bij een organisatie; vraag de beheerder dit in te stellen.
      </p>
    );
  return (
    <SelectField
      path="adopterPpsId"
      label="Namens PPS"
      options={props.choices.map((pps) => ({ value: pps.id, label: pps.name }))}
      value={String(props.values.adopterPpsId ?? props.choices[0]?.id ?? '')}
      errors={props.errors}
      required
    />
  );
}

function DiscardDraft({ draft, checked }: { draft: AssetDto; checked: boolean }): JSX.Element {
  return (
    <div class="utrecht-form-field utrecht-form-field--checkbox">
      <input type="hidden" name="concept_weg" value="nee" />
      <input
        class="utrecht-checkbox utrecht-checkbox--html-input"
        type="checkbox"
        id="concept-weg"
        name="concept_weg"
        value="ja"
        checked={checked}
      />
      <label class="utrecht-form-label utrecht-form-label--checkbox" for="concept-weg">
        {Html.escapeHtml(
          `Mijn eigen concept "${draft.title}" weggooien: ik hoef het niet opnieuw te maken`,
        )}
      </label>
    </div>
  );
}

function NothingToRecord(props: { asset: AssetDto; why: 'own' | 'recorded' }): JSX.Element {
  const text =
    props.why === 'own'
      ? 'Deze bouwsteen is van uw eigen PPS. Hergebruik vastleggen is voor werk van een andere PPS; uw eigen bouwsteen kunt u bewerken of een nieuwe versie geven.'
      : 'U heeft hergebruik van deze versie al vastgelegd. U ziet het bij de bouwsteen onder "Wie dit hergebruikt".';
  return (
    <div class="utrecht-alert utrecht-alert--info" role="status">
      <p class="utrecht-paragraph">{text}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={assetPath(props.asset.id)}>
          Terug naar de bouwsteen
        </a>
      </p>
    </div>
  );
}

function Back({ asset }: { asset: AssetDto }): JSX.Element {
  return (
    <nav aria-label="Kruimelpad">
      <ol class="breadcrumb-list">
        <li>
          <a class="utrecht-link" href={assetPath(asset.id)} safe>
            {asset.title}
          </a>
        </li>
      </ol>
    </nav>
  );
}
