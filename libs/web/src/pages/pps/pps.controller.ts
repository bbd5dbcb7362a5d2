import { Controller, Param, Query } from '@nestjs/common';
import { Auth } from '@bouwsteen/auth';
import { HtmlPage } from '../../http/html-page.decorator';
import { Page, PageContext } from '../../http/page-context';
import { PpsListPage } from './pps-list.page';
import { PpsPage } from './pps.page';

@Auth({ public: true })
@Controller('pps')
export class PpsPageController {
  constructor(
    private readonly list: PpsListPage,
    private readonly detail: PpsPage,
  ) {}

  @HtmlPage('')
  all(@Page() page: PageContext, @Query('provincie') province: unknown): Promise<string> {
    return this.list.render(page, province);
  }

  @HtmlPage(':id')
  show(
    @Page() page: PageContext,
    @Param('id') id: string,
    @Query('pagina') pageNumber: unknown,
  ): Promise<string> {
    return this.detail.render(page, id, pageNumber);
  }
}
