import Html from '@kitajs/html';
import type { FacetedSearchResult } from '@bouwsteen/search';
import { AssetCard } from '../../components/asset-card';
import { Pagination } from '../../components/pagination';
import { count, formatNumber } from '../../format/format';
import type { LabelBook } from '../../format/labels';
import { FACET_DEFINITIONS, FacetDefinition, SORTS } from './search-facets';
import {
  Ignored,
  MAX_PAGE,
  SearchState,
  effectiveSort,
  hasFilters,
  searchHref,
  withChanges,
  withoutFacet,
  withoutValue,
} from './search-state';

/** Options of a facet shown before "meer tonen". */
const VISIBLE_OPTIONS = 8;

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

const HTMX_SWAP = {
  'hx-boost': 'true',
  'hx-target': '#zoekresultaten',
  'hx-select': '#zoekresultaten',
  'hx-swap': 'outerHTML show:#zoekresultaten:top',
  'hx-push-url': 'true',
};

/** The search form: words, the facets as checkboxes, and the results — one GET form. */
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

/** The part htmx replaces: filters with counts, and the results. */
export function SearchResults(props: SearchView): JSX.Element {
  const { state, result } = props;
  return (
    <div id="zoekresultaten" class="search-layout">
      <div class="facets" role="group" aria-labelledby="filters-titel">
        <h2 class="utrecht-heading-2" id="filters-titel">
          Filters
        </h2>
        {FACET_DEFINITIONS.filter((definition) => !(state.llo && definition.fixedByLlo)).map(
          (definition) => (
            <FacetGroup {...props} definition={definition} />
          ),
        )}
        {state.llo || (state.values.soort?.length === 1 && state.values.soort[0] === 'module') ? (
          <CertificateFacet state={state} counts={result.facets.certifiable ?? {}} />
        ) : (
          ''
        )}
        <HoursFacet state={state} />
        <button class="utrecht-button utrecht-button--secondary-action facets__apply" type="submit">
          Filters toepassen
        </button>
      </div>
      <section class="search-results" aria-labelledby="zoek-aantal">
        <div class="search-summary">
          <h2 class="utrecht-heading-2" id="zoek-aantal" tabindex="-1">
            {Html.escapeHtml(resultCount(result.totalHits))}
          </h2>
          <div class="search-sort">
            <label class="utrecht-form-label" for="zoek-sorteer">
              Sorteren
            </label>
            <select
              class="utrecht-select utrecht-select--html-select"
              id="zoek-sorteer"
              name="sorteer"
            >
              {SORTS.map((option) => (
                <option value={option.value} selected={option.value === effectiveSort(state)}>
                  {option.label}
                </option>
              ))}
            </select>
            <button class="utrecht-button utrecht-button--subtle facets__apply" type="submit">
              Sorteren
            </button>
          </div>
        </div>
        <Notices {...props} />
        <ActiveFilters {...props} />
        {result.hits.length ? (
          <div class="card-list">
            {result.hits.map((hit) => (
              <AssetCard hit={hit} labels={props.labels} headingLevel={3} />
            ))}
          </div>
        ) : (
          <NoResults {...props} />
        )}
        <Pagination
          current={state.page}
          total={Math.min(result.totalPages, MAX_PAGE)}
          href={(page) => searchHref({ ...state, page })}
          label="Pagina's met resultaten"
          attributes={HTMX_SWAP}
        />
      </section>
    </div>
  );
}

function resultCount(total: number): string {
  if (total === 0) return 'Geen bouwstenen gevonden';
  return `${count(total, 'bouwsteen', 'bouwstenen')} gevonden`;
}

