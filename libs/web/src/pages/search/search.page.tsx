import Html from '@kitajs/html';
import { Injectable } from '@nestjs/common';
import { PpsService } from '@bouwsteen/organisations';
import { SearchService } from '@bouwsteen/search';
import { KIND_LABELS, KIND_ORDER, LabelBook, Labels } from '../../format/labels';
import type { PageContext } from '../../http/page-context';
import { documentTitle } from '../../layout/document';
import { SiteRenderer } from '../../layout/site-renderer';
import { FACET_DEFINITIONS, FacetDefinition } from './search-facets';
import { hasFilters, parseSearchState, searchHref, toSearchQuery } from './search-state';
import { SearchForm, SearchResults, SearchView, searchTitle } from './search-view';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** /zoeken: the whole search in the URL; htmx asks for just the results part. */
@Injectable()
export class SearchPage {
  constructor(
    private readonly site: SiteRenderer,
    private readonly labels: Labels,
    private readonly search: SearchService,
    private readonly ppsService: PpsService,
  ) {}

  async render(page: PageContext, raw: Record<string, unknown>): Promise<string> {
    const [labels, pps] = await Promise.all([this.labels.book(), this.ppsService.directory()]);
    const ppsNames = new Map(pps.map((item) => [item.id, item.name]));
    const { state, ignored } = parseSearchState(raw, (param, value) =>
      isKnown(labels, ppsNames, param, value),
    );
    const result = await this.search.searchWithFacetCounts(toSearchQuery(state));
    const view: SearchView = {
      state,
      result,
      labels,
      ignored,
      label: (definition, value) => facetLabel(labels, ppsNames, definition, value),
      options: (definition) =>
        facetOptions(labels, definition, result.facets[definition.facet] ?? {}, ppsNames),
    };
    const title = searchTitle(view);
    // htmx swaps the results and takes the document's new title from the <title> beside them.
    if (page.fragment && page.target === 'zoekresultaten')
      return (
        <>
          <title>{Html.escapeHtml(documentTitle({ title, section: 'zoeken' }))}</title>
          {SearchResults(view)}
        </>
      ) as string;
    const filtered = hasFilters(state) || state.q !== '' || state.page > 1;
    return this.site.page(
      page,
      {
        title,
        description:
          'Zoek in de curricula, modules, praktijkomgevingen en goede praktijken van de mbo-PPS in Noord-Holland en Flevoland.',
        canonicalPath: searchHref(state),
        section: 'zoeken',
        noindex: filtered,
      },
      <>
        <h1 class="utrecht-heading-1">
          {state.llo ? 'LLO-aanbod: modules voor werkenden' : 'Bouwstenen zoeken'}
        </h1>
        <nav aria-label="Wat u zoekt">
          <ul class="search-tabs">
            <li>
              <a
                href={searchHref({ ...state, llo: false, page: 1 })}
                aria-current={state.llo ? undefined : 'page'}
              >
                Alle bouwstenen
              </a>
            </li>
            <li>
              <a
                href={searchHref({ ...state, llo: true, page: 1 })}
                aria-current={state.llo ? 'page' : undefined}
              >
                LLO-aanbod voor werkenden
              </a>
            </li>
          </ul>
        </nav>
        {SearchForm(view)}
      </>,
    );
  }
}

function isKnown(
  labels: LabelBook,
  pps: Map<string, string>,
  param: string,
  value: string,
): boolean {
  const definition = FACET_DEFINITIONS.find((item) => item.param === param)!;
  if (definition.facet === 'kind') return value in KIND_LABELS;
  if (definition.facet === 'ppsId') return UUID.test(value) && pps.has(value);
  return labels.term(definition.vocabulary!, value) !== undefined;
}

function facetLabel(
  labels: LabelBook,
  pps: Map<string, string>,
  definition: FacetDefinition,
  value: string,
): string {
  if (definition.facet === 'kind') return labels.kind(value);
  if (definition.facet === 'ppsId') return pps.get(value) ?? value;
  return labels.label(definition.vocabulary!, value);
}

/** Vocabulary order for codes (the order people know); PPS by number of hits, then name. */
function facetOptions(
  labels: LabelBook,
  definition: FacetDefinition,
  counts: Record<string, number>,
  pps: Map<string, string>,
): string[] {
  if (definition.facet === 'kind') return [...KIND_ORDER];
  if (definition.facet === 'ppsId')
    return [...pps.keys()].sort(
      (a, b) => (counts[b] ?? 0) - (counts[a] ?? 0) || pps.get(a)!.localeCompare(pps.get(b)!, 'nl'),
    );
  return labels.terms(definition.vocabulary!).map((term) => term.code);
}
