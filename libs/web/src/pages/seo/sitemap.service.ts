import { Injectable } from '@nestjs/common';
import { PpsService } from '@bouwsteen/organisations';
import { create } from 'xmlbuilder2';
import { AssetsService } from '@bouwsteen/assets';
import { Clock, CommonError, NotFoundError, TtlCache } from '@bouwsteen/common';
import { QualificationsService } from '@bouwsteen/qualifications';
import { SiteRenderer } from '../../layout/site-renderer';

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
/** The protocol allows 50,000 URLs per file; 10,000 keeps each file quick to build and fetch. */
export const URLS_PER_FILE = 10_000;
/**
 * The site's own public pages, listed in paginas.xml; every one is also visited by the
 * every-page browser check (test/browser/every-page.browser-spec.ts), which holds itself to this.
 */
export const SITE_PAGES = ['/', '/zoeken', '/pps', '/kaart', '/kwalificaties', '/privacy'] as const;
/** Sitemaps are read by crawlers a few times a day: a few minutes late is fine, rebuilding per request is not. */
const CACHE_MS = 10 * 60_000;

/**
 * /sitemap.xml is an index: one file with the site's own pages, every PPS and every
 * qualification (SBB's ~800, far below a file's 50,000), and as many
 * files of published building blocks as needed. Archived and draft ones are never listed.
 */
@Injectable()
export class SitemapService {
  private readonly cache: TtlCache<string>;

  constructor(
    private readonly site: SiteRenderer,
    private readonly assets: AssetsService,
    private readonly ppsService: PpsService,
    private readonly qualifications: QualificationsService,
    clock: Clock,
  ) {
    this.cache = new TtlCache<string>(CACHE_MS, 100, () => clock.now().getTime());
  }

  index(): Promise<string> {
    return this.cache.get('index', async () => {
      const files = Math.max(1, Math.ceil((await this.assets.publishedCount()) / URLS_PER_FILE));
      const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(SITEMAP_NS, 'sitemapindex');
      root.ele('sitemap').ele('loc').txt(this.site.absolute('/sitemaps/paginas.xml'));
      for (let n = 1; n <= files; n++)
        root
          .ele('sitemap')
          .ele('loc')
          .txt(this.site.absolute(`/sitemaps/bouwstenen-${n}.xml`));
      return root.end();
    });
  }

  /** paginas.xml or bouwstenen-<n>.xml; anything else is not found. */
  file(name: string): Promise<string> {
    if (name === 'paginas.xml') return this.cache.get(name, () => this.pages());
    const match = /^bouwstenen-([1-9]\d{0,4})\.xml$/.exec(name);
    if (!match) throw new NotFoundError(CommonError.NotFound, 'sitemap', name);
    return this.cache.get(name, () => this.assetFile(Number(match[1])));
  }

  private async pages(): Promise<string> {
    const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(SITEMAP_NS, 'urlset');
    for (const path of SITE_PAGES) root.ele('url').ele('loc').txt(this.site.absolute(path));
    for (const pps of await this.ppsService.directory()) {
      const url = root.ele('url');
      url.ele('loc').txt(this.site.absolute(`/pps/${pps.id}`));
      url.ele('lastmod').txt(pps.updatedAt.slice(0, 10));
    }
    for (const qualification of await this.qualifications.list())
      root
        .ele('url')
        .ele('loc')
        .txt(this.site.absolute(`/kwalificaties/${qualification.crebo}`));
    return root.end();
  }

  private async assetFile(n: number): Promise<string> {
    const rows = await this.assets.publishedPage((n - 1) * URLS_PER_FILE, URLS_PER_FILE);
    if (!rows.length && n > 1)
      throw new NotFoundError(CommonError.NotFound, 'sitemap', `bouwstenen-${n}.xml`);
    const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(SITEMAP_NS, 'urlset');
    for (const row of rows) {
      const url = root.ele('url');
      url.ele('loc').txt(this.site.absolute(`/bouwstenen/${row.id}`));
      url.ele('lastmod').txt(new Date(row.publishedAt).toISOString().slice(0, 10));
    }
    return root.end();
  }
}
