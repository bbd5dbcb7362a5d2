import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Auth } from '@bouwsteen/auth';
import { OAI_PMH_PATH } from './oai-arguments';
import { OaiPmhService } from './oai-pmh.service';

/** OAI-PMH 2.0 at /oai, by GET and by POST (form-encoded), for Edurep and other harvesters. */
@ApiExcludeController()
@Controller(OAI_PMH_PATH.slice(1))
export class OaiPmhController {
  constructor(private readonly oai: OaiPmhService) {}

  @Get()
  @Auth({ public: true })
  async get(@Query() query: Record<string, unknown>, @Res() response: Response): Promise<void> {
    send(response, await this.oai.respond(query));
  }

  @Post()
  @HttpCode(200)
  @Auth({ public: true })
  async post(@Body() body: Record<string, unknown>, @Res() response: Response): Promise<void> {
    send(response, await this.oai.respond(body ?? {}));
  }
}

function send(response: Response, xml: string): void {
  response.type('text/xml; charset=utf-8').send(xml);
}
