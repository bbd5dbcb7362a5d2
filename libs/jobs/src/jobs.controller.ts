import { Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentPrincipal, Principal } from '@bouwsteen/auth';
import { ApiPageResponse, Page, PageQueryDto } from '@bouwsteen/common';
import { DeadLetterDto } from './dto/dead-letter.dto';
import { DeadLettersService } from './dead-letters.service';

const ADMINS = { roles: ['admin'] } as const;

@ApiTags('jobs')
@Controller('jobs')
export class JobsController {
  constructor(private readonly deadLetters: DeadLettersService) {}

  @Get('dead-letters')
  @Auth(ADMINS)
  @ApiOperation({
    summary: 'Background jobs that ran out of attempts (imports, webhook deliveries), newest first',
  })
  @ApiPageResponse(DeadLetterDto)
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: PageQueryDto,
  ): Promise<Page<DeadLetterDto>> {
    return this.deadLetters.list(principal, query);
  }

  @Delete('dead-letters/:id')
  @HttpCode(204)
  @Auth(ADMINS)
  @ApiOperation({ summary: 'Acknowledge a dead letter: remove it from the list' })
  @ApiNoContentResponse()
  remove(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    return this.deadLetters.remove(principal, id);
  }
}
