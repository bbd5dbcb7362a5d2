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
}

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
      hx-trigger="submit, change, input changed delay:500ms from:#zoek-q"
      hx-sync="this:replace"
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
      <FiltersPanel {...props} />
      <section class="search-results" aria-labelledby="zoek-aantal">
        <div class="search-summary">
          <h2 class="utrecht-heading-2" id="zoek-aantal" tabindex="-1">
            {Html.escapeHtml(
              outOfRange
                ? `Pagina ${formatNumber(state.page)} bestaat niet`
                : resultCount(result.totalHits),
            )}
          </h2>
          <SortChoice state={state} />
        </div>
        <Notices {...props} />
        <ActiveFilters {...props} />
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

function resultCount(total: number): string {
  if (total === 0) return 'Geen bouwstenen gevonden';
  return `${count(total, 'bouwsteen', 'bouwstenen')} gevonden`;
}
