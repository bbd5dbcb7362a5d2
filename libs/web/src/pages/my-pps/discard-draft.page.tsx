import Html from '@kitajs/html';
import { Injectable } from '@nestjs/common';
import { AssetsService } from '@bouwsteen/assets';
import { Principal } from '@bouwsteen/auth';
import { FormTokenField } from '../../forms/form-token';
import type { PageContext } from '../../http/page-context';
import { SiteRenderer } from '../../layout/site-renderer';
import { editableAsset } from '../../forms/asset-form/editable-asset';

/** "Concept weggooien" asks once more, on a page of its own, before anything is deleted. */
@Injectable()
export class DiscardDraftPage {
  constructor(
    private readonly site: SiteRenderer,
    private readonly assets: AssetsService,
  ) {}

  async render(page: PageContext, principal: Principal, id: string): Promise<string> {
    const asset = await editableAsset(this.assets, principal, id);
    const back = `/mijn-pps/bouwstenen/${id}`;
    return this.site.page(
      page,
      {
        title: `Concept weggooien: ${asset.title}`,
        description: 'Bevestig dat u het concept wilt weggooien.',
        canonicalPath: `${back}/concept-weggooien`,
        section: 'mijn-pps',
        noindex: true,
      },
      <>
        <h1 class="utrecht-heading-1" safe>{`Concept weggooien: ${asset.title}`}</h1>
        {!asset.hasDraft ? (
          <p class="utrecht-paragraph">Er is geen concept om weg te gooien.</p>
        ) : (
          <>
            <p class="utrecht-paragraph">
              {asset.publishedVersion
                ? Html.escapeHtml(
                    `Wat u sinds versie ${asset.publishedVersion} veranderde, gaat verloren. De gepubliceerde versie blijft zoals hij is.`,
                  )
                : 'De bouwsteen is nog nooit gepubliceerd: hij verdwijnt helemaal. Dit kunt u niet ongedaan maken.'}
            </p>
            <form method="post" action={`${back}/concept-weggooien`} class="site-form">
              <FormTokenField page={page} />
              <input type="hidden" name="revisie" value={String(asset.revision)} />
              <div class="site-form__actions">
                <button type="submit" class="utrecht-button utrecht-button--secondary-action">
                  Ja, concept weggooien
                </button>
                <a class="utrecht-link" href={back}>
                  Nee, terug naar bewerken
                </a>
              </div>
            </form>
          </>
        )}
      </>,
    );
  }
}
