import { Controller, Query } from '@nestjs/common';
import { Auth } from '@bouwsteen/auth';
import { HtmlPage } from '../../http/html-page.decorator';
import { Page, PageContext } from '../../http/page-context';
import { SearchPage } from './search.page';

@Auth({ public: true })
@Controller()
export class SearchPageController {
  constructor(private readonly search: SearchPage) {}

  @HtmlPage('zoeken')
  show(@Page() page: PageContext, @Query() query: Record<string, unknown>): Promise<string> {
    return this.search.render(page, query);
  }
}
