import {
  Body,
  Controller,
  Get,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  UseInterceptors,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentPrincipal, Principal } from '@bouwsteen/auth';
import { ApiIfMatch, ApiPageResponse, EtagInterceptor, IfMatch, Page } from '@bouwsteen/common';
import { CreatePpsDto, PpsDto, PpsListQueryDto, PpsSummaryDto, UpdatePpsDto } from './dto/pps.dto';
import { PpsService } from './pps.service';

@ApiTags('pps')
@Controller('pps')
@UseInterceptors(EtagInterceptor)
export class PpsController {
  constructor(private readonly pps: PpsService) {}

  @Get()
  @Auth({ public: true })
  @ApiOperation({
    summary: 'The public-private partnerships, filterable by province, lead institution, status',
  })
  @ApiPageResponse(PpsSummaryDto)
  list(@Query() query: PpsListQueryDto): Promise<Page<PpsSummaryDto>> {
    return this.pps.list(query);
  }

  @Get(':id')
  @Auth({ public: true })
  @ApiOperation({ summary: 'One PPS with its profile and partners' })
  @ApiOkResponse({ type: PpsDto })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<PpsDto> {
    return this.pps.get(id);
  }

  @Post()
  @Auth({ roles: ['admin'] })
  @ApiOperation({ summary: 'Register a PPS (admin)' })
  @ApiCreatedResponse({ type: PpsDto })
  create(@CurrentPrincipal() principal: Principal, @Body() dto: CreatePpsDto): Promise<PpsDto> {
    return this.pps.create(principal, dto);
  }

  @Patch(':id')
  @Auth({ roles: ['admin', 'pps-editor'] })
  @ApiIfMatch()
  @ApiOperation({
    summary: "Edit a PPS's profile and partners (its editors; name and lead institution: admin)",
  })
  @ApiOkResponse({ type: PpsDto })
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @IfMatch() revision: number,
    @Body() dto: UpdatePpsDto,
  ): Promise<PpsDto> {
    return this.pps.update(principal, id, revision, dto);
  }
}
