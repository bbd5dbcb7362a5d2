import { PageQueryDto } from '@bouwsteen/common';
import { SearchQueryDto } from '@bouwsteen/search';

/** A search the pages make themselves (already valid; the visitor's searches are parsed). */
export function searchQuery(values: Partial<SearchQueryDto>): SearchQueryDto {
  return Object.assign(new SearchQueryDto(), values);
}

/** The first `pageSize` entries of a list the page shows whole (bounded, like every list). */
export function pageQuery(pageSize: number, pageNumber = 1): PageQueryDto {
  return Object.assign(new PageQueryDto(), { pageNumber, pageSize });
}
