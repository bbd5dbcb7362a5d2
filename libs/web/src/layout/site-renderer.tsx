import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import type { PageContext } from '../http/page-context';
import { StaticFiles } from '../static/static-files';
import { Document } from './document';
import type { PageMeta } from './page-meta';

/**
 * Puts a page's content in the site's document. For an htmx request that names its target,
 * only the content is sent: the fragment replaces part of the page the visitor already has.
 */
@Injectable()
export class SiteRenderer {
  readonly baseUrl: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    readonly files: StaticFiles,
  ) {
    this.baseUrl = config.web.publicBaseUrl;
  }

  async page(page: PageContext, meta: PageMeta, content: JSX.Element): Promise<string> {
    return Document({
      meta,
      page,
      files: this.files,
      baseUrl: this.baseUrl,
      children: await content,
    });
  }

  absolute(path: string): string {
    return this.baseUrl + path;
  }
}
