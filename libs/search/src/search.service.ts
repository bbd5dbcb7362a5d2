import { Injectable } from '@nestjs/common';
import { SearchParams } from 'meilisearch';
import { FieldError } from '@bouwsteen/common';
import { CodeChecker, TaxonomyService, Vocabulary } from '@bouwsteen/taxonomy';
import { FACETS, SearchQueryDto } from './dto/search-query.dto';
import { SearchHitDto, SearchResultDto } from './dto/search-result.dto';
import { SearchDocument } from './search-document';
import {
  HIGHLIGHT_TAGS,
  anyOf,
  atLeast,
  atMost,
  isTrue,
  safeHighlight,
  withinRadius,
  withoutMarks,
} from './search-filter';
import { SearchReader } from './search-reader';

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
  'certification',
  'deliveryModes',
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
  ) {}

  async search(query: SearchQueryDto): Promise<SearchResultDto> {
    const params = await this.params(query);
    const response = await this.index.search(params);
    const byFacet = Object.fromEntries(
      (query.facets ?? []).map((name) => [name, response.facetDistribution?.[FACETS[name]] ?? {}]),
    );
    return {
      hits: response.hits.map((hit) => toHit(hit as SearchDocument & HitExtras)),
      facets: byFacet,
      totalHits: response.totalHits ?? 0,
      totalPages: response.totalPages ?? 0,
      pageNumber: query.pageNumber,
      pageSize: query.pageSize,
      processingTimeMs: response.processingTimeMs,
    };
  }

  /** The exact Meilisearch request for a query (also used by the benchmark's direct floor). */
  async params(query: SearchQueryDto): Promise<SearchParams & { q?: string }> {
    const checker = await this.taxonomy.checker();
    const filter = this.filters(query, checker);
    checker.throwIfInvalid();
    const facets = [...new Set((query.facets ?? []).map((name) => FACETS[name]))];
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
      q: query.q,
      filter,
      sort,
      facets: facets.length ? facets : undefined,
      page: query.pageNumber,
      hitsPerPage: query.pageSize,
      attributesToRetrieve: RETRIEVE,
      attributesToHighlight: ['title', 'summary'],
      attributesToCrop: ['summary'],
      cropLength: 30,
      ...HIGHLIGHT_TAGS,
    };
  }

  private filters(query: SearchQueryDto, checker: CodeChecker): string[] {
    const filters: string[] = [];
    const errors: FieldError[] = [];
    if (query.preset === 'llo')
      filters.push(anyOf('kind', ['module']), anyOf('audiences', ['worker']));
    if (query.kind?.length) filters.push(anyOf('kind', query.kind));
    if (query.ppsId?.length) filters.push(anyOf('ppsId', query.ppsId));
    if (query.leadInstitution?.length)
      filters.push(anyOf('leadInstitutionId', query.leadInstitution));
    for (const [parameter, attribute, vocabulary] of CODE_FILTERS) {
      const values = query[parameter] as string[] | undefined;
      if (!values?.length) continue;
      checker.codes(parameter, vocabulary, values);
      filters.push(anyOf(attribute, values));
    }
    if (query.certifiable !== undefined) filters.push(isTrue('certifiable', query.certifiable));
    if (query.studyLoadMin !== undefined)
      filters.push(atLeast('studyLoadHours', query.studyLoadMin));
    if (query.studyLoadMax !== undefined)
      filters.push(atMost('studyLoadHours', query.studyLoadMax));
    if (
      query.studyLoadMin !== undefined &&
      query.studyLoadMax !== undefined &&
      query.studyLoadMax < query.studyLoadMin
    ) {
      errors.push({ field: 'studyLoadMax', message: 'must not be below studyLoadMin' });
    }
    if (query.updatedSince)
      filters.push(atLeast('updatedAt', Math.floor(Date.parse(query.updatedSince) / 1000)));
    const hasPoint = query.lat !== undefined && query.lng !== undefined;
    if ((query.lat === undefined) !== (query.lng === undefined))
      errors.push({
        field: query.lat === undefined ? 'lat' : 'lng',
        message: 'lat and lng go together',
      });
    if (query.radiusKm !== undefined) {
      if (!hasPoint) errors.push({ field: 'radiusKm', message: 'needs lat and lng' });
      else filters.push(withinRadius(query.lat!, query.lng!, query.radiusKm * 1000));
    }
    if (query.sort === 'distance' && !hasPoint)
      errors.push({ field: 'sort', message: 'distance needs lat and lng' });
    errors.forEach((error) => checker.add(error));
    return filters;
  }
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
    certification: hit.certification,
    deliveryModes: hit.deliveryModes,
    version: hit.version,
    reuseCount: hit.reuseCount,
    updatedAt: new Date(hit.updatedAt * 1000).toISOString(),
    ...(hit._geo ? { location: hit._geo } : {}),
    ...(hit._geoDistance !== undefined ? { distanceMeters: hit._geoDistance } : {}),
  };
}
