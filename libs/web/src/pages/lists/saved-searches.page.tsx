import Html from '@kitajs/html';
import { Injectable } from '@nestjs/common';
import type { Principal } from '@bouwsteen/auth';
import { FieldError } from '@bouwsteen/common';
import {
  CreateSavedSearchDto,
  LIST_NAME_MAX,
  SavedSearchDto,
  SavedSearchesService,
  UpdateSavedSearchDto,
} from '@bouwsteen/lists';
import { StatusNotice } from '../../components/status-notice';
import { StaleNotice } from '../../components/stale-notice';
import { ErrorSummary, TextField } from '../../forms/fields';
import { FieldErrors } from '../../forms/field-errors';
import { isStale, submitForm } from '../../forms/form-submit';
import { FormTokenField } from '../../forms/form-token';
import { formatDate } from '../../format/format';
import type { PageAnswer } from '../../http/page-answer';
import type { PageContext } from '../../http/page-context';
import { SiteRenderer } from '../../layout/site-renderer';
import { pageQuery } from '../search-queries';
import {
  apiSearchQuery,
  parseSearchState,
  searchHref,
  stateOfApiQuery,
} from '../search/search-state';

type Form = Record<string, unknown>;
const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

const NOTICES: Record<string, string> = {
  bewaard: 'De zoekopdracht is bewaard.',
  hernoemd: 'De naam is opgeslagen.',
  'meldingen-aan':
    'Meldingen staan aan: nieuwe bouwstenen die bij deze zoekopdracht passen, ziet u bij uw meldingen.',
  'meldingen-uit': 'Meldingen staan uit.',
  verwijderd: 'De zoekopdracht is verwijderd.',
};

const LABELS: Record<string, string> = {
  name: 'Naam van de zoekopdracht',
  query: 'Zoekopdracht',
  alerts: 'Meldingen',
};
const labelOf = (path: string) => LABELS[path.split(/[.-]/)[0]] ?? path;

/** "Mijn zoekopdrachten": saved searches (open, rename, alerts on or off, delete), and saving one. */
@Injectable()
export class SavedSearchesPage {
  constructor(
    private readonly site: SiteRenderer,
    private readonly searches: SavedSearchesService,
  ) {}

  async overview(
    page: PageContext,
    principal: Principal,
    code?: unknown,
    failed?: { id: string; errors: FieldError[]; stale: boolean },
  ): Promise<string> {
    const saved = await this.searches.list(principal, pageQuery(100, 1));
    const errors = new FieldErrors(failed?.errors ?? []);
    return this.site.page(
      page,
      {
        title: 'Mijn zoekopdrachten',
        description: 'Uw bewaarde zoekopdrachten, met meldingen van nieuwe bouwstenen.',
        canonicalPath: '/mijn-zoekopdrachten',
        section: 'account',
        noindex: true,
      },
      <>
        <h1 class="utrecht-heading-1">Mijn zoekopdrachten</h1>
        <ErrorSummary errors={errors} labelOf={labelOf} />
        <StatusNotice text={typeof code === 'string' ? NOTICES[code] : undefined} />
        <StaleNotice what="deze zoekopdracht" show={failed?.stale} />
        <p class="utrecht-paragraph">
          Bewaar een zoekopdracht op de pagina{' '}
          <a class="utrecht-link" href="/zoeken">
            Zoeken
          </a>{' '}
          met "Deze zoekopdracht bewaren". Met meldingen aan ziet u nieuwe bouwstenen die erbij
          passen bij{' '}
          <a class="utrecht-link" href="/mijn-meldingen">
            uw meldingen
          </a>{' '}
          (één melding per zoekopdracht). Zie ook{' '}
          <a class="utrecht-link" href="/mijn-lijsten">
            Mijn lijsten
          </a>
          .
        </p>
        {saved.items.length ? (
          <ul class="plain-list saved-searches">
            {saved.items.map((search) => (
              <SavedSearchEntry
                page={page}
                search={search}
                errors={failed?.id === search.id ? errors : new FieldErrors()}
              />
            ))}
          </ul>
        ) : (
          <p class="utrecht-paragraph">U heeft nog geen bewaarde zoekopdrachten.</p>
        )}
      </>,
    );
  }

  /** The form that saves the search of a /zoeken address (its parameters as given). */
  async newForm(
    page: PageContext,
    raw: Record<string, unknown>,
    errors: FieldError[] = [],
    values: Form = {},
  ): Promise<string> {
    const { state } = parseSearchState(raw, () => true);
    const query = text(values.query) ?? apiSearchQuery(state);
    const fieldErrors = new FieldErrors(errors);
    const searchLink = searchHref({ ...stateOfApiQuery(query), sort: state.sort });
    return this.site.page(
      page,
      {
        title: 'Zoekopdracht bewaren',
        description: 'Bewaar een zoekopdracht met een naam.',
        canonicalPath: '/mijn-zoekopdrachten/nieuw',
        section: 'zoeken',
        noindex: true,
      },
      <>
        <h1 class="utrecht-heading-1">Zoekopdracht bewaren</h1>
        <ErrorSummary errors={fieldErrors} labelOf={labelOf} />
        <p class="utrecht-paragraph">
          U bewaart{' '}
          <a class="utrecht-link" href={searchLink}>
            {Html.escapeHtml(state.q ? `de zoekopdracht "${state.q}"` : 'deze zoekopdracht')}
          </a>{' '}
          met de filters die u koos.
        </p>
        <form method="post" action="/mijn-zoekopdrachten" class="site-form" novalidate>
          <FormTokenField page={page} />
          <input type="hidden" name="query" value={query} />
          <TextField
            path="name"
            label={LABELS.name}
            value={text(values.name) ?? (state.q || '')}
            errors={fieldErrors}
            maxlength={LIST_NAME_MAX}
            required
          />
          <div class="utrecht-form-field utrecht-form-field--checkbox">
            <input
              class="utrecht-checkbox utrecht-checkbox--html-input"
              type="checkbox"
              id="veld-alerts"
              name="alerts"
              value="ja"
              checked={values.alerts === 'ja'}
            />
            <label class="utrecht-form-label utrecht-form-label--checkbox" for="veld-alerts">
              Meld mij nieuwe bouwstenen die bij deze zoekopdracht passen
            </label>
          </div>
          <button type="submit" class="utrecht-button utrecht-button--primary-action">
            Zoekopdracht bewaren
          </button>
        </form>
      </>,
    );
  }

