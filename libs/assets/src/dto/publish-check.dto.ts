import { ApiProperty } from '@nestjs/swagger';
import { FieldErrorDto } from '@bouwsteen/common';

/** What a draft still needs before it may be published. */
export class PublishCheckDto {
  @ApiProperty({ description: 'Whether there is a draft to publish' })
  hasDraft: boolean;

  @ApiProperty({ description: 'There is a draft and nothing stops it from being published' })
  complete: boolean;

  @ApiProperty({
    type: [String],
    example: ['summary', 'module.studyLoad'],
    description: 'Paths of the fields publishing needs and the draft lacks, in form order',
  })
  missing: string[];

  @ApiProperty({
    type: [FieldErrorDto],
    description:
      'Everything that stops publishing, as POST …/publish would refuse it: each missing field ' +
      '(`neededToPublish`, `physicalNeedsLocation`) and each referred block a reader could not ' +
      'open (`referenceNotPublished`: a draft; `referenceArchived`: choose its successor)',
  })
  problems: FieldErrorDto[];
}
