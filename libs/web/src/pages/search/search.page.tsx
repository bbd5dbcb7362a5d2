import Html from '@kitajs/html';
import { Injectable } from '@nestjs/common';
import { PpsService } from '@bouwsteen/organisations';
import { QualificationName, QualificationsService } from '@bouwsteen/qualifications';
import { SearchService } from '@bouwsteen/search';
import { UsageRecorder } from '@bouwsteen/usage';
import { filtersKey, normaliseQuery } from '@bouwsteen/usage/pure';
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
    private readonly qualifications: QualificationsService,
    private readonly usage: UsageRecorder,
  ) {}

  async render(page: PageContext, raw: Record<string, unknown>): Promise<string> {
    // PPS and qualifications come from short-lived directories, not a query per view.
    const [labels, pps, qualifications] = await Promise.all([
      this.labels.book(),
      this.ppsService.directory(),
      this.qualifications.directory(),
    ]);
    const names: Names = { pps: new Map(pps.map((item) => [item.id, item.name])), qualifications };
    const { state, ignored } = parseSearchState(raw, (param, value) =>
      isKnown(labels, names, param, value),
    );
    const result = await this.search.searchWithFacetCounts(toSearchQuery(state));
    // A new search (not a further page of one) with words or filters, for the search analytics.
    if (state.page === 1 && (state.q !== '' || hasFilters(state)))
      this.usage.search(
        {
          query: normaliseQuery(state.q),
          filters: filtersKey({ ...state.values, llo: state.llo ? ['ja'] : [] }),
          provinces: [...(state.values.provincie ?? [])].sort().join(','),
          sectors: [...(state.values.thema ?? [])].sort().join(','),
          hits: result.totalHits,
        },
        { ...page.visitor, userId: page.principal?.userId },
      );
    const view: SearchView = {
      state,
      result,
      labels,
      ignored,
      saveHref: page.principal
        ? `/mijn-zoekopdrachten/nieuw${searchHref({ ...state, page: 1 }).slice('/zoeken'.length)}`
        : undefined,
      label: (definition, value) => facetLabel(labels, names, definition, value),
      options: (definition) =>
        facetOptions(labels, definition, result.facets[definition.facet] ?? {}, names, [
          ...(state.values[definition.param] ?? []),
        ]),
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

/** What the page names by id or code besides the vocabularies. */
interface Names {
  pps: Map<string, string>;
  qualifications: ReadonlyMap<string, QualificationName>;
}

function isKnown(labels: LabelBook, names: Names, param: string, value: string): boolean {
  const definition = FACET_DEFINITIONS.find((item) => item.param === param)!;
  if (definition.facet === 'kind') return value in KIND_LABELS;
  if (definition.facet === 'ppsId') return UUID.test(value) && names.pps.has(value);
  if (definition.facet === 'qualification') return names.qualifications.has(value);
  return labels.term(definition.vocabulary!, value) !== undefined;
}

/** A qualification by name with its level ("… (niveau 3)"); a dossier a block names, as such. */
export function qualificationLabel(name: QualificationName): string {
  if (name.dossier) return `${name.title} (kwalificatiedossier)`;
  return name.level === null ? name.title : `${name.title} (niveau ${name.level})`;
}

function facetLabel(
  labels: LabelBook,
  names: Names,
  definition: FacetDefinition,
  value: string,
): string {
  if (definition.facet === 'kind') return labels.kind(value);
  if (definition.facet === 'ppsId') return names.pps.get(value) ?? value;
  if (definition.facet === 'qualification') {
    const name = names.qualifications.get(value);
    return name ? qualificationLabel(name) : value;
  }
  return labels.label(definition.vocabulary!, value);
}

/**
 * Vocabulary order for codes (the order people know); PPS and qualifications by number of hits,
 * then name. A crebo the structure does not know has no name to show and is not offered.
 */
function facetOptions(
  labels: LabelBook,
  definition: FacetDefinition,
  counts: Record<string, number>,
  names: Names,
  selected: string[],
): string[] {
  const byHits = (name: (value: string) => string) => (a: string, b: string) =>
    (counts[b] ?? 0) - (counts[a] ?? 0) || name(a).localeCompare(name(b), 'nl');
  if (definition.facet === 'kind') return [...KIND_ORDER];
  if (definition.facet === 'ppsId')
    return [...names.pps.keys()].sort(byHits((id) => names.pps.get(id)!));
  if (definition.facet === 'qualification')
    return [...new Set([...Object.keys(counts), ...selected])]
      .filter((crebo) => names.qualifications.has(crebo))
      .sort(byHits((crebo) => qualificationLabel(names.qualifications.get(crebo)!)));
  return labels.terms(definition.vocabulary!).map((term) => term.code);
}
