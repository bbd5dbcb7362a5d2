import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import type { PageContext } from '../http/page-context';
import { StaticFiles } from '../static/static-files';
import { Document } from './document';
import type { PageMeta } from './page-meta';

/** The error summary's marker attribute (ErrorSummary in forms/fields.tsx renders it). */
const ERROR_SUMMARY_MARK = ' data-error-summary';

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
    const body = await content;
    // A form shown again with its error summary says so first in its title (GOV.UK's "Error:"),
    // for every page in this one place.
    const failed = body.includes(ERROR_SUMMARY_MARK);
    return Document({
      meta: failed ? { ...meta, title: `Fout: ${meta.title}` } : meta,
      page,
      files: this.files,
      baseUrl: this.baseUrl,
      children: body,
    });
  }

  absolute(path: string): string {
    return this.baseUrl + path;
  }
}
