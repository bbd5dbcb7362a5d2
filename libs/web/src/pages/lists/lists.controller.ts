import { Body, Controller, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Auth, CurrentPrincipal, Principal } from '@bouwsteen/auth';
import { HtmlForm, HtmlPage } from '../../http/html-page.decorator';
import { send } from '../../http/page-answer';
import { Page, PageContext } from '../../http/page-context';
import { ListPickerPage } from './list-picker.page';
import { MyListsPage } from './my-lists.page';
import { SavedSearchesPage } from './saved-searches.page';
import { SharedListPage } from './shared-list.page';

type Form = Record<string, unknown>;

/** "Mijn lijsten" and putting a block on a list: any signed-in person (ListPolicy decides whose). */
@Auth()
@Controller()
export class MyListsController {
  constructor(
    private readonly lists: MyListsPage,
    private readonly picker: ListPickerPage,
  ) {}

  @HtmlPage('mijn-lijsten')
  overview(
    @Page() page: PageContext,
    @CurrentPrincipal() principal: Principal,
    @Query('melding') code: unknown,
  ): Promise<string> {
    return this.lists.overview(page, principal, code);
  }

  @HtmlForm('mijn-lijsten')
  async create(
    @Page() page: PageContext,
    @CurrentPrincipal() principal: Principal,
    @Body() body: Form,
    @Res() response: Response,
  ): Promise<void> {
    send(response, await this.lists.create(page, principal, body));
  }

  @HtmlPage('mijn-lijsten/:id')
  show(
    @Page() page: PageContext,
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Query('melding') code: unknown,
  ): Promise<string> {
    return this.lists.show(page, principal, id, { notice: noticeOf(code) });
  }

  @HtmlForm('mijn-lijsten/:id')
  async saveDetails(
    @Page() page: PageContext,
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Form,
    @Res() response: Response,
  ): Promise<void> {
    send(response, await this.lists.saveDetails(page, principal, id, body));
  }

  @HtmlForm('mijn-lijsten/:id/onderdelen')
  async changeItem(
    @Page() page: PageContext,
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Form,
    @Res() response: Response,
  ): Promise<void> {
    send(response, await this.lists.changeItem(page, principal, id, body));
  }

  @HtmlForm('mijn-lijsten/:id/delen')
  async share(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() response: Response,
  ): Promise<void> {
    send(response, await this.lists.share(principal, id));
  }

  @HtmlForm('mijn-lijsten/:id/delen-intrekken')
  async unshare(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() response: Response,
  ): Promise<void> {
    send(response, await this.lists.unshare(principal, id));
  }

  @HtmlForm('mijn-lijsten/:id/verwijderen')
  async remove(
    @Page() page: PageContext,
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Form,
    @Res() response: Response,
  ): Promise<void> {
    send(response, await this.lists.remove(page, principal, id, body));
  }

  @HtmlPage('mijn-lijsten/:id/cursus/:courseId')
  courseMade(
    @Page() page: PageContext,
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('courseId', ParseUUIDPipe) courseId: string,
  ): Promise<string> {
    return this.lists.courseMade(page, principal, id, courseId);
  }

  @HtmlForm('mijn-lijsten/:id/cursus')
  async startCourse(
    @Page() page: PageContext,
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Form,
    @Res() response: Response,
  ): Promise<void> {
    send(response, await this.lists.startCourse(page, principal, id, body));
  }

  @HtmlPage('bouwstenen/:id/op-lijst')
  pickList(
    @Page() page: PageContext,
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<string> {
    return this.picker.render(page, principal, id);
  }

  @HtmlForm('bouwstenen/:id/op-lijst')
  async putOnList(
    @Page() page: PageContext,
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Form,
    @Res() response: Response,
  ): Promise<void> {
    send(response, await this.picker.put(page, principal, id, body));
  }
}

/** "Mijn zoekopdrachten": saved searches, and saving the search of /zoeken. */
@Auth()
@Controller('mijn-zoekopdrachten')
export class SavedSearchesPageController {
  constructor(private readonly searches: SavedSearchesPage) {}

  @HtmlPage('')
  overview(
    @Page() page: PageContext,
    @CurrentPrincipal() principal: Principal,
    @Query('melding') code: unknown,
  ): Promise<string> {
    return this.searches.overview(page, principal, code);
  }

  @HtmlPage('nieuw')
  newForm(@Page() page: PageContext, @Query() query: Form): Promise<string> {
    return this.searches.newForm(page, query);
  }

  @HtmlForm('')
  async create(
    @Page() page: PageContext,
    @CurrentPrincipal() principal: Principal,
    @Body() body: Form,
    @Res() response: Response,
  ): Promise<void> {
    send(response, await this.searches.create(page, principal, body));
  }

  @HtmlPage(':id/openen')
  async open(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() response: Response,
  ): Promise<void> {
    send(response, await this.searches.open(principal, id));
  }

  @HtmlForm(':id')
  async change(
    @Page() page: PageContext,
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Form,
    @Res() response: Response,
  ): Promise<void> {
    send(response, await this.searches.change(page, principal, id, body));
  }
}

/** A shared list, for anyone with its link. */
@Auth({ public: true })
@Controller('lijst')
export class SharedListController {
  constructor(private readonly shared: SharedListPage) {}

  @HtmlPage(':token')
  show(
    @Page() page: PageContext,
    @Param('token') token: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('X-Robots-Tag', 'noindex');
    return this.shared.render(page, token);
  }
}

function noticeOf(code: unknown): string | undefined {
  return typeof code === 'string' ? MyListsPage.notices[code] : undefined;
}
