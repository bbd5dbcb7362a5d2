import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import { SearchParams, SearchResponse } from 'meilisearch';
import { FieldCode, FieldError } from '@bouwsteen/common';
import { dutchAnalyser, meilisearchSynonyms, readThesaurus } from '@bouwsteen/language';
import { CodeChecker, TaxonomyService, Vocabulary } from '@bouwsteen/taxonomy';
import { FACETS, FacetName, SearchQueryDto } from './dto/search-query.dto';
import { SearchHitDto, SearchResultDto } from './dto/search-result.dto';
import { EMBEDDER } from './index-settings';
import { SearchDocument } from './search-document';
import {
  HIGHLIGHT_TAGS,
  anyOf,
  atLeast,
  atMost,
  hasLocation,
  isTrue,
  safeHighlight,
  withinRadius,
  withoutMarks,
} from './search-filter';
import { SearchReader } from './search-reader';
import {
  Approximation,
  Correction,
  MAX_CORRECTIONS,
  approximateMatches,
  correctableWords,
  corrected,
  spellingCorrections,
  spellingKey,
} from './spelling-suggestion';

/** Whether a word is Dutch as typed: never offered for correcting (see spellingCorrections). */
const isDutch = (word: string) => dutchAnalyser().isWord(word);

/** How many documents hold a word as typed: quoted, so no typo tolerance and no prefix. */
function exactCount(word: string): SearchParams & { q: string } {
  return { q: `"${word.replace(/"/g, '')}"`, page: 1, hitsPerPage: 0 };
}

/** Query parameters that take vocabulary codes, with their index attribute and vocabulary. */
const CODE_FILTERS: [keyof SearchQueryDto, string, Vocabulary][] = [
  ['province', 'provinces', 'provinces'],
  ['theme', 'themes', 'provincialThemes'],
  ['challenge', 'challenges', 'societalChallenges'],
  ['configuration', 'configurations', 'configurations'],
  ['buildingBlock', 'buildingBlocks', 'buildingBlocks'],
  ['level', 'levels', 'educationLevels'],
  ['audience', 'audiences', 'audiences'],
  ['deliveryMode', 'deliveryModes', 'deliveryModes'],
  ['learningMode', 'learningMode', 'learningModes'],
  ['license', 'license', 'licenses'],
  ['language', 'language', 'languages'],
  ['sector', 'sectors', 'sectors'],
  ['moduleType', 'moduleType', 'moduleTypes'],
  ['certification', 'certification', 'certifications'],
];

const SORTS: Record<string, string> = {
  updated: 'updatedAt:asc',
  '-updated': 'updatedAt:desc',
  title: 'title:asc',
  '-title': 'title:desc',
  studyLoad: 'studyLoadHours:asc',
  '-studyLoad': 'studyLoadHours:desc',
  reuseCount: 'reuseCount:asc',
  '-reuseCount': 'reuseCount:desc',
};

const RETRIEVE: (keyof SearchDocument)[] = [
  'id',
  'kind',
  'title',
  'summary',
  'ppsId',
  'ppsName',
  'leadInstitutionId',
  'leadInstitutionName',
  'provinces',
  'levels',
  'studyLoadHours',
  'priceCents',
  'certification',
  'deliveryModes',
  'license',
  'version',
  'reuseCount',
  'updatedAt',
  '_geo',
];

