import Html from '@kitajs/html';
import { Injectable } from '@nestjs/common';
import {
  AssetDto,
  AssetError,
  AssetPolicy,
  AssetsService,
  DeriveAssetDto,
  Licenses,
  derivativeRules,
  licenseExplanation,
} from '@bouwsteen/assets';
import { Principal } from '@bouwsteen/auth';
import { ForbiddenError, NotFoundError, normaliseText } from '@bouwsteen/common';
import { PpsService, PpsSummaryDto } from '@bouwsteen/organisations';
import { RecordReuseDto, ReuseError, ReuseService } from '@bouwsteen/reuse';
import { assetPath } from '../../components/asset-card';
import { decimal } from '../../forms/asset-form/form-read';
import { FieldErrors } from '../../forms/field-errors';
import { ErrorSummary, Option, SelectField, TextField } from '../../forms/fields';
import { FormTokenField } from '../../forms/form-token';
import { submitForm } from '../../forms/form-submit';
import { tickedBox } from '../../forms/form-values';
import { Labels } from '../../format/labels';
import type { PageContext } from '../../http/page-context';
import { PageAnswer } from '../../http/page-answer';
import { SiteRenderer } from '../../layout/site-renderer';
import { editablePps } from '../my-pps/my-pps-scope';
import { maxLengths } from '../../forms/field-limits';
import { adopterIdsFor } from './take-up-actions';

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

type Form = Record<string, unknown>;

/** The "throw my own draft away" box, with a hidden "nee" before it (qs makes a list). */
function ticked(value: unknown): boolean {
  return tickedBox('concept_weg', value).ticked;
}

/**
 * Taking up another PPS's building block, from its page or from "Dit bestaat al": recording
 * reuse (ReuseService, as POST /assets/:id/reuses) or starting a derivative (AssetsService.derive,
 * as POST /assets/:id/derive), with the licence's rules shown before anything happens. When the
 * lead came from their own draft, they may set it aside in the same step.
 */
@Injectable()
export class TakeUpPage {
  constructor(
    private readonly site: SiteRenderer,
    private readonly labels: Labels,
    private readonly assets: AssetsService,
    private readonly reuse: ReuseService,
    private readonly pps: PpsService,
    private readonly licenses: Licenses,
  ) {}

