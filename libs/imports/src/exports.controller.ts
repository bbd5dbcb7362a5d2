import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentPrincipal, Principal } from '@bouwsteen/auth';
import { ExportQueryDto } from './dto/import.dto';
import { EXPORT_TYPES, ExportService } from './export.service';

@ApiTags('imports')
@Controller('exports')
export class ExportsController {
  constructor(private readonly exports: ExportService) {}

  @Get()
  @Auth({ public: true })
  @ApiOperation({
    summary:
      'Building blocks in the import formats (CSV, .xlsx, JSON Lines), to edit and import again',
    description:
      'Anyone gets what is published; a PPS’s editors also get its drafts. Archived blocks are left out. Streamed, any size.',
  })
  @ApiProduces(EXPORT_TYPES.xlsx, EXPORT_TYPES.csv, EXPORT_TYPES.jsonl)
  async export(
    @CurrentPrincipal() principal: Principal | undefined,
    @Query() query: ExportQueryDto,
    @Res() response: Response,
  ): Promise<void> {
    response
      .status(200)
      .type(EXPORT_TYPES[query.format])
      .setHeader('Content-Disposition', `attachment; filename="bouwsteen-export.${query.format}"`);
    await this.exports.write(principal, query, response);
  }
}
