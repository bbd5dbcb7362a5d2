import { Controller, Query } from '@nestjs/common';
import { Auth } from '@bouwsteen/auth';
import { HtmlPage } from '../../http/html-page.decorator';
import { Page, PageContext } from '../../http/page-context';
import { MapPage } from './map.page';

@Auth({ public: true })
@Controller('kaart')
export class MapPageController {
  constructor(private readonly map: MapPage) {}

  @HtmlPage('')
  show(@Page() page: PageContext, @Query() query: Record<string, unknown>): Promise<string> {
    return this.map.render(page, query);
  }
}
