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
  ApiFoundResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Auth, CurrentPrincipal, Principal } from '@bouwsteen/auth';
import {
  ApiIfMatch,
  ApiPageResponse,
  EtagInterceptor,
  IfMatch,
  Page,
  toCsv,
} from '@bouwsteen/common';

import { courseCsvRows } from './course-csv';
import { CoursesService } from './courses.service';
import {
  CourseDto,
  CourseListQueryDto,
  CreateCourseDto,
  ShareLinkDto,
  SharedFormatQueryDto,
  UpdateCourseDto,
} from './dto/course.dto';

const LLO = { roles: ['admin', 'llo-office'] } as const;

@ApiTags('courses')
@Controller('courses')
@UseInterceptors(EtagInterceptor)
export class CoursesController {
  constructor(private readonly courses: CoursesService) {}

  @Get()
  @Auth(LLO)
  @ApiOperation({ summary: 'Your LLO office’s courses (admins: all)' })
  @ApiPageResponse(CourseDto)
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: CourseListQueryDto,
  ): Promise<Page<CourseDto>> {
    return this.courses.list(principal, query);
  }

  @Get(':id')
  @Auth(LLO)
  @ApiOperation({
    summary: 'A course with computed totals, certificates, warnings and item states',
  })
  @ApiOkResponse({ type: CourseDto })
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<CourseDto> {
    return this.courses.get(principal, id);
  }

  @Post()
  @Auth(LLO)
  @ApiOperation({
    summary: 'Assemble a course for an employer from published modules (and infrastructure)',
  })
  @ApiCreatedResponse({ type: CourseDto })
  create(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: CreateCourseDto,
  ): Promise<CourseDto> {
    return this.courses.create(principal, dto);
  }

  @Patch(':id')
  @Auth(LLO)
  @ApiIfMatch()
  @ApiOperation({ summary: 'Change a course; items, when sent, replace the list' })
  @ApiOkResponse({ type: CourseDto })
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @IfMatch() revision: number,
    @Body() dto: UpdateCourseDto,
  ): Promise<CourseDto> {
    return this.courses.update(principal, id, revision, dto);
  }

  @Post(':id/update-items')
  @HttpCode(200)
  @Auth(LLO)
  @ApiIfMatch()
  @ApiOperation({
    summary: 'Pin every item to its latest version; replace withdrawn items by their successor',
  })
  @ApiOkResponse({ type: CourseDto })
  updateItems(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @IfMatch() revision: number,
  ): Promise<CourseDto> {
    return this.courses.updateItems(principal, id, revision);
  }

  @Post(':id/share')
  @Auth(LLO)
  @ApiOperation({
    summary:
      'The public read-only link for the employer: made by the first request, the same link for every later (or parallel) one. To replace it, DELETE it and ask again',
  })
  @ApiCreatedResponse({ type: ShareLinkDto, description: 'This request made the link' })
  @ApiOkResponse({ type: ShareLinkDto, description: 'The course was already shared: its link' })
  async share(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ShareLinkDto> {
    const { link, created } = await this.courses.share(principal, id);
    response.status(created ? 201 : 200);
    return link;
  }

  @Delete(':id/share')
  @HttpCode(204)
  @Auth(LLO)
  @ApiOperation({ summary: 'Revoke the public link' })
  @ApiNoContentResponse()
  unshare(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    return this.courses.unshare(principal, id);
  }
}

@ApiTags('courses')
@Controller('shared/courses')
export class SharedCoursesController {
  constructor(private readonly courses: CoursesService) {}

  /** The page is /cursus/:token (the site's layout); old links to the HTML variant go there. */
  @Get(':token')
  @Auth({ public: true })
  @ApiProduces('application/json', 'text/csv')
  @ApiOperation({
    summary:
      'A shared course as JSON or CSV; without format (or format=html) a redirect to its printable page /cursus/{token}',
  })
  @ApiOkResponse({ type: CourseDto })
  @ApiFoundResponse({ description: 'format absent or html: Location is /cursus/{token}' })
  async shared(
    @Param('token') token: string,
    @Query() query: SharedFormatQueryDto,
    @Res() response: Response,
  ): Promise<void> {
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('X-Robots-Tag', 'noindex');
    if (query.format === undefined || query.format === 'html')
      return response.redirect(302, `/cursus/${encodeURIComponent(token)}`);
    const course = await this.courses.shared(token);
    if (query.format === 'csv')
      response.type('text/csv; charset=utf-8').send(toCsv(courseCsvRows(course)));
    else response.json(course);
  }
}
