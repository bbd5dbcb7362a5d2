import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Auth } from '@bouwsteen/auth';
import { CommonError, NotFoundError, allProblems, problemDefinition } from '@bouwsteen/common';
import { ProblemTypeDto, toProblemTypeDto } from './problem-type.dto';
import { renderProblemPage } from './problem-page';

/** Every problem `type` the API answers resolves here: what the code means and what to do. */
@ApiTags('problems')
@Controller('problems')
export class ProblemsController {
  @Get()
  @Auth({ public: true })
  @ApiOperation({
    summary: 'Every problem code the API can answer, with status, title and meaning',
  })
  @ApiOkResponse({ type: [ProblemTypeDto] })
  list(): ProblemTypeDto[] {
    return allProblems().map(toProblemTypeDto);
  }

  @Get(':code')
  @Auth({ public: true })
  @ApiProduces('text/html', 'application/json')
  @ApiOperation({ summary: 'One problem code explained: a short page, or JSON' })
  @ApiOkResponse({ type: ProblemTypeDto })
  one(
    @Param('code') code: string,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): ProblemTypeDto | string {
    const problem = problemDefinition(code);
    if (!problem) throw new NotFoundError(CommonError.NotFound, 'problem code', code);
    if (request.accepts(['application/json', 'text/html']) !== 'text/html')
      return toProblemTypeDto(problem);
    response.type('text/html; charset=utf-8');
    return renderProblemPage(problem);
  }
}
