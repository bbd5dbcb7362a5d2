import { Injectable } from '@nestjs/common';
import {
  ASSET_KINDS,
  AssetDto,
  AssetKind,
  AssetsService,
  CreateAssetDto,
  SimilarAssetDto,
  UpdateAssetDto,
  similarityFeatures,
} from '@bouwsteen/assets';
import { Principal } from '@bouwsteen/auth';
import { Constraint, FieldError, NotFoundError, ValidationFailedError } from '@bouwsteen/common';
import { OrganisationError, PpsService, PpsSummaryDto } from '@bouwsteen/organisations';
import { SimilarityService } from '@bouwsteen/search';
import { FieldErrors } from '../../forms/field-errors';
import { Option } from '../../forms/fields';
import { isStale } from '../../forms/form-submit';
import { fieldErrorsOf, validateForm } from '../../forms/form-validation';
import { Labels } from '../../format/labels';
import type { PageContext } from '../../http/page-context';
import { PageAnswer } from '../../http/page-answer';
import { SiteRenderer } from '../../layout/site-renderer';
import { changes } from '../../forms/asset-form/content-diff';
import {
  amountProblems,
  atFirstField,
  inFormOrder,
  readFields,
  shownPaths,
} from '../../forms/asset-form/form-read';
import { withFormProblems } from '../../forms/amounts';
import { withoutFields } from '../../forms/form-values';
import { FormContext } from '../../forms/asset-form/form-render';
import { collectAssetRefs } from '../../forms/asset-form/asset-refs';
import { formSections } from '../../forms/asset-form/form-schema';
import { workingPps } from './my-pps-scope';
import { notice } from '../../components/notices';
import { contentOfAsset, editableAsset } from '../../forms/asset-form/editable-asset';
import { kindChooserPage } from './kind-chooser';
import { withPlaces } from '../../forms/asset-form/place-lookup';
import {
  ARTICLE,
  EditorSimilarPanel,
  EditorState,
  EditorView,
  SAVE_AND_CHECK,
} from './asset-editor.view';

type Content = Record<string, unknown>;

/**
 * Shared fields a full form sends empty when cleared (an absent field would keep the old value):
 * an emptied summary, language or licence is cleared (`null`), as the API's PATCH does; a
 * published block refuses to be without what publishing needs, at the field.
 */
const CLEARED: Content = {
  summary: null,
  language: null,
  license: null,
  description: '',
  keywords: [],
  sectors: [],
  levels: [],
  themes: [],
  challenges: [],
  contacts: [],
  links: [],
};

/**
 * What a new form starts with. No licence: choosing one is the maker's legal decision (the
 * publish check asks for it), never a default they may not notice.
 */
const DEFAULTS: Content = { language: 'nl' };

/** Where a saved form goes: the publish check when asked for, else the form with "opgeslagen". */
function afterSave(id: string, body: Content): string {
  return body._actie === SAVE_AND_CHECK
    ? `/mijn-pps/bouwstenen/${id}/publiceren`
    : `/mijn-pps/bouwstenen/${id}?melding=opgeslagen`;
}

/** The posted form in the API's shape, with each location placed by its town or postcode. */
function readForm(kind: AssetKind, body: Content): Content {
  return withPlaces(
    readFields(
      formSections(kind).flatMap((s) => s.fields),
      body,
    ),
  );
}

/** A field as a whole: `summary`, or in the kind's section `module.studyLoad` (not `.value`). */
function topField(path: string, kind: AssetKind): string {
  const parts = path.split('.');
  return parts.slice(0, parts[0] === kind ? 2 : 1).join('.');
}

