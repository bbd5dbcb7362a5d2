import { Controller, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Auth } from '@bouwsteen/auth';
import { HtmlPage } from '../../http/html-page.decorator';
import { Page, PageContext } from '../../http/page-context';
import { withoutEmptyParams } from './search-state';
import { SearchPage } from './search.page';

@Auth({ public: true })
@Controller()
export class SearchPageController {
  constructor(private readonly search: SearchPage) {}

  /**
   * A GET form sends its empty fields too (`?q=&sorteer=`): without JavaScript the browser is
   * sent on to the URL without them; htmx is told to show that URL (HX-Push-Url).
   */
  @HtmlPage('zoeken')
  async show(
    @Page() page: PageContext,
    @Query() query: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const clean = withoutEmptyParams(page.url.replace(/^[^?]*/, '/zoeken'));
    if (clean.hadEmpty && !page.fragment) {
      response.redirect(303, clean.url);
      return;
    }
    const html = await this.search.render(page, query);
    if (page.fragment) response.setHeader('HX-Push-Url', clean.url);
    response.type('text/html; charset=utf-8').send(html);
  }
}
