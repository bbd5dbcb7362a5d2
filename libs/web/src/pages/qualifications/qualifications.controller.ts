import { Controller, Param, Query } from '@nestjs/common';
import { Auth } from '@bouwsteen/auth';
import { HtmlPage } from '../../http/html-page.decorator';
import { Page, PageContext } from '../../http/page-context';
import { QualificationListPage } from './qualification-list.page';
import { QualificationPages } from './qualification.page';

/** The mbo qualification structure and what serves it: public, like search. */
@Auth({ public: true })
@Controller('kwalificaties')
export class QualificationsPageController {
  constructor(
    private readonly list: QualificationListPage,
    private readonly pages: QualificationPages,
  ) {}

  @HtmlPage('')
  all(@Page() page: PageContext, @Query() query: Record<string, unknown>): Promise<string> {
    return this.list.render(page, query);
  }

  @HtmlPage('keuzedelen/:code')
  elective(@Page() page: PageContext, @Param('code') code: string): Promise<string> {
    return this.pages.elective(page, code);
  }

  @HtmlPage(':crebo')
  qualification(@Page() page: PageContext, @Param('crebo') crebo: string): Promise<string> {
    return this.pages.qualification(page, crebo);
  }
}
