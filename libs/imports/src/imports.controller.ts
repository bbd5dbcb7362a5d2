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
import { Auth, CurrentPrincipal, Principal } from '@bouwsteen/auth';
import { ApiPageResponse, NotFoundError, Page, PageQueryDto } from '@bouwsteen/common';
import {
  ImportJobDto,
  ImportListQueryDto,
  ImportReportLineDto,
  RunImportQueryDto,
  StartImportQueryDto,
} from './dto/import.dto';
import { EXPORT_TYPES } from './export.service';
import { FILE_SCOPES, isFileScope } from './headers';
import { ImportsService } from './imports.service';
import { TEMPLATE_FORMATS, TemplateFormat, TemplatesService } from './templates.service';
import { ImportError } from './imports.errors';

const EDITORS = { roles: ['admin', 'pps-editor'] } as const;
const TEMPLATE_FILES: string[] = FILE_SCOPES.flatMap((scope) =>
  TEMPLATE_FORMATS.map((format) => `${scope}.${format}`),
);

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

  @Get('templates/:file')
  @Auth({ public: true })
  @ApiOperation({
    summary: 'A spreadsheet template: for all kinds, or for one kind with only its columns',
    description:
      'all.xlsx / all.csv: every kind’s columns and a kind column (Soort). <kind>.xlsx / <kind>.csv (module, curriculum, infrastructure, practice): that kind’s columns only; every row is of that kind, no kind column needed (a row that says another kind is reported). Row 1 holds the Dutch labels, row 2 the API field paths (hidden in .xlsx); the import reads either row or both. Amounts are in euros (module.price: "12,50"), not in the cents the API keeps. The .xlsx has dropdowns, help on each header and an explanation sheet (Toelichting); the CSV uses ";" and UTF-8 with BOM.',
  })
  @ApiParam({ name: 'file', enum: TEMPLATE_FILES })
  @ApiProduces(EXPORT_TYPES.xlsx, EXPORT_TYPES.csv)
  async template(@Param('file') file: string, @Res() response: Response): Promise<void> {
    const [scope, format] = file.split('.');
    if (!TEMPLATE_FILES.includes(file) || !isFileScope(scope))
      throw new NotFoundError(ImportError.TemplateNotFound, 'template', file.slice(0, 100));
    await this.templates.send(scope, format as TemplateFormat, response);
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

  @Post(':id/run')
  @HttpCode(202)
  @Auth(EDITORS)
  @ApiOperation({
    summary: 'Import a finished dry run’s file for real, without sending it again',
    description:
      'The dry run (status done) keeps its file for IMPORT_DRY_RUN_KEEP_HOURS (see fileKeptUntil; a PPS keeps the files of its IMPORT_MAX_JOBS_PER_PPS newest dry runs). Who may start it: who may import into the PPS. It starts once: a repeated call, or two at once, answers the import the first one started (see realImportId). 409 when the import is no finished dry run, 410 when its file is no longer kept (send it again), 429 when the PPS’s line is full.',
  })
  @ApiAcceptedResponse({ type: ImportJobDto })
  run(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: RunImportQueryDto,
  ): Promise<ImportJobDto> {
    return this.imports.runDryRun(principal, id, query);
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
