import Html from '@kitajs/html';
import { Injectable } from '@nestjs/common';
import { ArchiveAssetDto, AssetDto, AssetsService, PublishAssetDto } from '@bouwsteen/assets';
import { Principal } from '@bouwsteen/auth';
import { FieldError } from '@bouwsteen/common';
import { assetPath } from '../../components/asset-card';
import { StaleNotice } from '../../components/stale-notice';
import { FieldErrors, fieldId } from '../../forms/field-errors';
import { maxLengths } from '../../forms/field-limits';
import { ErrorSummary, SelectField, TextArea, TextField } from '../../forms/fields';
import { FormTokenField } from '../../forms/form-token';
import { submitForm } from '../../forms/form-submit';
import { LabelBook, Labels } from '../../format/labels';
import type { PageContext } from '../../http/page-context';
import { PageAnswer } from '../../http/page-answer';
import { SiteRenderer } from '../../layout/site-renderer';
import { ChangeTable, changes } from '../../forms/asset-form/content-diff';
import { formSections } from '../../forms/asset-form/form-schema';
import { inFormOrder, shownPaths } from '../../forms/asset-form/form-read';
import { contentOfAsset, editableAsset } from '../../forms/asset-form/editable-asset';
import { formLabel } from '../../forms/asset-form/form-render';
import { collectAssetRefs } from '../../forms/asset-form/asset-refs';
import { AnswersSummary, MissingAnswers } from './publish-answers';
import { SuccessorSearch, successorChoices } from './successor-picker';

/** The change note's limit, from the DTO's MaxLength. */
const PUBLISH_LIMITS = maxLengths(PublishAssetDto);

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/**
 * Publishing (a "check your answers" page with what changed and a change note), archiving with a
 * successor, and discarding a draft: each one call to AssetsService, as the API makes it.
 */
@Injectable()
export class AssetActionsPage {
  constructor(
    private readonly site: SiteRenderer,
    private readonly labels: Labels,
    private readonly assets: AssetsService,
  ) {}

  async publishForm(
    page: PageContext,
    principal: Principal,
    id: string,
    state: { changeNote?: string; errors?: FieldErrors; stale?: boolean } = {},
  ): Promise<string> {
    const asset = await this.editable(principal, id);
    const [labels, check] = await Promise.all([
      this.labels.book(),
      this.assets.publishCheck(principal, id),
    ]);
    const sections = formSections(asset.kind);
    const titles = new Map(
      (await this.assets.summaries(principal, collectAssetRefs(contentOfAsset(asset)))).map(
        (ref) => [ref.id, ref.title],
      ),
    );
    const published = asset.publishedVersion
      ? await this.assets.version(principal, id, asset.publishedVersion)
      : undefined;
    const rows = published
      ? changes(
          formSections(asset.kind),
          contentOfAsset(published),
          contentOfAsset(asset),
          labels,
          new Map(),
        )
      : [];
    const errors = state.errors ?? new FieldErrors();
    const first = asset.publishedVersion === null;
    return this.site.page(
      page,
      {
        title: `Publiceren: ${asset.title}`,
        description: 'Controleer en publiceer een bouwsteen.',
        canonicalPath: `/mijn-pps/bouwstenen/${id}/publiceren`,
        section: 'mijn-pps',
        noindex: true,
      },
      <>
        <Back asset={asset} />
        <h1 class="utrecht-heading-1" safe>{`Controleren en publiceren: ${asset.title}`}</h1>
        <StaleNotice what="deze bouwsteen" show={state.stale} />
        <ErrorSummary errors={errors} labelOf={() => 'Wat is er veranderd'} />
        {!asset.hasDraft ? (
          <p class="utrecht-paragraph">Er is geen concept om te publiceren.</p>
        ) : (
          <>
            <Summary asset={asset} labels={labels} />
            {check.complete ? (
              ''
            ) : (
              <MissingAnswers
                id={id}
                problems={inFormOrder(
                  check.problems,
                  shownPaths(
                    sections.flatMap((section) => section.fields),
                    contentOfAsset(asset),
                  ),
                )}
                labelOf={formLabel}
              />
            )}
            <AnswersSummary
              id={id}
              sections={sections}
              content={contentOfAsset(asset)}
              labels={labels}
              titles={titles}
            />
            {first ? (
              check.complete ? (
                <p class="utrecht-paragraph">
                  Na publiceren kan iedereen deze bouwsteen vinden, bekijken en hergebruiken onder
                  de gekozen licentie.
                </p>
              ) : (
                ''
              )
            ) : (
              <>
                <h2 class="utrecht-heading-2" id="wijzigingen-titel">
                  {Html.escapeHtml(
                    `Wat verandert er ten opzichte van versie ${asset.publishedVersion}`,
                  )}
                </h2>
                <ChangeTable rows={rows} labelledBy="wijzigingen-titel" />
              </>
            )}
            {check.complete ? (
              <form
                method="post"
                action={`/mijn-pps/bouwstenen/${id}/publiceren`}
                class="site-form"
                novalidate
              >
                <FormTokenField page={page} />
                <input type="hidden" name="revisie" value={String(asset.revision)} />
                <TextArea
                  path="changeNote"
                  label="Wat is er veranderd"
                  hint={
                    first
                      ? 'Voor wie de bouwsteen later volgt; bij de eerste versie mag u dit leeg laten.'
                      : 'Wie deze bouwsteen volgt of hergebruikt, krijgt dit te lezen.'
                  }
                  required={!first}
                  rows={3}
                  maxlength={PUBLISH_LIMITS.changeNote}
                  value={state.changeNote}
                  errors={errors}
                />
                <div class="site-form__actions">
                  <button type="submit" class="utrecht-button utrecht-button--primary-action">
                    {Html.escapeHtml(`Versie ${asset.latestVersion} publiceren`)}
                  </button>
                  <a class="utrecht-link" href={`/mijn-pps/bouwstenen/${id}`}>
                    Terug naar bewerken
                  </a>
                </div>
              </form>
            ) : (
              <p class="utrecht-paragraph">
                <a
                  class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
                  href={`/mijn-pps/bouwstenen/${id}#${fieldId(check.missing[0] ?? 'title')}`}
                >
                  Verder met invullen
                </a>
              </p>
            )}
          </>
        )}
      </>,
    );
  }

