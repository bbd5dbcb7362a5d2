import { Body, Controller, Param, Res } from '@nestjs/common';
import { ClientAddress } from '@bouwsteen/common';
import type { Response } from 'express';
import { Auth } from '@bouwsteen/auth';
import { HtmlForm, HtmlPage } from '../../http/html-page.decorator';
import { send } from '../../http/page-answer';
import { Page, PageContext } from '../../http/page-context';
import { RequestFormPage } from './request-form.page';

type Form = Record<string, unknown>;

/** Asking a PPS for a building block's material, or a question: open to everyone. */
@Auth({ public: true })
@Controller()
export class RequestPageController {
  constructor(private readonly requests: RequestFormPage) {}

  @HtmlPage('bouwstenen/:id/aanvragen')
  assetForm(@Page() page: PageContext, @Param('id') id: string): Promise<string> {
    return this.requests.form(page, { assetId: id });
  }

  @HtmlForm('bouwstenen/:id/aanvragen')
  async sendForAsset(
    @Page() page: PageContext,
    @Param('id') id: string,
    @Body() body: Form,
    @ClientAddress() address: string,
    @Res() response: Response,
  ): Promise<void> {
    send(response, await this.requests.send(page, { assetId: id }, body, address));
  }

  @HtmlPage('bouwstenen/:id/aanvragen/verstuurd')
  assetSent(@Page() page: PageContext, @Param('id') id: string): Promise<string> {
    return this.requests.sent(page, { assetId: id });
  }

  @HtmlPage('pps/:id/vraag')
  ppsForm(@Page() page: PageContext, @Param('id') id: string): Promise<string> {
    return this.requests.form(page, { ppsId: id });
  }

  @HtmlForm('pps/:id/vraag')
  async sendForPps(
    @Page() page: PageContext,
    @Param('id') id: string,
    @Body() body: Form,
    @ClientAddress() address: string,
    @Res() response: Response,
  ): Promise<void> {
    send(response, await this.requests.send(page, { ppsId: id }, body, address));
  }

  @HtmlPage('pps/:id/vraag/verstuurd')
  ppsSent(@Page() page: PageContext, @Param('id') id: string): Promise<string> {
    return this.requests.sent(page, { ppsId: id });
  }
}
