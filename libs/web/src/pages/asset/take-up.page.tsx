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
import { submitForm } from '../../forms/form-submit';
import { tickedBox } from '../../forms/form-values';
import { Labels } from '../../format/labels';
import type { PageContext } from '../../http/page-context';
import { PageAnswer } from '../../http/page-answer';
import { SiteRenderer } from '../../layout/site-renderer';
import { editablePps } from '../my-pps/my-pps-scope';
import { adopterIdsFor } from './take-up-actions';
import { DeriveFormView, Form, ReuseFormView } from './take-up-view';

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
      <ReuseFormView
        page={page}
        principal={principal}
        asset={asset}
        licenceLabel={labels.label('licenses', asset.license)}
        licenceLines={licenseExplanation(terms)}
        open={open}
        draft={draft}
        values={values}
        errors={errors}
      />,
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
      <DeriveFormView
        page={page}
        asset={asset}
        licenceLabel={labels.label('licenses', asset.license)}
        rules={derivativeRules(terms, asset.pps.name)}
        derivatives={terms.derivatives}
        choices={choices}
        draft={draft}
        values={state.values}
        errors={errors}
      />,
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
