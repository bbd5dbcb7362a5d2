import {
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  ApiAcceptedResponse,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { ASSET_KINDS, AssetKind } from '@bouwsteen/assets';
import { Auth, CurrentPrincipal, Principal } from '@bouwsteen/auth';
import { ApiPageResponse, NotFoundError, Page, PageQueryDto } from '@bouwsteen/common';
import {
  ImportJobDto,
  ImportListQueryDto,
  ImportReportLineDto,
  StartImportQueryDto,
} from './dto/import.dto';
import { ImportsService } from './imports.service';
import { TemplatesService } from './templates.service';
import { ImportError } from './imports.errors';

const EDITORS = { roles: ['admin', 'pps-editor'] } as const;

@ApiTags('imports')
@Controller('imports')
export class ImportsController {
  constructor(
    private readonly imports: ImportsService,
    private readonly templates: TemplatesService,
  ) {}

  @Post()
  @HttpCode(202)
  @Auth(EDITORS)
  @ApiOperation({
    summary: 'Import a catalogue: CSV, Excel (.xlsx) or JSON Lines, one building block per row',
    description:
      'The file is the body (Content-Type text/csv, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet or application/x-ndjson) or the multipart field "file". Answers at once with the job; follow it at GET /imports/{id}. With dryRun=true nothing changes and the report says what would.',
  })
  @ApiConsumes(
    'multipart/form-data',
    'text/csv',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/x-ndjson',
  )
  @ApiAcceptedResponse({ type: ImportJobDto })
  start(
    @CurrentPrincipal() principal: Principal,
    @Query() query: StartImportQueryDto,
    @Req() request: Request,
  ): Promise<ImportJobDto> {
    return this.imports.start(principal, query, request);
  }

  @Get()
  @Auth(EDITORS)
  @ApiOperation({ summary: 'Imports you may see (yours and your PPS’s), newest first' })
  @ApiPageResponse(ImportJobDto)
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ImportListQueryDto,
  ): Promise<Page<ImportJobDto>> {
    return this.imports.list(principal, query);
  }

  @Get('templates/:kind.xlsx')
  @Auth({ public: true })
  @ApiOperation({
    summary: 'The spreadsheet template for one kind: columns, dropdowns and an explanation sheet',
  })
  @ApiParam({ name: 'kind', enum: ASSET_KINDS })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async template(@Param('kind') kind: string, @Res() response: Response): Promise<void> {
    if (!(ASSET_KINDS as readonly string[]).includes(kind))
      throw new NotFoundError(ImportError.TemplateNotFound, 'template', kind);
    await this.templates.send(kind as AssetKind, response);
  }

  @Get(':id')
  @Auth(EDITORS)
  @ApiOperation({ summary: 'An import: status, progress, totals' })
  @ApiOkResponse({ type: ImportJobDto })
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ImportJobDto> {
    return this.imports.get(principal, id);
  }

  @Get(':id/report')
  @Auth(EDITORS)
  @ApiOperation({
    summary:
      'The report: per row the field, what is wrong (in Dutch) and the value found; findings of "dit bestaat al"',
  })
  @ApiPageResponse(ImportReportLineDto)
  report(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<ImportReportLineDto>> {
    return this.imports.report(principal, id, query);
  }

  @Post(':id/cancel')
  @HttpCode(202)
  @Auth(EDITORS)
  @ApiOperation({
    summary: 'Cancel an import: a queued one at once, a running one after its current batch',
  })
  @ApiAcceptedResponse({ type: ImportJobDto })
  cancel(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ImportJobDto> {
    return this.imports.cancel(principal, id);
  }
}
