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
import {
  CreateOrganisationDto,
  OrganisationDto,
  OrganisationListQueryDto,
  UpdateOrganisationDto,
} from './dto/organisation.dto';
import { OrganisationsService } from './organisations.service';

@ApiTags('organisations')
@Controller('organisations')
@UseInterceptors(EtagInterceptor)
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Get()
  @Auth({ public: true })
  @ApiOperation({ summary: 'Organisations: schools, companies, governments, research partners' })
  @ApiPageResponse(OrganisationDto)
  list(@Query() query: OrganisationListQueryDto): Promise<Page<OrganisationDto>> {
    return this.organisations.list(query);
  }

  @Get(':id')
  @Auth({ public: true })
  @ApiOperation({ summary: 'One organisation with its aliases' })
  @ApiOkResponse({ type: OrganisationDto })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<OrganisationDto> {
    return this.organisations.get(id);
  }

  @Post()
  @Auth({ roles: ['admin', 'pps-editor', 'llo-office'] })
  @ApiOperation({
    summary: 'Register an organisation (409 when its name or an alias is already known)',
  })
  @ApiCreatedResponse({ type: OrganisationDto })
  create(@Body() dto: CreateOrganisationDto): Promise<OrganisationDto> {
    return this.organisations.create(dto);
  }

  @Patch(':id')
  @Auth({ roles: ['admin'] })
  @ApiIfMatch()
  @ApiOperation({ summary: 'Edit an organisation (admin)' })
  @ApiOkResponse({ type: OrganisationDto })
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @IfMatch() revision: number,
    @Body() dto: UpdateOrganisationDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<OrganisationDto> {
    return this.organisations.update(id, revision, dto, principal);
  }
}
