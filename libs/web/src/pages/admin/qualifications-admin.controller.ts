import { Controller, Param, ParseUUIDPipe, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Auth, CurrentPrincipal, Principal } from '@bouwsteen/auth';
import { HtmlForm, HtmlPage } from '../../http/html-page.decorator';
import { send } from '../../http/page-answer';
import { Page, PageContext } from '../../http/page-context';
import { QualificationsAdminPage } from './qualifications-admin.page';

/** Admins only, like the rest of /beheer: reading in SBB's qualification structure. */
@Auth({ roles: ['admin'] })
@Controller('beheer/kwalificaties')
export class QualificationsAdminController {
  constructor(private readonly qualifications: QualificationsAdminPage) {}

  @HtmlPage('')
  overview(@Page() page: PageContext): Promise<string> {
    return this.qualifications.show(page);
  }

  @HtmlForm('')
  async upload(
    @Page() page: PageContext,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    send(response, await this.qualifications.upload(page, principal, request));
  }

  @HtmlPage(':id')
  result(@Page() page: PageContext, @Param('id', ParseUUIDPipe) id: string): Promise<string> {
    return this.qualifications.result(page, id);
  }
}