  async reuseForm(
    page: PageContext,
    principal: Principal,
    id: string,
    draftId: unknown,
    state: { values?: Form; errors?: FieldErrors } = {},
  ): Promise<string> {
    const asset = await this.published(id);
    const [labels, terms, adopters, draft] = await Promise.all([
      this.labels.book(),
      this.licenses.terms(asset.license ?? ''),
      this.adopters(principal),
      this.ownDraft(principal, draftId),
    ]);
    // Offered only to whom it may succeed for: not the block's own PPS, and not an adopter that
    // recorded this version already. A failed post shows the form again as it was sent.
    const open = state.errors
      ? { choices: adopters, why: undefined }
      : await this.openAdopters(principal, asset, adopters);
    const { choices } = open;
    const values = state.values ?? { mode: 'as-is' };
    const errors = state.errors ?? new FieldErrors();
    return this.site.page(
      page,
      {
        title: `Hergebruik vastleggen: ${asset.title}`,
        description: 'Leg vast dat u een bouwsteen van een andere PPS hergebruikt.',
        canonicalPath: `${assetPath(id)}/hergebruiken`,
        section: 'zoeken',
        noindex: true,
      },
      <>
        <Back asset={asset} />
        <h1 class="utrecht-heading-1" safe>{`Hergebruik vastleggen: ${asset.title}`}</h1>
        <ErrorSummary errors={errors} labelOf={(path) => LABELS[path] ?? 'Formulier'} />
        <p class="utrecht-paragraph">
          {Html.escapeHtml(
            `Zo ziet ${asset.pps.name} dat hun werk verder gaat, en zien financiers dat u voortbouwt op wat er al is.`,
          )}
        </p>
        <h2 class="utrecht-heading-2">
          {Html.escapeHtml(`Licentie: ${labels.label('licenses', asset.license)}`)}
        </h2>
        <ul class="utrecht-unordered-list">
          {licenseExplanation(terms).map((line) => (
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
      </>,
    );
  }

  async recordReuse(
    page: PageContext,
    principal: Principal,
    id: string,
    body: Form,
  ): Promise<PageAnswer> {
    const context =
      typeof body.context === 'string'
        ? normaliseText(body.context, { singleLine: true })
        : body.context;
    const input: Form = { mode: body.mode, context };
    for (const field of ['adopterPpsId', 'adopterOrganisationId', 'startedOn'])
      if (typeof body[field] === 'string' && body[field]) input[field] = body[field];
    for (const field of ['reachStudents', 'reachWorkers'])
      if (typeof body[field] === 'string' && (body[field] as string).trim())
        input[field] = decimal(body[field] as string);
    const discard = tickedBox('concept_weg', body.concept_weg);
    return submitForm({
      dto: RecordReuseDto,
      input,
      problems: discard.error ? [discard.error] : [],
      alsoCheck: (passed) => this.reuse.problems(principal, id, passed),
      write: async (value) => {
        await this.reuse.record(principal, id, value);
        const draft = await this.ownDraft(principal, body.concept);
        if (!draft || !discard.ticked) return { redirect: `${assetPath(id)}?melding=hergebruik` };
        await this.assets.discardDraft(principal, draft.id, draft.revision);
        return { redirect: `/mijn-pps?pps=${draft.pps.id}&melding=hergebruik-concept-weg` };
      },
      conflicts: { [ReuseError.ReuseExists]: 'context', [ReuseError.OwnAsset]: 'adopterPpsId' },
      again: async (errors) => ({
        status: 400,
        html: await this.reuseForm(page, principal, id, body.concept, {
          values: { ...body, context },
          errors: new FieldErrors(errors),
        }),
      }),
    });
  }

  async deriveForm(
    page: PageContext,
    principal: Principal,
    id: string,
    draftId: unknown,
    state: { values?: Form; errors?: FieldErrors } = {},
  ): Promise<string> {
    const asset = await this.published(id);
    const [labels, terms, directory, draft] = await Promise.all([
      this.labels.book(),
      this.licenses.terms(asset.license ?? ''),
      this.pps.directory(),
      this.ownDraft(principal, draftId),
    ]);
    const choices = editablePps(principal, directory).filter((pps) => pps.id !== asset.pps.id);
    const errors = state.errors ?? new FieldErrors();
    return this.site.page(
      page,
      {
        title: `Afleiden: ${asset.title}`,
        description: 'Begin een eigen bouwsteen op basis van die van een andere PPS.',
        canonicalPath: `${assetPath(id)}/afleiden`,
        section: 'zoeken',
        noindex: true,
      },
      <>
        <Back asset={asset} />
        <h1 class="utrecht-heading-1" safe>{`Afleiden: ${asset.title}`}</h1>
        <h2 class="utrecht-heading-2">
          {Html.escapeHtml(`Wat de licentie (${labels.label('licenses', asset.license)}) betekent`)}
        </h2>
        <ul class="utrecht-unordered-list">
          {derivativeRules(terms, asset.pps.name).map((line) => (
            <li safe>{line}</li>
          ))}
        </ul>
        <ErrorSummary errors={errors} labelOf={(path) => LABELS[path] ?? 'Formulier'} />
        {terms.derivatives && choices.length ? (
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
                checked={
                  state.values?.concept_weg === undefined || ticked(state.values.concept_weg)
                }
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
      </>,
    );
  }

  async derive(
    page: PageContext,
    principal: Principal,
    id: string,
    body: Form,
  ): Promise<PageAnswer> {
    const discard = tickedBox('concept_weg', body.concept_weg);
    return submitForm({
      dto: DeriveAssetDto,
      input: { ppsId: body.ppsId },
      problems: discard.error ? [discard.error] : [],
      write: async (value) => {
        const derivative = await this.assets.derive(principal, id, value);
        const draft = await this.ownDraft(principal, body.concept);
        if (draft && discard.ticked)
          await this.assets.discardDraft(principal, draft.id, draft.revision);
        return { redirect: `/mijn-pps/bouwstenen/${derivative.id}?melding=afgeleid` };
      },
      again: async (errors) => ({
        status: 400,
        html: await this.deriveForm(page, principal, id, body.concept, {
          values: body,
          errors: new FieldErrors(errors),
        }),
      }),
    });
  }

  /** The adopters this person may still record reuse for, or why there is none. */
  private async openAdopters(
    principal: Principal,
    asset: AssetDto,
    adopters: PpsSummaryDto[],
  ): Promise<{ choices: PpsSummaryDto[]; why?: 'own' | 'recorded' }> {
    const others = adopters.filter((pps) => pps.id !== asset.pps.id);
    const candidates =
      principal.role === 'llo-office'
        ? adopterIdsFor(principal, asset.pps.id)
        : others.map((pps) => pps.id);
    const recorded = await this.reuse.recordedBy(asset.id, asset.publishedVersion!, candidates);
    const choices = others.filter((pps) => !recorded.includes(pps.id));
    if (principal.role === 'llo-office')
      return candidates.length > 0 && recorded.length === candidates.length
        ? { choices, why: 'recorded' }
        : { choices };
    if (choices.length > 0) return { choices };
    if (others.length === 0) return { choices, why: 'own' };
    return { choices, why: 'recorded' };
  }

  private async published(id: string): Promise<AssetDto> {
    const asset = await this.assets.get(undefined, id);
    if (asset.publishedVersion === null) throw new NotFoundError(AssetError.NotFound, 'asset', id);
    return asset;
  }

  /** Who records the reuse: a lead's PPS, or an LLO office's organisation. */
  private async adopters(principal: Principal): Promise<PpsSummaryDto[]> {
    if (principal.role === 'llo-office') return [];
    const choices = editablePps(principal, await this.pps.directory());
    if (!choices.length) throw new ForbiddenError('Only PPS editors and LLO offices record reuse');
    return choices;
  }

  /** The lead's own draft they came from, when it is one they may discard. */
  private async ownDraft(principal: Principal, draftId: unknown): Promise<AssetDto | undefined> {
    if (typeof draftId !== 'string' || !/^[0-9a-f-]{36}$/i.test(draftId)) return undefined;
    try {
      const draft = await this.assets.get(principal, draftId);
      return draft.status === 'draft' && AssetPolicy.canEdit(principal, draft.pps.id)
        ? draft
        : undefined;
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  }
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
