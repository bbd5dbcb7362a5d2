import { ApiProperty } from '@nestjs/swagger';
import { CataloguedProblem, problemType } from '@bouwsteen/common';

export class ProblemTypeDto {
  @ApiProperty({ example: 'asset-archived' }) code: string;
  @ApiProperty({ example: '/problems/asset-archived' }) type: string;
  @ApiProperty({ example: 409 }) status: number;
  @ApiProperty({ example: 'Asset archived' }) title: string;
  @ApiProperty({ example: 'An archived asset can no longer be changed or adopted.' })
  description: string;
  @ApiProperty({ example: 'assets', description: 'The library that answers it' }) library: string;
}

export function toProblemTypeDto(problem: CataloguedProblem): ProblemTypeDto {
  return {
    code: problem.code,
    type: problemType(problem.code),
    status: problem.status,
    title: problem.title,
    description: problem.description,
    library: problem.library,
  };
}