@Injectable()
export class SearchService {
  constructor(
    private readonly index: SearchReader,
    private readonly taxonomy: TaxonomyService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async search(query: SearchQueryDto): Promise<SearchResultDto> {
    const params = await this.params(query);
    const response = await this.index.search(params);
    const byFacet = Object.fromEntries(
      (query.facets ?? []).map((name) => [name, response.facetDistribution?.[FACETS[name]] ?? {}]),
    );
    return toResult(query, response, byFacet);
  }

  /**
   * A search whose facet counts stay useful while filtering: the count for each value of a
   * filtered facet is what choosing that value too would give (values of one facet are OR-ed),
   * as the search pages show it. One round trip: the main query plus, per filtered facet, the
   * same query without that facet's filter — whose total also says what dropping it would give.
   */
  async searchWithFacetCounts(query: SearchQueryDto): Promise<FacetedSearchResult> {
    const requests = await this.facetedParams(query);
    const [main, ...others] = await this.index.multiSearch(
      requests.map((request) => request.params),
    );
    const facets: Record<string, Record<string, number>> = {};
    const totalsWithout: Partial<Record<FacetName, number>> = {};
    const typedCounts = new Map<string, number>();
    for (const name of query.facets ?? [])
      facets[name] = main.facetDistribution?.[FACETS[name]] ?? {};
    requests.slice(1).forEach((request, index) => {
      const response = others[index];
      if (request.typed !== undefined) {
        typedCounts.set(spellingKey(request.typed), response.totalHits ?? 0);
        return;
      }
      totalsWithout[request.group!] = response.totalHits ?? 0;
      if (query.facets?.includes(request.group!))
        facets[request.group!] = response.facetDistribution?.[FACETS[request.group!]] ?? {};
    });
    const highlighted = main.hits.flatMap((hit) => {
      const formatted = (hit as HitExtras)._formatted;
      return [formatted?.title ?? '', formatted?.summary ?? ''];
    });
    const suggestion = query.q
      ? await this.betterSpelling(
          query.q,
          spellingCorrections(query.q, highlighted.slice(0, 20), isDutch),
          typedCounts,
        )
      : undefined;
    const approximations = query.q
      ? approximateMatches(query.q, highlighted, (word) => synonyms()[word] ?? [])
      : [];
    return { ...toResult(query, main, facets), totalsWithout, suggestion, approximations };
  }

  /**
   * A spelling suggestion only when it is better than what was typed: the typed word is not in
   * the index as written (a quoted word is matched exactly, with no typo tolerance and no
   * prefix). Those counts come with the results (facetedParams asks them for every word that
   * could be corrected), so a typo costs no second round trip; only a word the first request did
   * not count (a query of very many unknown words) is counted now. The suggested word needs no
   * count: it is a whole word of a hit just found. A word in the Dutch dictionary is never
   * proposed for correcting ("lassen" is not a misspelt "lossen", whether or not the index
   * holds it).
   */
  private async betterSpelling(
    query: string,
    corrections: Correction[],
    typedCounts: Map<string, number>,
  ): Promise<string | undefined> {
    if (corrections.length === 0) return undefined;
    const uncounted = corrections.filter((item) => !typedCounts.has(spellingKey(item.typed)));
    if (uncounted.length) {
      const counts = await this.index.multiSearch(uncounted.map((item) => exactCount(item.typed)));
      uncounted.forEach((item, index) =>
        typedCounts.set(spellingKey(item.typed), counts[index].totalHits ?? 0),
      );
    }
    const better = corrections.every((item) => typedCounts.get(spellingKey(item.typed)) === 0);
    return better ? corrected(query, corrections) : undefined;
  }

  /**
   * The exact Meilisearch requests of searchWithFacetCounts, sent as one multi-search (also the
   * benchmark's direct floor): the results, per filtered facet the same query without that
   * facet's filter, and per word a "did you mean" could correct how often it is in the index as
   * typed.
   */
  async facetedParams(query: SearchQueryDto): Promise<
    {
      group?: FacetName;
      /** For a spelling count: the word as typed. */
      typed?: string;
      params: SearchParams & { q?: string };
    }[]
  > {
    const { base, filters } = await this.parts(query);
    const active = [...new Set(filters.flatMap((filter) => (filter.group ? [filter.group] : [])))];
    const wanted = [...new Set(query.facets ?? [])];
    const unfiltered = wanted.filter((name) => !active.includes(name)).map((name) => FACETS[name]);
    const main = {
      ...base,
      filter: filters.map((filter) => filter.expression),
      facets: unfiltered.length ? [...new Set(unfiltered)] : undefined,
    };
    const without = active.map((group) => ({
      group,
      params: {
        q: base.q,
        filter: filters
          .filter((filter) => filter.group !== group)
          .map((filter) => filter.expression),
        facets: wanted.includes(group) ? [FACETS[group]] : undefined,
        page: 1,
        hitsPerPage: 0,
      },
    }));
    // As many as a suggestion may correct; a correction of a word past them is counted later.
    const spelling = query.q
      ? correctableWords(query.q, isDutch)
          .slice(0, MAX_CORRECTIONS)
          .map((typed) => ({ typed, params: exactCount(typed) }))
      : [];
    return [{ params: main }, ...without, ...spelling];
  }

  /**
   * Which of these blocks the query finds (saved-search alerts: the new blocks a saved search
   * matches). With no words and no filters: which of them are in the index at all. Bounded by
   * the ids given; none is a search of the whole index.
   */
  async matchingAmong(query: SearchQueryDto, ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const { base, filters } = await this.parts({ ...query, sort: undefined, facets: undefined });
    const response = await this.index.search({
      ...base,
      hybrid: undefined,
      sort: undefined,
      page: 1,
      hitsPerPage: ids.length,
      attributesToRetrieve: ['id'],
      attributesToHighlight: undefined,
      attributesToCrop: undefined,
      filter: [...filters.map((filter) => filter.expression), anyOf('id', ids)],
    });
    return response.hits.map((hit) => hit.id);
  }

  /** The exact Meilisearch request for a query (also used by the benchmark's direct floor). */
  async params(query: SearchQueryDto): Promise<SearchParams & { q?: string }> {
    const { base, filters } = await this.parts(query);
    const facets = [...new Set((query.facets ?? []).map((name) => FACETS[name]))];
    return {
      ...base,
      filter: filters.map((filter) => filter.expression),
      facets: facets.length ? facets : undefined,
    };
  }

  private async parts(
    query: SearchQueryDto,
  ): Promise<{ base: SearchParams & { q?: string }; filters: Filter[] }> {
    const checker = await this.taxonomy.checker();
    const filters = this.filters(query, checker);
    checker.throwIfInvalid();
    const geoPoint =
      query.lat !== undefined && query.lng !== undefined
        ? `_geoPoint(${query.lat}, ${query.lng}):asc`
        : undefined;
    const sort =
      query.sort === 'distance'
        ? [geoPoint!]
        : query.sort && query.sort !== 'relevance'
          ? [SORTS[query.sort]]
          : undefined;
    return {
      filters,
      base: {
        // Compounds also look for their parts; a quoted phrase is taken as written.
        q: query.q && !query.q.includes('"') ? dutchAnalyser().expandQuery(query.q) : query.q,
        // With a model configured, words and meaning rank together (relevance order only).
        ...(this.config.embedder && query.q && !sort
          ? { hybrid: { embedder: EMBEDDER, semanticRatio: this.config.embedder.semanticRatio } }
          : {}),
        sort,
        page: query.pageNumber,
        hitsPerPage: query.pageSize,
        attributesToRetrieve: RETRIEVE,
        attributesToHighlight: ['title', 'summary'],
        attributesToCrop: ['summary'],
        cropLength: 30,
        ...HIGHLIGHT_TAGS,
      },
    };
  }

  /** Each filter with the facet it narrows (none for the preset, dates and places). */
  private filters(query: SearchQueryDto, checker: CodeChecker): Filter[] {
    const filters: Filter[] = [];
    const errors: FieldError[] = [];
    const add = (expression: string, group?: FacetName) => filters.push({ expression, group });
    if (query.preset === 'llo') {
      add(anyOf('kind', ['module']));
      add(anyOf('audiences', ['worker']));
    }
    if (query.kind?.length) add(anyOf('kind', query.kind), 'kind');
    if (query.ppsId?.length) add(anyOf('ppsId', query.ppsId), 'ppsId');
    if (query.leadInstitution?.length)
      add(anyOf('leadInstitutionId', query.leadInstitution), 'leadInstitution');
    if (query.qualification?.length)
      add(anyOf('qualificationCrebos', query.qualification), 'qualification');
    for (const [parameter, attribute, vocabulary] of CODE_FILTERS) {
      const values = query[parameter] as string[] | undefined;
      if (!values?.length) continue;
      checker.codes(parameter, vocabulary, values);
      add(anyOf(attribute, values), parameter as FacetName);
    }
    if (query.certifiable !== undefined)
      add(isTrue('certifiable', query.certifiable), 'certifiable');
    if (query.located) add(hasLocation());
    if (query.studyLoadMin !== undefined) add(atLeast('studyLoadHours', query.studyLoadMin));
    if (query.studyLoadMax !== undefined) add(atMost('studyLoadHours', query.studyLoadMax));
    if (
      query.studyLoadMin !== undefined &&
      query.studyLoadMax !== undefined &&
      query.studyLoadMax < query.studyLoadMin
    ) {
      errors.push({
        field: 'studyLoadMax',
        message: 'must not be below studyLoadMin',
        code: FieldCode.MaxBelowMin,
        values: { min: query.studyLoadMin },
      });
    }
    if (query.updatedSince)
      add(atLeast('updatedAt', Math.floor(Date.parse(query.updatedSince) / 1000)));
    const hasPoint = query.lat !== undefined && query.lng !== undefined;
    if ((query.lat === undefined) !== (query.lng === undefined))
      errors.push({
        field: query.lat === undefined ? 'lat' : 'lng',
        message: 'lat and lng go together',
        code: FieldCode.LatLngTogether,
      });
    if (query.radiusKm !== undefined) {
      if (!hasPoint)
        errors.push({
          field: 'radiusKm',
          message: 'needs lat and lng',
          code: FieldCode.RadiusNeedsPoint,
        });
      else add(withinRadius(query.lat!, query.lng!, query.radiusKm * 1000));
    }
    if (query.sort === 'distance' && !hasPoint)
      errors.push({
        field: 'sort',
        message: 'distance needs lat and lng',
        code: FieldCode.DistanceNeedsPoint,
      });
    errors.forEach((error) => checker.add(error));
    return filters;
  }
}

let thesaurusSynonyms: Record<string, string[]> | undefined;

/** The index's synonyms, read once: a synonym the engine matched is no approximation. */
function synonyms(): Record<string, string[]> {
  thesaurusSynonyms ??= meilisearchSynonyms(readThesaurus());
  return thesaurusSynonyms;
}

interface Filter {
  expression: string;
  group?: FacetName;
}

export interface FacetedSearchResult extends SearchResultDto {
  /** For each filtered facet: how many hits there would be without its filter. */
  totalsWithout: Partial<Record<FacetName, number>>;
  /**
   * The query with its typos fixed: only when the engine matched other words than those typed,
   * the typed ones are not in the index and the suggested ones are.
   */
  suggestion?: string;
  /** Words found only by approximation, per query word ("lassen": lossen, lussen). */
  approximations: Approximation[];
}

function toResult(
  query: SearchQueryDto,
  response: SearchResponse<SearchDocument>,
  facets: Record<string, Record<string, number>>,
): SearchResultDto {
  return {
    hits: response.hits.map((hit) => toHit(hit as SearchDocument & HitExtras)),
    facets,
    totalHits: response.totalHits ?? 0,
    totalPages: response.totalPages ?? 0,
    pageNumber: query.pageNumber,
    pageSize: query.pageSize,
    processingTimeMs: response.processingTimeMs,
  };
}

interface HitExtras {
  _formatted?: { title?: string; summary?: string };
  _geoDistance?: number;
}

function toHit(hit: SearchDocument & HitExtras): SearchHitDto {
  const title = hit._formatted?.title ?? hit.title;
  const summary = hit._formatted?.summary ?? hit.summary;
  return {
    id: hit.id,
    kind: hit.kind,
    title: hit.title,
    summary: withoutMarks(summary),
    highlights: { title: safeHighlight(title), summary: safeHighlight(summary) },
    pps: { id: hit.ppsId, name: hit.ppsName },
    leadInstitution: { id: hit.leadInstitutionId, name: hit.leadInstitutionName },
    provinces: hit.provinces,
    levels: hit.levels,
    studyLoadHours: hit.studyLoadHours,
    priceCents: hit.priceCents ?? null,
    certification: hit.certification,
    deliveryModes: hit.deliveryModes,
    license: hit.license,
    version: hit.version,
    reuseCount: hit.reuseCount,
    updatedAt: new Date(hit.updatedAt * 1000).toISOString(),
    ...(hit._geo ? { location: hit._geo } : {}),
    ...(hit._geoDistance !== undefined ? { distanceMeters: hit._geoDistance } : {}),
  };
}
