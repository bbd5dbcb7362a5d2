import { Controller, Header, Param } from '@nestjs/common';
import { Auth } from '@bouwsteen/auth';
import { HtmlPage } from '../../http/html-page.decorator';
import { Page, PageContext } from '../../http/page-context';
import { CoursePage } from './course.page';

@Auth({ public: true })
@Controller('cursus')
export class CoursePageController {
  constructor(private readonly course: CoursePage) {}

  /** Whoever has the link may read it: never cached, never indexed. */
  @HtmlPage(':token')
  @Header('Cache-Control', 'no-store')
  @Header('X-Robots-Tag', 'noindex')
  show(@Page() page: PageContext, @Param('token') token: string): Promise<string> {
    return this.course.render(page, token);
  }
}
