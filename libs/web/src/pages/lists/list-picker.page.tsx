import { Injectable } from '@nestjs/common';
import { AssetsService } from '@bouwsteen/assets';
import type { Principal } from '@bouwsteen/auth';
import { DomainException, FieldError } from '@bouwsteen/common';
import { CreateListDto, ListError, ListsService } from '@bouwsteen/lists';
import { assetPath } from '../../components/asset-card';
import { ErrorSummary } from '../../forms/fields';
import { FieldErrors } from '../../forms/field-errors';
import { validateForm } from '../../forms/form-validation';
import type { PageAnswer } from '../../http/page-answer';
import type { PageContext } from '../../http/page-context';
import { SiteRenderer } from '../../layout/site-renderer';
import { ListPicker, NEW_LIST } from './list-picker';

type Form = Record<string, unknown>;
const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** The refusals the picker names at its fields, as problem codes the Dutch catalogue words. */
const AT_FIELD: Partial<Record<string, string>> = {
  [ListError.TooManyLists]: 'naam',
  [ListError.ListFull]: 'lijst',
  [ListError.AssetNotPublished]: 'lijst',
};

/**
 * Putting a block on a list from its page (POST /bouwstenen/:id/op-lijst), and the picker on a
 * page of its own when something needs fixing (a new list without a name, a full list).
 */
@Injectable()
export class ListPickerPage {
  constructor(
    private readonly site: SiteRenderer,
    private readonly lists: ListsService,
    private readonly assets: AssetsService,
  ) {}

  async render(
    page: PageContext,
    principal: Principal,
    assetId: string,
    errors: FieldError[] = [],
    values: Form = {},
  ): Promise<string> {
    const [asset] = await this.assets.summaries(undefined, [assetId]);
    const choices = await this.lists.choices(principal, assetId);
    const fieldErrors = new FieldErrors(errors);
    const title = asset ? `"${asset.title}" op een lijst zetten` : 'Op een lijst zetten';
    return this.site.page(
      page,
      {
        title,
        description: 'Zet een bouwsteen op een van uw lijsten.',
        canonicalPath: `${assetPath(assetId)}/op-lijst`,
        section: 'zoeken',
        noindex: true,
      },
      <>
        <h1 class="utrecht-heading-1" safe>
          {title}
        </h1>
        <ErrorSummary
          errors={fieldErrors}
          labelOf={(path) => (path === 'lijst' ? 'Lijst' : 'Naam van de lijst')}
        />
        <ListPicker
          page={page}
          assetId={assetId}
          lists={choices}
          errors={fieldErrors}
          values={{ lijst: text(values.lijst), naam: text(values.naam) }}
        />
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={assetPath(assetId)}>
            Terug naar de bouwsteen
          </a>
        </p>
      </>,
    );
  }

  async put(
    page: PageContext,
    principal: Principal,
    assetId: string,
    body: Form,
  ): Promise<PageAnswer> {
    const again = async (errors: FieldError[]) => ({
      status: 400,
      html: await this.render(page, principal, assetId, errors, body),
    });
    try {
      let listId = text(body.lijst) ?? NEW_LIST;
      if (listId === NEW_LIST) {
        const valid = await validateForm(CreateListDto, { name: body.naam });
        if (!valid.ok) return again(valid.errors.map((error) => ({ ...error, field: 'naam' })));
        listId = (await this.lists.create(principal, valid.value)).id;
      }
      const { added } = await this.lists.addItem(principal, listId, { assetId });
      return { redirect: `${assetPath(assetId)}?melding=${added ? 'op-lijst' : 'al-op-lijst'}` };
    } catch (error) {
      const field = error instanceof DomainException ? AT_FIELD[error.code] : undefined;
      if (!field || !(error instanceof DomainException)) throw error;
      return again([{ field, message: error.message, code: error.code }]);
    }
  }
}
