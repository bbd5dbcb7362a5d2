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
  Res,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Auth, CurrentPrincipal, Principal } from '@bouwsteen/auth';
import { ApiIfMatch, ApiPageResponse, EtagInterceptor, IfMatch, Page } from '@bouwsteen/common';
import {
  AddItemDto,
  CourseFromListDto,
  CourseFromListResultDto,
  CreateListDto,
  ListDto,
  ListQueryDto,
  ListShareLinkDto,
  SharedListDto,
  ChangeItemDto,
  UpdateListDto,
} from './dto/list.dto';
import { ListCourses } from './list-courses';
import { ListsService } from './lists.service';

@ApiTags('lists')
@Controller('me/lists')
@UseInterceptors(EtagInterceptor)
@Auth()
export class ListsController {
  constructor(
    private readonly lists: ListsService,
    private readonly courses: ListCourses,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Your lists of building blocks, last changed first' })
  @ApiPageResponse(ListDto)
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListQueryDto,
  ): Promise<Page<ListDto>> {
    return this.lists.list(principal, query);
  }

  @Post()
  @ApiOperation({ summary: 'Make a list (private unless you say public)' })
  @ApiCreatedResponse({ type: ListDto })
  create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateListDto): Promise<ListDto> {
    return this.lists.create(principal, dto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One of your lists with its items in order (others: 404)' })
  @ApiOkResponse({ type: ListDto })
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ListDto> {
    return this.lists.get(principal, id);
  }

  @Patch(':id')
  @ApiIfMatch()
  @ApiOperation({ summary: 'Rename, describe or change who sees a list' })
  @ApiOkResponse({ type: ListDto })
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @IfMatch() revision: number,
    @Body() dto: UpdateListDto,
  ): Promise<ListDto> {
    return this.lists.update(principal, id, revision, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiIfMatch()
  @ApiOperation({ summary: 'Remove a list (and its share link)' })
  @ApiNoContentResponse()
  remove(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @IfMatch() revision: number,
  ): Promise<void> {
    return this.lists.remove(principal, id, revision);
  }

  @Post(':id/items')
  @ApiOperation({
    summary:
      'Put a published building block at the end of the list; 200 when it was on it already (once at most, also in parallel)',
  })
  @ApiCreatedResponse({ type: ListDto, description: 'Added' })
  @ApiOkResponse({ type: ListDto, description: 'It was on the list already' })
  async addItem(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AddItemDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ListDto> {
    const { list, added } = await this.lists.addItem(principal, id, dto);
    response.status(added ? 201 : 200);
    return list;
  }

  @Patch(':id/items/:assetId')
  @ApiOperation({ summary: "Change an item's note or move it (position 1 is the top)" })
  @ApiOkResponse({ type: ListDto })
  updateItem(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('assetId', ParseUUIDPipe) assetId: string,
    @Body() dto: ChangeItemDto,
  ): Promise<ListDto> {
    return this.lists.updateItem(principal, id, assetId, dto);
  }

  @Delete(':id/items/:assetId')
  @ApiOperation({ summary: 'Take a building block off the list' })
  @ApiOkResponse({ type: ListDto })
  removeItem(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('assetId', ParseUUIDPipe) assetId: string,
  ): Promise<ListDto> {
    return this.lists.removeItem(principal, id, assetId);
  }

  @Post(':id/share')
  @ApiOperation({
    summary:
      'The read-only link to the list, for anyone (signed in or not): made by the first request, the same link after that; DELETE revokes it',
  })
  @ApiCreatedResponse({ type: ListShareLinkDto, description: 'This request made the link' })
  @ApiOkResponse({ type: ListShareLinkDto, description: 'The list was already shared' })
  async share(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ListShareLinkDto> {
    const { link, created } = await this.lists.share(principal, id);
    response.status(created ? 201 : 200);
    return link;
  }

  @Delete(':id/share')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke the share link (it stops working at once)' })
  @ApiNoContentResponse()
  unshare(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    return this.lists.unshare(principal, id);
  }

  @Post(':id/course')
  @ApiOperation({
    summary:
      "LLO offices: a draft course of the list's published modules and infrastructure profiles, in its order; says what it left out",
  })
  @ApiCreatedResponse({ type: CourseFromListResultDto })
  startCourse(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CourseFromListDto,
  ): Promise<CourseFromListResultDto> {
    return this.courses.start(principal, id, dto);
  }
}

@ApiTags('lists')
@Controller('shared/lists')
@Auth({ public: true })
export class SharedListsController {
  constructor(private readonly lists: ListsService) {}

  @Get(':token')
  @ApiOperation({ summary: 'A list by its share link (read-only; the page is /lijst/{token})' })
  @ApiOkResponse({ type: SharedListDto })
  async shared(
    @Param('token') token: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SharedListDto> {
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('X-Robots-Tag', 'noindex');
    return this.lists.shared(token);
  }
}

@ApiTags('lists')
@Controller('organisations/:id/lists')
@Auth({ public: true })
export class PublicListsController {
  constructor(private readonly lists: ListsService) {}

  @Get()
  @ApiOperation({
    summary:
      "The lists its people made public, last changed first (at most 50; also on the organisation's page /rapportages/instellingen/{id})",
  })
  @ApiOkResponse({ type: [SharedListDto] })
  publicLists(@Param('id', ParseUUIDPipe) id: string): Promise<SharedListDto[]> {
    return this.lists.publicOf(id);
  }
}
