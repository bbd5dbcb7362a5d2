import { Controller, Param } from '@nestjs/common';
import { Auth } from '@bouwsteen/auth';
import { HtmlPage } from '../../http/html-page.decorator';
import { Page, PageContext } from '../../http/page-context';
import { AssetPage } from './asset.page';

@Auth({ public: true })
@Controller('bouwstenen')
export class AssetPageController {
  constructor(private readonly asset: AssetPage) {}

  @HtmlPage(':id')
  show(@Page() page: PageContext, @Param('id') id: string): Promise<string> {
    return this.asset.render(page, id);
  }

  @HtmlPage(':id/versies/:version')
  version(
    @Page() page: PageContext,
    @Param('id') id: string,
    @Param('version') version: string,
  ): Promise<string> {
    return this.asset.render(page, id, version);
  }
}
