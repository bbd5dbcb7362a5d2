import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Auth } from '@bouwsteen/auth';
import {
  CoverageReportDto,
  PortfolioReportDto,
  PpsReportDto,
  RankingReportDto,
  ReportFormatQueryDto,
} from './dto/report.dto';
import { ReportsService } from './reports.service';
import { asCsvRows } from './report-rows';
import { toCsv } from '@bouwsteen/common';

/** JSON by default; ?format=csv returns the report's main table as CSV for spreadsheets. */
function respond<T extends object>(
  response: Response,
  query: ReportFormatQueryDto,
  report: T,
  name: string,
): T | string {
  if (query.format !== 'csv') return report;
  response.type('text/csv; charset=utf-8');
  response.setHeader('Content-Disposition', `attachment; filename="${name}.csv"`);
  return toCsv(asCsvRows(report));
}

@ApiTags('reports')
@Controller('reports')
@Auth({ public: true })
@ApiProduces('application/json', 'text/csv')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('pps/:id')
  @ApiOperation({
    summary:
      'One PPS: assets by kind, who reuses them, what it reused ("builds on existing" share), overlaps',
  })
  @ApiOkResponse({ type: PpsReportDto })
  async pps(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ReportFormatQueryDto,
    @Res({ passthrough: true }) response: Response,
  ) {
    return respond(response, query, await this.reports.pps(id), `pps-${id}`);
  }

  @Get('lead-institutions/:id')
  @ApiOperation({
    summary: 'A lead institution’s PPS as a portfolio, with overlaps and reuse between them',
  })
  @ApiOkResponse({ type: PortfolioReportDto })
  async leadInstitution(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ReportFormatQueryDto,
    @Res({ passthrough: true }) response: Response,
  ) {
    return respond(
      response,
      query,
      await this.reports.leadInstitution(id),
      `lead-institution-${id}`,
    );
  }

  @Get('provinces/:code')
  @ApiOperation({ summary: 'The PPS of a province as a portfolio, with reuse between them' })
  @ApiOkResponse({ type: PortfolioReportDto })
  async province(
    @Param('code') code: string,
    @Query() query: ReportFormatQueryDto,
    @Res({ passthrough: true }) response: Response,
  ) {
    return respond(response, query, await this.reports.province(code), `province-${code}`);
  }

  @Get('provinces/:code/coverage')
  @ApiOperation({
    summary:
      'Coverage ("dekking") in a province: mbo qualifications and keuzedelen with and without reusable material of PPS working there',
  })
  @ApiOkResponse({ type: CoverageReportDto })
  async coverage(
    @Param('code') code: string,
    @Query() query: ReportFormatQueryDto,
    @Res({ passthrough: true }) response: Response,
  ) {
    return respond(response, query, await this.reports.coverage(code), `coverage-${code}`);
  }

  @Get('proudly-found-elsewhere')
  @ApiOperation({
    summary: 'Region-wide ranking: most reused assets and the PPS that build most on others',
  })
  @ApiOkResponse({ type: RankingReportDto })
  async ranking(
    @Query() query: ReportFormatQueryDto,
    @Res({ passthrough: true }) response: Response,
  ) {
    return respond(response, query, await this.reports.ranking(), 'proudly-found-elsewhere');
  }
}