  async publish(
    page: PageContext,
    principal: Principal,
    id: string,
    body: Record<string, unknown>,
  ): Promise<PageAnswer> {
    const changeNote = typeof body.changeNote === 'string' ? body.changeNote : '';
    const input = changeNote.trim() ? { changeNote: changeNote.trim() } : {};
    return submitForm({
      dto: PublishAssetDto,
      input,
      write: async (value) => {
        await this.assets.publish(principal, id, Number(body.revisie), value);
        return { redirect: `/mijn-pps/bouwstenen/${id}?melding=gepubliceerd` };
      },
      again: async (errors, stale) => ({
        status: stale ? 409 : 400,
        html: await this.publishForm(page, principal, id, {
          changeNote,
          stale,
          // What the draft lacks is listed with links to its fields (MissingAnswers); the
          // summary keeps to this page's own field.
          errors: new FieldErrors(errors.filter((error) => error.field === 'changeNote')),
        }),
      }),
    });
  }

  async archiveForm(
    page: PageContext,
    principal: Principal,
    id: string,
    state: { successor?: string; link?: string; errors?: FieldErrors; stale?: boolean } = {},
    query: Record<string, unknown> = {},
  ): Promise<string> {
    const asset = await this.editable(principal, id);
    const [chosen] = state.successor
      ? await this.assets.summaries(principal, [state.successor])
      : [];
    const choices = await successorChoices(this.assets, principal, asset, query, chosen);
    const errors = state.errors ?? new FieldErrors();
    return this.site.page(
      page,
      {
        title: `Archiveren: ${asset.title}`,
        description: 'Een bouwsteen archiveren, eventueel met een opvolger.',
        canonicalPath: `/mijn-pps/bouwstenen/${id}/archiveren`,
        section: 'mijn-pps',
        noindex: true,
      },
      <>
        <Back asset={asset} />
        <h1 class="utrecht-heading-1" safe>{`Archiveren: ${asset.title}`}</h1>
        <StaleNotice what="deze bouwsteen" show={state.stale} />
        <p class="utrecht-paragraph">
          Een gearchiveerde bouwsteen blijft te vinden en te lezen, met de melding dat hij niet meer
          wordt bijgehouden. Wie hem volgt of hergebruikt, krijgt bericht. Noem een opvolger als er
          een nieuwere bouwsteen is: bezoekers worden daarheen verwezen.
        </p>
        <ErrorSummary errors={errors} labelOf={() => 'Opvolger'} />
        <SuccessorSearch path={`/mijn-pps/bouwstenen/${id}/archiveren`} choices={choices} />
        <form
          method="post"
          action={`/mijn-pps/bouwstenen/${id}/archiveren`}
          class="site-form"
          novalidate
        >
          <FormTokenField page={page} />
          <input type="hidden" name="revisie" value={String(asset.revision)} />
          <SelectField
            path="successorId"
            label="Opvolger uit uw eigen PPS"
            options={choices.options}
            value={state.successor}
            empty="Geen opvolger"
            errors={errors}
          />
          <TextField
            path="opvolgerLink"
            label="Of: link naar een opvolger van een andere PPS"
            hint="Plak de link naar de pagina van die bouwsteen in Bouwsteen."
            type="url"
            value={state.link}
            errors={errors}
          />
          <div class="site-form__actions">
            <button type="submit" class="utrecht-button utrecht-button--primary-action">
              Archiveren
            </button>
            <a class="utrecht-link" href={`/mijn-pps/bouwstenen/${id}`}>
              Niet archiveren
            </a>
          </div>
        </form>
      </>,
    );
  }

