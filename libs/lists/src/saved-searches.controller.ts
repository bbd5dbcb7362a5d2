import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Auth, CurrentPrincipal, Principal } from '@bouwsteen/auth';
import { ApiIfMatch, ApiPageResponse, EtagInterceptor, IfMatch, Page } from '@bouwsteen/common';
import {
  CreateSavedSearchDto,
  SavedSearchDto,
  SavedSearchQueryDto,
  UpdateSavedSearchDto,
} from './dto/saved-search.dto';
import { SavedSearchesService } from './saved-searches.service';

@ApiTags('lists')
@Controller('me/saved-searches')
@UseInterceptors(EtagInterceptor)
@Auth()
export class SavedSearchesController {
  constructor(private readonly searches: SavedSearchesService) {}

  @Get()
  @ApiOperation({ summary: 'Your saved searches, newest first' })
  @ApiPageResponse(SavedSearchDto)
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: SavedSearchQueryDto,
  ): Promise<Page<SavedSearchDto>> {
    return this.searches.list(principal, query);
  }

  @Post()
  @ApiOperation({
    summary:
      'Save a search (checked as GET /search checks it); with alerts, newly published blocks it finds come as a notification',
  })
  @ApiCreatedResponse({ type: SavedSearchDto })
  create(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: CreateSavedSearchDto,
  ): Promise<SavedSearchDto> {
    return this.searches.create(principal, dto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One of your saved searches (others: 404)' })
  @ApiOkResponse({ type: SavedSearchDto })
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<SavedSearchDto> {
    return this.searches.get(principal, id);
  }

  @Patch(':id')
  @ApiIfMatch()
  @ApiOperation({ summary: 'Rename it, or switch its alerts on or off' })
  @ApiOkResponse({ type: SavedSearchDto })
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @IfMatch() revision: number,
    @Body() dto: UpdateSavedSearchDto,
  ): Promise<SavedSearchDto> {
    return this.searches.update(principal, id, revision, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiIfMatch()
  @ApiOperation({ summary: 'Delete a saved search' })
  @ApiNoContentResponse()
  remove(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @IfMatch() revision: number,
  ): Promise<void> {
    return this.searches.remove(principal, id, revision);
  }
}
