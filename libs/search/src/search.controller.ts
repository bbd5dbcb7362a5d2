import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Auth } from '@bouwsteen/auth';
import { ProblemDetailsDto } from '@bouwsteen/common';
import { SearchQueryDto } from './dto/search-query.dto';
import { SearchResultDto } from './dto/search-result.dto';
import { SearchService } from './search.service';

@ApiTags('search')
@Controller('search')
export class SearchController {
  constructor(private readonly search: SearchService) {}

  @Get()
  @Auth({ public: true })
  @ApiOperation({
    summary: 'Find published curricula, modules, infrastructure and good practices',
    description:
      'Typo-tolerant Dutch full-text search with filters, facets, sorting and a geo radius. Only published, non-archived assets.',
  })
  @ApiOkResponse({ type: SearchResultDto })
  @ApiServiceUnavailableResponse({
    type: ProblemDetailsDto,
    description: 'Meilisearch is down; retry after the Retry-After seconds',
  })
  find(@Query() query: SearchQueryDto): Promise<SearchResultDto> {
    return this.search.search(query);
  }
}
