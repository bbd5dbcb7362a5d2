import { Controller } from '@nestjs/common';
import { Auth } from '@bouwsteen/auth';
import { HtmlPage } from '../../http/html-page.decorator';
import { Page, PageContext } from '../../http/page-context';
import { HomePage } from './home.page';

@Auth({ public: true })
@Controller()
export class HomeController {
  constructor(private readonly home: HomePage) {}

  @HtmlPage('')
  show(@Page() page: PageContext): Promise<string> {
    return this.home.render(page);
  }
}
