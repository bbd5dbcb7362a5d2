import { Body, Controller, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Auth, CurrentPrincipal, Principal } from '@bouwsteen/auth';
import { HtmlForm, HtmlPage } from '../../http/html-page.decorator';
import { send } from '../../http/page-answer';
import { Page, PageContext } from '../../http/page-context';
import { CoursePage } from '../course/course.page';
import { notice } from '../../components/notices';
import { ComposerPage } from './composer.page';

type Form = Record<string, unknown>;

/** The LLO office's pages; the course policy (CoursesService) decides whose course it is. */
@Auth({ roles: ['llo-office', 'admin'] })
@Controller('mijn-cursussen')
export class MyCoursesController {
  constructor(
    private readonly composer: ComposerPage,
    private readonly print: CoursePage,
  ) {}

  @HtmlPage('')
  list(@Page() page: PageContext, @CurrentPrincipal() principal: Principal): Promise<string> {
    return this.composer.list(page, principal);
  }

  @HtmlPage('nieuw')
  newForm(@Page() page: PageContext, @CurrentPrincipal() principal: Principal): Promise<string> {
    return this.composer.newForm(page, principal);
  }

  @HtmlForm('nieuw')
  async create(
    @Page() page: PageContext,
    @CurrentPrincipal() principal: Principal,
    @Body() body: Form,
    @Res() response: Response,
  ): Promise<void> {
    send(response, await this.composer.create(page, principal, body));
  }

  @HtmlPage(':id')
  show(
    @Page() page: PageContext,
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Query('q') q: unknown,
    @Query('soort') kind: unknown,
    @Query('melding') code: unknown,
  ): Promise<string> {
    const query = typeof q === 'string' ? q.trim().slice(0, 200) : undefined;
    return this.composer.render(page, principal, id, {
      q: query,
      places: kind === 'infrastructure',
      notice: notice(code),
    });
  }

  @HtmlForm(':id')
  async saveDetails(
    @Page() page: PageContext,
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Form,
    @Res() response: Response,
  ): Promise<void> {
    send(response, await this.composer.saveDetails(page, principal, id, body));
  }

  @HtmlForm(':id/onderdelen')
  async changeItems(
    @Page() page: PageContext,
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Form,
    @Res() response: Response,
  ): Promise<void> {
    send(response, await this.composer.changeItems(page, principal, id, body));
  }

  @HtmlForm(':id/bijwerken')
  async updateAll(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Form,
    @Res() response: Response,
  ): Promise<void> {
    send(response, await this.composer.updateAll(principal, id, body));
  }

  /** The course's link: made the first time, shown again after that. */
  @HtmlForm(':id/delen')
  async share(
    @Page() page: PageContext,
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() response: Response,
  ): Promise<void> {
    send(response, await this.composer.share(page, principal, id));
  }

  /** A new link instead of the current one, which stops working. */
  @HtmlForm(':id/delen-vervangen')
  async replaceShare(
    @Page() page: PageContext,
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() response: Response,
  ): Promise<void> {
    send(response, await this.composer.replaceShare(page, principal, id));
  }

  @HtmlForm(':id/delen-intrekken')
  async unshare(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() response: Response,
  ): Promise<void> {
    send(response, await this.composer.unshare(principal, id));
  }

  @HtmlPage(':id/afdrukken')
  printView(
    @Page() page: PageContext,
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<string> {
    return this.print.renderOwned(page, principal, id);
  }
}
