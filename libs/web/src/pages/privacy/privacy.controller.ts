import { Controller } from '@nestjs/common';
import { Auth } from '@bouwsteen/auth';
import { HtmlPage } from '../../http/html-page.decorator';
import { Page, PageContext } from '../../http/page-context';
import { PrivacyPage } from './privacy.page';

@Auth({ public: true })
@Controller('privacy')
export class PrivacyPageController {
  constructor(private readonly privacy: PrivacyPage) {}

  @HtmlPage('')
  show(@Page() page: PageContext): Promise<string> {
    return this.privacy.render(page);
  }
}