  async archive(
    page: PageContext,
    principal: Principal,
    id: string,
    body: Record<string, unknown>,
  ): Promise<PageAnswer> {
    const successor = typeof body.successorId === 'string' ? body.successorId : '';
    const link = typeof body.opvolgerLink === 'string' ? body.opvolgerLink.trim() : '';
    const fromLink = link ? (UUID.exec(link)?.[0] ?? link) : '';
    const input = fromLink
      ? { successorId: fromLink }
      : successor
        ? { successorId: successor }
        : {};
    const again = (errors: FieldError[], stale: boolean) =>
      this.archiveForm(page, principal, id, {
        successor,
        link,
        stale,
        errors: new FieldErrors(
          errors.map((error) => ({ ...error, field: fromLink ? 'opvolgerLink' : error.field })),
        ),
      }).then((html) => ({ status: stale ? 409 : 400, html }));
    return submitForm({
      dto: ArchiveAssetDto,
      input,
      write: async (value) => {
        const archived = await this.assets.archive(principal, id, Number(body.revisie), value);
        return {
          redirect: `/mijn-pps?pps=${archived.pps.id}&tab=gearchiveerd&melding=gearchiveerd`,
        };
      },
      again,
    });
  }

  async discard(
    principal: Principal,
    id: string,
    body: Record<string, unknown>,
  ): Promise<PageAnswer> {
    const asset = await this.editable(principal, id);
    await this.assets.discardDraft(principal, id, Number(body.revisie));
    return asset.publishedVersion
      ? { redirect: `/mijn-pps/bouwstenen/${id}?melding=weggegooid` }
      : { redirect: `/mijn-pps?pps=${asset.pps.id}&melding=weggegooid` };
  }

  private async editable(principal: Principal, id: string): Promise<AssetDto> {
    return editableAsset(this.assets, principal, id);
  }
}

function Back({ asset }: { asset: AssetDto }): JSX.Element {
  return (
    <nav aria-label="Kruimelpad">
      <ol class="breadcrumb-list">
        <li>
          <a class="utrecht-link" href={`/mijn-pps?pps=${asset.pps.id}`}>
            {Html.escapeHtml(`Mijn PPS: ${asset.pps.name}`)}
          </a>
        </li>
        <li>
          <a class="utrecht-link" href={`/mijn-pps/bouwstenen/${asset.id}`} safe>
            {asset.title}
          </a>
        </li>
      </ol>
    </nav>
  );
}

function Summary({ asset, labels }: { asset: AssetDto; labels: LabelBook }): JSX.Element {
  return (
    <dl class="facts">
      <dt>Soort</dt>
      <dd safe>{labels.kind(asset.kind)}</dd>
      <dt>Wordt</dt>
      <dd safe>{`versie ${asset.latestVersion}`}</dd>
      {asset.publishedVersion ? (
        <>
          <dt>Nu gepubliceerd</dt>
          <dd>
            <a class="utrecht-link" href={assetPath(asset.id)}>
              {Html.escapeHtml(`versie ${asset.publishedVersion}`)}
            </a>
          </dd>
        </>
      ) : (
        ''
      )}
    </dl>
  );
}
