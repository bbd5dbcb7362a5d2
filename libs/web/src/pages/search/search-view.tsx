import Html from '@kitajs/html';
import type { FacetedSearchResult } from '@bouwsteen/search';
import { AssetCard } from '../../components/asset-card';
import { Pagination } from '../../components/pagination';
import { count, formatNumber } from '../../format/format';
import type { LabelBook } from '../../format/labels';
import { FacetDefinition, SORTS } from './search-facets';
import { FiltersPanel } from './search-filters';
import {
  ActiveFilters,
  HTMX_SWAP,
  NoResults,
  Notices,
  PastLastPage,
  lastPage,
  pastLastPage,
} from './search-notices';
import { Ignored, SearchState, effectiveSort, searchHref } from './search-state';

export interface SearchView {
  state: SearchState;
  result: FacetedSearchResult;
  labels: LabelBook;
  /** Label of a facet value (taxonomy, kind or PPS name). */
  label: (definition: FacetDefinition, value: string) => string;
  /** The values a facet offers, in display order. */
  options: (definition: FacetDefinition) => string[];
  ignored: Ignored[];
  /** For a signed-in visitor: where to save this search ("Mijn zoekopdrachten"). */
  saveHref?: string;
}

/**
 * What makes htmx search: sending the form, a changed filter or order (inside the results part),
 * and a pause in typing. The search box's own change event is left out: Enter fires it just
 * before the submit, and two requests for one Enter made the first an aborted one. A search
 * asked for while one is under way waits for it (never aborts it) and only the last one runs.
 */
const SEARCH_TRIGGERS =
  'submit, change target:(#zoekresultaten *), input changed delay:500ms from:#zoek-q';

/** The search form: words, the filters and the results — one GET form. */
export function SearchForm(props: SearchView): JSX.Element {
  const { state } = props;
  return (
    <form
      id="zoekformulier"
      method="get"
      action="/zoeken"
      role="search"
      aria-label="Bouwstenen zoeken"
      hx-get="/zoeken"
      hx-target="#zoekresultaten"
      hx-select="#zoekresultaten"
      hx-swap="outerHTML"
      hx-push-url="true"
      hx-trigger={SEARCH_TRIGGERS}
      hx-sync="this:queue last"
    >
      {state.llo ? <input type="hidden" name="aanbod" value="llo" /> : ''}
      <div class="site-search">
        <label class="utrecht-form-label site-search__label" for="zoek-q">
          Zoekwoorden
        </label>
        <div class="site-search__row">
          <input
            class="utrecht-textbox utrecht-textbox--html-input"
            type="search"
            id="zoek-q"
            name="q"
            value={state.q}
            maxlength="200"
            autocomplete="off"
            placeholder="Bijvoorbeeld: veilig werken met cobots"
          />
          <button class="utrecht-button utrecht-button--primary-action" type="submit">
            Zoeken
          </button>
        </div>
      </div>
      <p id="zoek-status" class="visually-hidden" role="status"></p>
      <SearchResults {...props} />
    </form>
  );
}

/**
 * The part htmx replaces: the filters (a disclosure before the results on a phone, a side
 * column on a wide screen) and the results.
 */
export function SearchResults(props: SearchView): JSX.Element {
  const { state, result } = props;
  const outOfRange = pastLastPage(props);
  return (
    <div id="zoekresultaten" class="search-layout">
      {/* On a wide screen the filters come first in the tab order: a keyboard user may pass them. */}
      <a class="skip-to-results" href="#zoek-aantal">
        Direct naar de resultaten
      </a>
      <FiltersPanel {...props} />
      <section class="search-results" aria-labelledby="zoek-aantal">
        <div class="search-summary">
          <h2 class="utrecht-heading-2" id="zoek-aantal" tabindex="-1">
            {Html.escapeHtml(countHeading(props))}
          </h2>
          <SortChoice state={state} />
        </div>
        <Notices {...props} />
        <ActiveFilters {...props} />
        {props.saveHref ? (
          <p class="utrecht-paragraph search-save">
            <a class="utrecht-link" href={props.saveHref}>
              Deze zoekopdracht bewaren
            </a>
          </p>
        ) : (
          ''
        )}
        {result.hits.length ? (
          <div class="card-list">
            {result.hits.map((hit) => (
              <AssetCard hit={hit} labels={props.labels} headingLevel={3} llo={state.llo} />
            ))}
          </div>
        ) : outOfRange ? (
          <PastLastPage {...props} />
        ) : (
          <NoResults {...props} />
        )}
        {outOfRange ? (
          ''
        ) : (
          <Pagination
            current={state.page}
            total={lastPage(props)}
            href={(page) => searchHref({ ...state, page })}
            label="Pagina's met resultaten"
            attributes={HTMX_SWAP}
          />
        )}
      </section>
    </div>
  );
}

/**
 * Sorting. Until the person chooses, the order follows the words (relevance with words, newest
 * without), and the option showing that order is sent as an empty value: the form never turns
 * the empty page's "Nieuwste eerst" into a choice once words are typed. A chosen order is sent
 * by name and kept while the words change.
 */
function SortChoice(props: { state: SearchState }): JSX.Element {
  const { state } = props;
  const current = effectiveSort(state);
  return (
    <div class="search-sort">
      <label class="utrecht-form-label" for="zoek-sorteer">
        Sorteren
      </label>
      <select class="utrecht-select utrecht-select--html-select" id="zoek-sorteer" name="sorteer">
        {SORTS.map((option) => (
          <option
            value={!state.sort && option.value === current ? '' : option.value}
            selected={option.value === current}
          >
            {option.label}
          </option>
        ))}
      </select>
      <button class="utrecht-button utrecht-button--subtle facets__apply" type="submit">
        Sorteren
      </button>
    </div>
  );
}

/** What the results' heading says: how many were found, or that the page asked for is past the last. */
function countHeading(view: SearchView): string {
  if (pastLastPage(view)) return `Pagina ${formatNumber(view.state.page)} bestaat niet`;
  return resultCount(view.result.totalHits);
}

/**
 * The page's title: the words (or the tab) and what the heading above the results says, and the
 * page number past the first — the same after an htmx update as on a full load.
 */
export function searchTitle(view: SearchView): string {
  const { state } = view;
  const what = state.q
    ? `Zoeken naar „${state.q}”`
    : state.llo
      ? 'LLO-aanbod voor werkenden'
      : 'Zoeken';
  const paged = state.page > 1 && !pastLastPage(view) ? `, pagina ${formatNumber(state.page)}` : '';
  return `${what}: ${countHeading(view)}${paged}`;
}

function resultCount(total: number): string {
  if (total === 0) return 'Geen bouwstenen gevonden';
  return `${count(total, 'bouwsteen', 'bouwstenen')} gevonden`;
}
