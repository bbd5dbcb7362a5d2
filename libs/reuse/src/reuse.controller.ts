import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentPrincipal, Principal } from '@bouwsteen/auth';
import { ApiPageResponse, Page, PageQueryDto } from '@bouwsteen/common';
import { RecordReuseDto, ReuseDto } from './dto/reuse.dto';
import { ReuseService } from './reuse.service';

@ApiTags('reuse')
@Controller()
export class ReuseController {
  constructor(private readonly reuse: ReuseService) {}

  @Post('assets/:id/reuses')
  @Auth({ roles: ['admin', 'pps-editor', 'llo-office', 'teacher'] })
  @ApiOperation({
    summary:
      'Record that your PPS or organisation adopted this asset (as is, adapted, inspired by)',
  })
  @ApiCreatedResponse({ type: ReuseDto })
  record(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RecordReuseDto,
  ): Promise<ReuseDto> {
    return this.reuse.record(principal, id, dto);
  }

  @Get('assets/:id/reuses')
  @Auth({ public: true })
  @ApiOperation({ summary: 'Who reuses this asset, newest first' })
  @ApiPageResponse(ReuseDto)
  forAsset(
    @CurrentPrincipal() principal: Principal | undefined,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<ReuseDto>> {
    return this.reuse.forAsset(principal, id, query);
  }

  @Get('pps/:id/reuses')
  @Auth({ public: true })
  @ApiOperation({ summary: 'What this PPS adopted from others' })
  @ApiPageResponse(ReuseDto)
  byPps(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<ReuseDto>> {
    return this.reuse.byPps(id, query);
  }

  @Delete('reuses/:id')
  @HttpCode(204)
  @Auth({ roles: ['admin', 'pps-editor', 'llo-office', 'teacher'] })
  @ApiOperation({ summary: 'Remove a reuse record you made' })
  @ApiNoContentResponse()
  remove(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    return this.reuse.remove(principal, id);
  }
}