function FacetGroup(props: SearchView & { definition: FacetDefinition }): JSX.Element {
  const { definition, state, result } = props;
  const counts = result.facets[definition.facet] ?? {};
  const selected = state.values[definition.param] ?? [];
  const values = props
    .options(definition)
    .filter((value) => (counts[value] ?? 0) > 0 || selected.includes(value));
  if (values.length === 0) return '';
  const option = (value: string) => {
    const id = `f-${definition.param}-${value}`.replace(/[^a-zA-Z0-9_-]/g, '-');
    return (
      <li>
        <input
          class="utrecht-checkbox utrecht-checkbox--html-input"
          type="checkbox"
          id={id}
          name={definition.param}
          value={value}
          checked={selected.includes(value)}
        />
        <label for={id}>
          {Html.escapeHtml(props.label(definition, value))}{' '}
          <span class="facet__count" safe>{`(${formatNumber(counts[value] ?? 0)})`}</span>
        </label>
      </li>
    );
  };
  const visible = values.slice(0, VISIBLE_OPTIONS);
  const more = values.slice(VISIBLE_OPTIONS);
  const openMore = more.some((value) => selected.includes(value));
  return (
    <fieldset class="facet">
      <legend safe>{definition.legend}</legend>
      <ul>{visible.map(option)}</ul>
      {more.length ? (
        <details open={openMore}>
          <summary safe>{`Meer tonen (${more.length})`}</summary>
          <ul>{more.map(option)}</ul>
        </details>
      ) : (
        ''
      )}
    </fieldset>
  );
}

