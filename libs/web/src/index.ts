export * from './web.module';
export * from './http/site-error.filter';
export * from './layout/site-renderer';
// The search page's reading of its URL, also used by the web benchmark to build its floor.
export { parseSearchState, toSearchQuery } from './pages/search/search-state';
