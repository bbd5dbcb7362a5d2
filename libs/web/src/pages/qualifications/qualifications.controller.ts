import { Controller, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Auth } from '@bouwsteen/auth';
import { HtmlPage } from '../../http/html-page.decorator';
import { Page, PageContext } from '../../http/page-context';
import { ElectiveListPage } from './elective-list.page';
import { QualificationListPage } from './qualification-list.page';
import { PageOrMove, QualificationPages } from './qualification.page';

/** The mbo qualification structure and what serves it: public, like search. */
@Auth({ public: true })
@Controller('kwalificaties')
export class QualificationsPageController {
  constructor(
    private readonly list: QualificationListPage,
    private readonly electives: ElectiveListPage,
    private readonly pages: QualificationPages,
  ) {}

  @HtmlPage('')
  all(@Page() page: PageContext, @Query() query: Record<string, unknown>): Promise<string> {
    return this.list.render(page, query);
  }

  // Before ':crebo', so "keuzedelen" is this overview and no crebo.
  @HtmlPage('keuzedelen')
  allElectives(
    @Page() page: PageContext,
    @Query() query: Record<string, unknown>,
  ): Promise<string> {
    return this.electives.render(page, query);
  }

  @HtmlPage('keuzedelen/:code')
  async elective(
    @Page() page: PageContext,
    @Param('code') code: string,
    @Res() response: Response,
  ): Promise<void> {
    answer(response, await this.pages.elective(page, code));
  }

  @HtmlPage(':crebo')
  async qualification(
    @Page() page: PageContext,
    @Param('crebo') crebo: string,
    @Res() response: Response,
  ): Promise<void> {
    answer(response, await this.pages.qualification(page, crebo));
  }
}

/** The page, or a permanent move to where this address's page lives. */
function answer(response: Response, result: PageOrMove): void {
  if (typeof result === 'string') response.type('text/html; charset=utf-8').send(result);
  else response.redirect(301, result.movedTo);
}