function CertificateFacet(props: {
  state: SearchState;
  counts: Record<string, number>;
}): JSX.Element {
  const { state, counts } = props;
  const choices: { value: string; label: string; checked: boolean; count?: number }[] = [
    { value: '', label: 'Maakt niet uit', checked: state.certifiable === undefined },
    { value: 'ja', label: 'Ja', checked: state.certifiable === true, count: counts.true ?? 0 },
    { value: 'nee', label: 'Nee', checked: state.certifiable === false, count: counts.false ?? 0 },
  ];
  return (
    <fieldset class="facet">
      <legend>Leidt tot een certificaat</legend>
      <ul>
        {choices.map((choice) => (
          <li>
            <input
              class="utrecht-radio-button utrecht-radio-button--html-input"
              type="radio"
              id={`f-certificaat-${choice.value || 'alle'}`}
              name="certificaat"
              value={choice.value}
              checked={choice.checked}
            />
            <label for={`f-certificaat-${choice.value || 'alle'}`}>
              {Html.escapeHtml(choice.label)}
              {choice.count !== undefined ? (
                <>
                  {' '}
                  <span class="facet__count" safe>{`(${formatNumber(choice.count)})`}</span>
                </>
              ) : (
                ''
              )}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

function HoursFacet(props: { state: SearchState }): JSX.Element {
  const { state } = props;
  return (
    <fieldset class="facet">
      <legend>Studiebelasting in uren</legend>
      <div class="facet__range">
        <div>
          <label class="utrecht-form-label" for="f-uren-min">
            Van
          </label>
          <input
            class="utrecht-textbox utrecht-textbox--html-input utrecht-textbox--numeric"
            type="number"
            inputmode="numeric"
            min="0"
            step="any"
            id="f-uren-min"
            name="uren-min"
            value={state.hoursMin === undefined ? '' : String(state.hoursMin)}
          />
        </div>
        <div>
          <label class="utrecht-form-label" for="f-uren-max">
            Tot en met
          </label>
          <input
            class="utrecht-textbox utrecht-textbox--html-input utrecht-textbox--numeric"
            type="number"
            inputmode="numeric"
            min="0"
            step="any"
            id="f-uren-max"
            name="uren-max"
            value={state.hoursMax === undefined ? '' : String(state.hoursMax)}
          />
        </div>
      </div>
    </fieldset>
  );
}

const PARAM_NAMES: Record<string, string> = {
  'uren-min': 'studiebelasting van',
  'uren-max': 'studiebelasting tot',
  certificaat: 'certificaat',
  sorteer: 'sortering',
  pagina: 'pagina',
};

function Notices(props: SearchView): JSX.Element {
  const { state, result, ignored } = props;
  const suggestion = result.suggestion;
  return (
    <>
      {ignored.length ? (
        <div class="utrecht-alert utrecht-alert--warning">
          <p class="utrecht-paragraph" safe>
            {`Niet alles uit het adres kon worden gebruikt. Weggelaten: ${ignored
              .slice(0, 5)
              .map(
                (item) =>
                  `${PARAM_NAMES[item.param] ?? FACET_DEFINITIONS.find((d) => d.param === item.param)?.legend.toLowerCase() ?? item.param} „${item.value.slice(0, 40)}”`,
              )
              .join(', ')}.`}
          </p>
        </div>
      ) : (
        ''
      )}
      {suggestion ? (
        <p class="utrecht-paragraph search-suggestion">
          Bedoelde u{' '}
          <a
            class="utrecht-link"
            href={searchHref(withChanges(state, { q: suggestion, sort: state.sort }))}
          >
            <strong safe>{suggestion}</strong>
          </a>
          ?
        </p>
      ) : (
        ''
      )}
    </>
  );
}

function ActiveFilters(props: SearchView): JSX.Element {
  const { state } = props;
  const chips: { text: string; href: string }[] = [];
  for (const definition of FACET_DEFINITIONS)
    for (const value of state.values[definition.param] ?? [])
      chips.push({
        text: `${definition.legend}: ${props.label(definition, value)}`,
        href: searchHref(withoutValue(state, definition.param, value)),
      });
  if (state.certifiable !== undefined)
    chips.push({
      text: `Certificaat: ${state.certifiable ? 'ja' : 'nee'}`,
      href: searchHref(withChanges(state, { certifiable: undefined })),
    });
  if (state.hoursMin !== undefined || state.hoursMax !== undefined)
    chips.push({
      text: `Studiebelasting: ${state.hoursMin ?? 0}–${state.hoursMax ?? '…'} uur`,
      href: searchHref(withChanges(state, { hoursMin: undefined, hoursMax: undefined })),
    });
  if (!chips.length) return '';
  return (
    <div class="no-print">
      <h3 class="visually-hidden">Gekozen filters</h3>
      <ul class="active-filters" {...HTMX_SWAP}>
        {chips.map((chip) => (
          <li>
            <a href={chip.href}>
              <span class="visually-hidden">Filter weghalen: </span>
              {Html.escapeHtml(chip.text)} <span aria-hidden="true">✕</span>
            </a>
          </li>
        ))}
        {chips.length > 1 ? (
          <li>
            <a
              href={searchHref({
                q: state.q,
                llo: state.llo,
                values: {},
                page: 1,
                sort: state.sort,
              })}
            >
              Alle filters weghalen
            </a>
          </li>
        ) : (
          ''
        )}
      </ul>
    </div>
  );
}

/** A way out of "nothing found": the spelling, a filter to drop, fewer words. */
function NoResults(props: SearchView): JSX.Element {
  const { state, result } = props;
  const drops = FACET_DEFINITIONS.flatMap((definition) => {
    const total = result.totalsWithout[definition.facet];
    return total
      ? [
          {
            text: `zonder filter ${definition.legend.toLowerCase()}`,
            total,
            href: searchHref(withoutFacet(state, definition.param)),
          },
        ]
      : [];
  });
  if (result.totalsWithout.certifiable)
    drops.push({
      text: 'zonder filter certificaat',
      total: result.totalsWithout.certifiable,
      href: searchHref(withChanges(state, { certifiable: undefined })),
    });
  return (
    <div class="no-results">
      <p class="utrecht-paragraph">
        {state.q ? (
          <>
            Er is niets gevonden voor <strong safe>{state.q}</strong>
            {hasFilters(state) ? ' met deze filters' : ''}.
          </>
        ) : (
          'Er is niets gevonden met deze filters.'
        )}
      </p>
      {drops.length ? (
        <>
          <p class="utrecht-paragraph">Wel resultaten:</p>
          <ul class="utrecht-unordered-list">
            {drops.map((drop) => (
              <li>
                <a class="utrecht-link" href={drop.href} safe>
                  {`${count(drop.total, 'bouwsteen', 'bouwstenen')} ${drop.text}`}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}
      <p class="utrecht-paragraph">Tips:</p>
      <ul class="utrecht-unordered-list">
        <li>Controleer de spelling, of gebruik minder of algemenere woorden.</li>
        {hasFilters(state) ? (
          <li>
            <a
              class="utrecht-link"
              href={searchHref({ q: state.q, llo: state.llo, values: {}, page: 1 })}
            >
              Zoek zonder filters
            </a>
          </li>
        ) : (
          ''
        )}
        <li>
          <a class="utrecht-link" href="/zoeken">
            Bekijk alle bouwstenen
          </a>
        </li>
      </ul>
    </div>
  );
}
