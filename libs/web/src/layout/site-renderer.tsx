import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import { FollowService } from '@bouwsteen/follow';
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
    private readonly follow: FollowService,
  ) {
    this.baseUrl = config.web.publicBaseUrl;
  }

  async page(page: PageContext, meta: PageMeta, content: JSX.Element): Promise<string> {
    const [body, unread] = await Promise.all([content, this.unreadOf(page, meta)]);
    // A form shown again with its error summary says so first in its title (GOV.UK's "Error:"),
    // for every page in this one place.
    const failed = body.includes(ERROR_SUMMARY_MARK);
    return Document({
      meta: failed ? { ...meta, title: `Fout: ${meta.title}` } : meta,
      page,
      unread,
      files: this.files,
      baseUrl: this.baseUrl,
      children: body,
    });
  }

  /**
   * The count beside "Meldingen" in the header, for a signed-in person (one bounded read:
   * FollowService.unreadCount); none on error pages, which must not depend on the database.
   */
  private async unreadOf(page: PageContext, meta: PageMeta): Promise<number | undefined> {
    if (!page.principal || meta.section === 'fout') return undefined;
    return this.follow.unreadCount(page.principal);
  }

  absolute(path: string): string {
    return this.baseUrl + path;
  }
}