  create(page: PageContext, principal: Principal, body: Form): Promise<PageAnswer> {
    return submitForm({
      dto: CreateSavedSearchDto,
      input: { name: body.name, query: body.query ?? '', alerts: body.alerts === 'ja' },
      write: async (dto) => {
        await this.searches.create(principal, dto);
        return { redirect: '/mijn-zoekopdrachten?melding=bewaard' };
      },
      again: async (errors) => ({
        status: 400,
        html: await this.newForm(page, {}, errors, body),
      }),
      conflicts: { 'too-many-saved-searches': 'name' },
    });
  }

  /** Rename, alerts on or off, or delete: one form per action. */
  async change(
    page: PageContext,
    principal: Principal,
    id: string,
    body: Form,
  ): Promise<PageAnswer> {
    const revision = Number(body.versie);
    const action = body.actie;
    if (action === 'verwijderen') {
      try {
        await this.searches.remove(principal, id, revision);
      } catch (error) {
        if (!isStale(error)) throw error;
        return {
          status: 409,
          html: await this.overview(page, principal, undefined, { id, errors: [], stale: true }),
        };
      }
      return { redirect: '/mijn-zoekopdrachten?melding=verwijderd' };
    }
    const input =
      action === 'hernoemen'
        ? { name: body[`name-${id}`] }
        : { alerts: action === 'meldingen-aan' };
    return submitForm({
      dto: UpdateSavedSearchDto,
      input,
      write: async (dto) => {
        await this.searches.update(principal, id, revision, dto);
        return {
          redirect: `/mijn-zoekopdrachten?melding=${action === 'hernoemen' ? 'hernoemd' : String(action)}`,
        };
      },
      again: async (errors, stale) => ({
        status: stale ? 409 : 400,
        html: await this.overview(page, principal, undefined, {
          id,
          // The rename field of this search carries its id (one form per search on the page).
          errors: errors.map((error) => ({ ...error, field: `${error.field}-${id}` })),
          stale,
        }),
      }),
    });
  }

  /** A saved search opened as the search page, newest first. */
  async open(principal: Principal, id: string): Promise<PageAnswer> {
    const search = await this.searches.get(principal, id);
    return { redirect: searchHref(stateOfApiQuery(search.query)) };
  }
}

function SavedSearchEntry(props: {
  page: PageContext;
  search: SavedSearchDto;
  errors: FieldErrors;
}): JSX.Element {
  const { search, page } = props;
  const action = `/mijn-zoekopdrachten/${search.id}`;
  const hidden = (value: string) => (
    <>
      <FormTokenField page={page} />
      <input type="hidden" name="versie" value={String(search.revision)} />
      <input type="hidden" name="actie" value={value} />
    </>
  );
  return (
    <li class="saved-search">
      <h2 class="utrecht-heading-3">
        <a class="utrecht-link" href={`${action}/openen`} safe>
          {search.name}
        </a>
      </h2>
      <p class="utrecht-paragraph site-muted">
        {Html.escapeHtml(
          `Bewaard op ${formatDate(search.createdAt)} · meldingen ${search.alerts ? 'aan' : 'uit'}`,
        )}
      </p>
      <div class="list-item__actions">
        <form method="post" action={action} class="inline-form">
          {hidden(search.alerts ? 'meldingen-uit' : 'meldingen-aan')}
          <button type="submit" class="utrecht-button utrecht-button--secondary-action">
            {search.alerts ? 'Meldingen uitzetten' : 'Meldingen aanzetten'}
            <span class="visually-hidden" safe>{`: ${search.name}`}</span>
          </button>
        </form>
        <form method="post" action={action} class="inline-form">
          {hidden('verwijderen')}
          <button type="submit" class="utrecht-button utrecht-button--subtle">
            Verwijderen<span class="visually-hidden" safe>{`: ${search.name}`}</span>
          </button>
        </form>
      </div>
      <form method="post" action={action} class="saved-search__rename site-form" novalidate>
        {hidden('hernoemen')}
        <TextField
          path={`name-${search.id}`}
          label={`Nieuwe naam voor "${search.name}"`}
          errors={props.errors}
          value={search.name}
          maxlength={LIST_NAME_MAX}
          plainLabel
        />
        <button type="submit" class="utrecht-button utrecht-button--secondary-action">
          Naam opslaan<span class="visually-hidden" safe>{`: ${search.name}`}</span>
        </button>
      </form>
    </li>
  );
}
