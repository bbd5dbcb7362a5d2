import { Controller, Get, NotFoundException, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Auth } from '@bouwsteen/auth';
import { StaticFiles } from './static-files';

const A_YEAR = 'public, max-age=31536000, immutable';

/** The pages' CSS, scripts and icon: brotli or gzip as the browser accepts, cached for a year. */
@ApiExcludeController()
@Auth({ public: true })
@Controller()
export class StaticController {
  constructor(private readonly files: StaticFiles) {}

  @Get('assets/:file')
  serve(@Param('file') name: string, @Req() request: Request, @Res() response: Response): void {
    const found = this.files.find(name);
    if (!found) throw new NotFoundException(`No file ${name}`);
    const { file, current } = found;
    const encoding = request.acceptsEncodings('br', 'gzip');
    response.setHeader('Content-Type', file.type);
    response.setHeader('Vary', 'Accept-Encoding');
    // An old fingerprint (a page cached before a deploy) gets today's file, but not for a year.
    response.setHeader('Cache-Control', current ? A_YEAR : 'no-cache');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    if (encoding === 'br' || encoding === 'gzip') {
      response.setHeader('Content-Encoding', encoding);
      response.end(this.files.compressed(file, encoding));
      return;
    }
    response.end(file.body);
  }

  @Get('favicon.ico')
  favicon(@Res() response: Response): void {
    response.redirect(301, this.files.href('favicon.svg'));
  }
}
