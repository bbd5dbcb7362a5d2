import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth } from '@bouwsteen/auth';
import { SimilarAssetDto } from '@bouwsteen/assets';
import { SimilarQueryDto } from './dto/similar.dto';
import { SimilarityService } from './similarity.service';

@ApiTags('search')
@Controller('similar')
export class SimilarityController {
  constructor(private readonly similarity: SimilarityService) {}

  @Post()
  @HttpCode(200)
  @Auth({ public: true })
  @ApiOperation({
    summary:
      'Does this already exist? Likely equivalents of a text that is not stored: every finding above the threshold, best first, at most 20, with reasons (the same findings as the editor, an import row and the block page get for the same text)',
  })
  @ApiOkResponse({ type: [SimilarAssetDto] })
  find(@Body() dto: SimilarQueryDto): Promise<SimilarAssetDto[]> {
    return this.similarity.similarForText(dto);
  }
}
