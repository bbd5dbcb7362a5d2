import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Auth } from '@bouwsteen/auth';
import { OOAPI_PATH } from './ooapi-problems';
import { OoapiService } from './ooapi.service';

type QueryParams = Record<string, unknown>;

/** The OOAPI v5 endpoint at /ooapi/v5: read only and public, as catalogues harvest it. */
@ApiExcludeController()
@Controller(`${OOAPI_PATH.slice(1)}/v5`)
export class OoapiController {
  constructor(private readonly ooapi: OoapiService) {}

  @Get()
  @Auth({ public: true })
  service(@Res() response: Response): Promise<void> {
    return answer(response, async () => this.ooapi.service());
  }

  @Get('organizations')
  @Auth({ public: true })
  organizations(@Query() query: QueryParams, @Res() response: Response): Promise<void> {
    return answer(response, () => this.ooapi.organizations(query));
  }

  @Get('organizations/:id')
  @Auth({ public: true })
  organization(@Param('id') id: string, @Query() query: QueryParams, @Res() response: Response) {
    return answer(response, () => this.ooapi.organizationWith(id, query));
  }

  @Get('courses')
  @Auth({ public: true })
  courses(@Query() query: QueryParams, @Res() response: Response): Promise<void> {
    return answer(response, () => this.ooapi.courses(query));
  }

  @Get('programs')
  @Auth({ public: true })
  programs(@Query() query: QueryParams, @Res() response: Response): Promise<void> {
    return answer(response, () => this.ooapi.programs(query));
  }

  @Get('programs/:id')
  @Auth({ public: true })
  program(@Param('id') id: string, @Query() query: QueryParams, @Res() response: Response) {
    return answer(response, () => this.ooapi.program(id, query));
  }

  @Get('programs/:id/courses')
  @Auth({ public: true })
  programCourses(@Param('id') id: string, @Query() query: QueryParams, @Res() response: Response) {
    return answer(response, () => this.ooapi.programCourses(id, query));
  }

  @Get('courses/:id')
  @Auth({ public: true })
  course(@Param('id') id: string, @Query() query: QueryParams, @Res() response: Response) {
    return answer(response, () => this.ooapi.course(id, query));
  }

  @Get('courses/:id/offerings')
  @Auth({ public: true })
  offerings(@Param('id') id: string, @Query() query: QueryParams, @Res() response: Response) {
    return answer(response, () => this.ooapi.courseOfferings(id, query));
  }

  @Get('offerings/:id')
  @Auth({ public: true })
  offering(@Param('id') id: string, @Query() query: QueryParams, @Res() response: Response) {
    return answer(response, () => this.ooapi.offering(id, query));
  }
}

/** JSON; errors go to the global filter, which words them as the spec's Problem here. */
async function answer(response: Response, work: () => Promise<unknown>): Promise<void> {
  response.type('application/json').send(JSON.stringify(await work()));
}
