import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth } from '@bouwsteen/auth';
import { TermDto, VocabularyDto } from './dto/term.dto';
import { TaxonomyService } from './taxonomy.service';
import { VOCABULARIES } from './vocabulary';

@ApiTags('taxonomy')
@Controller('taxonomy')
export class TaxonomyController {
  constructor(private readonly taxonomy: TaxonomyService) {}

  @Get()
  @Auth({ public: true })
  @ApiOperation({ summary: 'All controlled vocabularies with their codes and labels' })
  @ApiOkResponse({ type: [VocabularyDto] })
  async all(): Promise<VocabularyDto[]> {
    return Promise.all(
      VOCABULARIES.map(async (name) => ({ name, terms: await this.taxonomy.terms(name) })),
    );
  }

  @Get(':vocabulary')
  @Auth({ public: true })
  @ApiOperation({ summary: 'The codes of one vocabulary' })
  @ApiOkResponse({ type: [TermDto] })
  one(@Param('vocabulary') vocabulary: string): Promise<TermDto[]> {
    return this.taxonomy.terms(vocabulary);
  }
}