function decode(value: unknown): Content | undefined {
  if (typeof value !== 'string' || value.length > 400_000) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    return parsed && typeof parsed === 'object' ? (parsed as Content) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * /mijn-pps/nieuw and /mijn-pps/bouwstenen/:id: the form per kind, with "Dit bestaat al" beside
 * it. Every write goes through AssetsService (its policy, validation and events) exactly as the
 * API's POST and PATCH do; a failed save shows the form again as typed, with the errors.
 */
@Injectable()
export class AssetEditorPage {
  constructor(
    private readonly site: SiteRenderer,
    private readonly labels: Labels,
    private readonly assets: AssetsService,
    private readonly similarity: SimilarityService,
    private readonly pps: PpsService,
  ) {}

  kindOf(value: unknown): AssetKind {
    if (typeof value === 'string' && (ASSET_KINDS as readonly string[]).includes(value))
      return value as AssetKind;
    throw new ValidationFailedError([
      {
        field: 'soort',
        message: `must be one of the following values: ${ASSET_KINDS.join(', ')}`,
        code: Constraint.IsIn,
        values: { allowed: ASSET_KINDS.join(', ') },
      },
    ]);
  }

  async newForm(
    page: PageContext,
    principal: Principal,
    kind: unknown,
    ppsId: unknown,
  ): Promise<string> {
    const pps = await this.ppsFor(principal, ppsId);
    if (!(ASSET_KINDS as readonly unknown[]).includes(kind))
      return kindChooserPage(this.site, page, pps);
    return this.render(page, principal, { kind: this.kindOf(kind), pps, value: { ...DEFAULTS } });
  }

  async editForm(
    page: PageContext,
    principal: Principal,
    id: string,
    code?: unknown,
  ): Promise<string> {
    const asset = await this.editable(principal, id);
    const value = contentOfAsset(asset);
    const similar = await this.similarity.similarIfAvailable(
      await this.assets.duplicateQuery(principal, id),
    );
    return this.render(page, principal, {
      kind: asset.kind,
      pps: await this.ppsFor(principal, asset.pps.id),
      asset,
      value,
      similar,
      revision: asset.revision,
      original: value,
      notice: notice(code),
    });
  }

  async create(page: PageContext, principal: Principal, body: Content): Promise<PageAnswer> {
    const kind = this.kindOf(body.soort);
    const pps = await this.ppsFor(principal, body.pps);
    const value = readForm(kind, body);
    const state: EditorState = { kind, pps, value };
    const early = await this.formAction(page, principal, state, body);
    if (early) return early;
    const valid = await validateForm(CreateAssetDto, { ...value, kind, ppsId: pps.id });
    const problems = await this.problemsOf(principal, state, valid.ok ? [] : valid.errors);
    if (!valid.ok || problems.length > 0) return this.again(page, principal, state, problems);
    try {
      const created = await this.assets.createDraft(principal, valid.value);
      return { redirect: afterSave(created.id, body) };
    } catch (error) {
      const errors = fieldErrorsOf(error);
      if (errors) return this.again(page, principal, state, errors);
      throw error;
    }
  }

  async save(
    page: PageContext,
    principal: Principal,
    id: string,
    body: Content,
  ): Promise<PageAnswer> {
    const asset = await this.editable(principal, id);
    const kind = asset.kind;
    const value = readForm(kind, body);
    const revision = Number(body.revisie);
    const original = decode(body.origineel);
    const state: EditorState = {
      kind,
      pps: await this.ppsFor(principal, asset.pps.id),
      asset,
      value,
      revision: Number.isInteger(revision) ? revision : asset.revision,
      original,
    };
    const early = await this.formAction(page, principal, state, body);
    if (early) return early;
    // The kind's section is sent whole, so a section the form left all empty is cleared too.
    const valid = await validateForm(UpdateAssetDto, { ...CLEARED, [kind]: {}, ...value });
    const problems = await this.problemsOf(principal, state, valid.ok ? [] : valid.errors);
    if (!valid.ok || problems.length > 0) return this.again(page, principal, state, problems);
    try {
      await this.assets.updateDraft(principal, id, state.revision!, valid.value);
      return { redirect: afterSave(id, body) };
    } catch (error) {
      if (isStale(error)) return this.conflict(page, principal, state);
      const errors = fieldErrorsOf(error);
      if (errors) return this.again(page, principal, state, errors);
      throw error;
    }
  }

  /**
   * Every mistake of a post in one round: amounts that cannot be read, validation's errors and,
   * when there are such, the content rules (unknown codes, modules, organisations) for the fields
   * that passed — rather than those only after the rest is fixed.
   */
  private async problemsOf(
    principal: Principal,
    state: EditorState,
    shape: FieldError[],
  ): Promise<FieldError[]> {
    const specs = formSections(state.kind).flatMap((s) => s.fields);
    const found = withFormProblems(amountProblems(specs, state.value), shape);
    if (found.length === 0) return found;
    // Each field with a mistake is left out (a kind's field, not its whole section), so the
    // rules still see every other reference, code and organisation.
    const named = new Set(found.map((problem) => topField(problem.field, state.kind)));
    const passed = withoutFields(state.value, named);
    const content = await this.assets.contentProblems(
      principal,
      state.kind,
      passed,
      state.asset?.id,
    );
    return [
      ...found,
      ...content.filter((problem) => !named.has(topField(problem.field, state.kind))),
    ];
  }

  /** The "Dit bestaat al" panel for what the form holds now (htmx, while typing). */
  async panel(principal: Principal, body: Content): Promise<string> {
    const kind = this.kindOf(body.soort);
    const pps = await this.ppsFor(principal, body.pps);
    const value = readForm(kind, body);
    const labels = await this.labels.book();
    const draftId = typeof body.concept === 'string' ? body.concept : undefined;
    const similar = await this.similarTo(kind, pps.id, value, draftId);
    return EditorSimilarPanel({ similar, labels, draftId }) as string;
  }

  /** "More fields" and "check whether this exists" re-show the form without saving. */
  private async formAction(
    page: PageContext,
    principal: Principal,
    state: EditorState,
    body: Content,
  ): Promise<PageAnswer | undefined> {
    if (typeof body._meer === 'string') {
      state.extra = { [body._meer]: 3 };
      state.similar = await this.similarTo(state.kind, state.pps.id, state.value, state.asset?.id);
      return { html: await this.render(page, principal, state) };
    }
    if (body._actie === 'vergelijk') {
      state.similar = await this.similarTo(state.kind, state.pps.id, state.value, state.asset?.id);
      return { html: await this.render(page, principal, state) };
    }
    return undefined;
  }

  private async again(
    page: PageContext,
    principal: Principal,
    state: EditorState,
    errors: FieldError[],
  ): Promise<PageAnswer> {
    const specs = formSections(state.kind).flatMap((s) => s.fields);
    const shown = shownPaths(specs, state.value);
    state.errors = new FieldErrors(inFormOrder(atFirstField(errors, specs), shown), shown);
    state.similar = await this.similarTo(state.kind, state.pps.id, state.value, state.asset?.id);
    return { status: 400, html: await this.render(page, principal, state) };
  }

  /**
   * Someone else saved in the meantime: the form keeps what this person typed, lists what the
   * other person changed since this form was opened, and carries the new revision, so saving
   * again is a conscious choice to replace it.
   */
  private async conflict(
    page: PageContext,
    principal: Principal,
    state: EditorState,
  ): Promise<PageAnswer> {
    const current = await this.assets.get(principal, state.asset!.id);
    const now = contentOfAsset(current);
    const labels = await this.labels.book();
    state.conflict = changes(
      formSections(state.kind),
      state.original ?? {},
      now,
      labels,
      new Map(),
    );
    state.asset = current;
    state.revision = current.revision;
    state.original = now;
    return { status: 409, html: await this.render(page, principal, state) };
  }

  private async similarTo(
    kind: AssetKind,
    ppsId: string,
    value: Content,
    excludeAssetId?: string,
  ): Promise<{ checked: boolean; similar: SimilarAssetDto[] } | undefined> {
    const title = typeof value.title === 'string' ? value.title.trim() : '';
    if (title.length < 3) return undefined;
    const features = similarityFeatures(kind, {
      ...value,
      title,
      summary: typeof value.summary === 'string' ? value.summary : '',
      keywords: Array.isArray(value.keywords) ? value.keywords : [],
      levels: Array.isArray(value.levels) ? value.levels : [],
    } as never);
    return this.similarity.similarIfAvailable({
      ...features,
      learningOutcomes: features.learningOutcomes.filter((text) => typeof text === 'string'),
      kind,
      excludePpsId: ppsId,
      excludeAssetId,
    });
  }

  private editable(principal: Principal, id: string): Promise<AssetDto> {
    return editableAsset(this.assets, principal, id);
  }

  private async ppsFor(principal: Principal, ppsId: unknown): Promise<PpsSummaryDto> {
    const pps = workingPps(principal, await this.pps.directory(), ppsId);
    if (!pps) throw new NotFoundError(OrganisationError.PpsNotFound, 'pps', String(ppsId ?? ''));
    return pps;
  }

  private async organisationOptions(ppsId: string): Promise<Option[]> {
    const pps = await this.pps.get(ppsId);
    const all = [pps.leadInstitution, ...pps.partners.map((partner) => partner.organisation)];
    const unique = new Map(
      all.filter(Boolean).map((org) => [org.id, { value: org.id, label: org.name }]),
    );
    return [...unique.values()].sort((a, b) => a.label.localeCompare(b.label, 'nl'));
  }

  private async render(
    page: PageContext,
    principal: Principal,
    state: EditorState,
  ): Promise<string> {
    const sections = formSections(state.kind);
    const refIds = collectAssetRefs(state.value);
    const [labels, organisations, refs] = await Promise.all([
      this.labels.book(),
      this.organisationOptions(state.pps.id),
      this.assets.summaries(principal, refIds),
    ]);
    const errors = state.errors ?? new FieldErrors();
    const ctx: FormContext = {
      kind: state.kind,
      labels,
      errors,
      organisations,
      refs: new Map(refs.map((ref) => [ref.id, ref])),
      extra: state.extra ?? {},
    };
    const asset = state.asset;
    const title = asset ? `Bewerken: ${asset.title}` : ARTICLE[state.kind];
    return this.site.page(
      page,
      {
        title,
        description: 'Een bouwsteen van uw PPS schrijven of bijwerken.',
        canonicalPath: asset
          ? `/mijn-pps/bouwstenen/${asset.id}`
          : `/mijn-pps/nieuw?soort=${state.kind}`,
        section: 'mijn-pps',
        noindex: true,
      },
      <EditorView page={page} state={state} ctx={ctx} sections={sections} title={title} />,
    );
  }
}
