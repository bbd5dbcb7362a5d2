import { SearchQueryDto } from '@bouwsteen/search';

/** A search the pages make themselves (already valid; the visitor's searches are parsed). */
export function searchQuery(values: Partial<SearchQueryDto>): SearchQueryDto {
  return Object.assign(new SearchQueryDto(), values);
}
