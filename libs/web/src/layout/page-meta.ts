import type { StaticName } from '../static/static-files';

export type Section =
  | 'home'
  | 'zoeken'
  | 'pps'
  | 'kaart'
  | 'kwalificaties'
  | 'cursus'
  | 'lijst'
  | 'fout'
  | 'inloggen'
  | 'account'
  | 'meldingen'
  | 'mijn-pps'
  | 'mijn-cursussen'
  | 'rapportages'
  | 'beheer'
  | 'privacy';

/** What a page says about itself in <head>; every page has a title and a description. */
export interface PageMeta {
  title: string;
  description: string;
  /** Path (and query, where it selects content) of the canonical URL. */
  canonicalPath: string;
  section: Section;
  ogType?: 'website' | 'article';
  /** schema.org objects embedded as JSON-LD. */
  jsonLd?: object[];
  /** Keep out of search engines (shared course links, error pages, filtered search pages). */
  noindex?: boolean;
  styles?: StaticName[];
  scripts?: StaticName[];
  /** Machine-readable data for a page script, embedded as a JSON block with the nonce. */
  data?: { id: string; value: unknown };
}
