import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Auth } from '@bouwsteen/auth';
import { SiteRenderer } from '../../layout/site-renderer';
import { SitemapService } from './sitemap.service';

/** What search engines read: where the pages are, and what not to crawl. */
@ApiExcludeController()
@Auth({ public: true })
@Controller()
export class SeoController {
  constructor(
    private readonly sitemaps: SitemapService,
    private readonly site: SiteRenderer,
  ) {}

  @Get('sitemap.xml')
  @Header('Content-Type', 'application/xml; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=3600')
  index(): Promise<string> {
    return this.sitemaps.index();
  }

  @Get('sitemaps/:file')
  @Header('Content-Type', 'application/xml; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=3600')
  file(@Param('file') file: string): Promise<string> {
    return this.sitemaps.file(file);
  }

  /** The API and shared course links are not for crawlers; search result pages are noindex. */
  @Get('robots.txt')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=86400')
  robots(): string {
    return [
      'User-agent: *',
      'Disallow: /api/',
      'Disallow: /cursus/',
      'Disallow: /docs',
      '',
      `Sitemap: ${this.site.absolute('/sitemap.xml')}`,
      '',
    ].join('\n');
  }
}
