import Html from '@kitajs/html';
import { count, formatNumber } from '../../format/format';
import { FACET_DEFINITIONS } from './search-facets';
import {
  MAX_PAGE,
  hasFilters,
  searchHref,
  withChanges,
  withoutFacet,
  withoutValue,
} from './search-state';
import type { SearchView } from './search-view';

/** Links inside the results that htmx follows by swapping just the results (and the URL). */
export const HTMX_SWAP = {
  'hx-boost': 'true',
  'hx-target': '#zoekresultaten',
  'hx-select': '#zoekresultaten',
  'hx-swap': 'outerHTML show:#zoekresultaten:top',
  'hx-push-url': 'true',
};

const PARAM_NAMES: Record<string, string> = {
  'uren-min': 'studiebelasting van',
  'uren-max': 'studiebelasting tot',
  certificaat: 'certificaat',
  sorteer: 'sortering',
  pagina: 'pagina',
};

/** The last page there is for this search (the engine pages at most MAX_PAGE deep). */
export function lastPage(view: SearchView): number {
  return Math.min(view.result.totalPages, MAX_PAGE);
}

/** A page number past the last page of a search that did find something. */
export function pastLastPage(view: SearchView): boolean {
  return view.result.totalHits > 0 && view.state.page > lastPage(view);
}

/** What the page says about the search itself: unusable URL parts, spelling, approximate words. */
export function Notices(props: SearchView): JSX.Element {
  const { state, result, ignored } = props;
  const suggestion = result.suggestion;
  const approximations = result.approximations ?? [];
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
      {approximations.length ? (
        <p class="utrecht-paragraph search-approximate">
          {approximations.map((item, index) => (
            <>
              {index ? ' ' : ''}
              {Html.escapeHtml(`Ook gevonden voor „${item.typed}”, met een andere spelling: `)}
              {item.found.map((word, at) => (
                <>
                  {at ? ', ' : ''}
                  <strong safe>{word}</strong>
                </>
              ))}
              .
            </>
          ))}
        </p>
      ) : (
        ''
      )}
    </>
  );
}

/** Instead of "96 gevonden" above "niets gevonden": this page does not exist, here is the last. */
export function PastLastPage(props: SearchView): JSX.Element {
  const last = lastPage(props);
  return (
    <div class="no-results">
      <p class="utrecht-paragraph" safe>
        {`Er zijn ${count(props.result.totalHits, 'bouwsteen', 'bouwstenen')} gevonden, op ${count(last, 'pagina', "pagina's")}.`}
      </p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={searchHref({ ...props.state, page: last })} {...HTMX_SWAP}>
          {Html.escapeHtml(`Naar de laatste pagina (${formatNumber(last)})`)}
        </a>
      </p>
    </div>
  );
}

export function ActiveFilters(props: SearchView): JSX.Element {
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
export function NoResults(props: SearchView): JSX.Element {
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
