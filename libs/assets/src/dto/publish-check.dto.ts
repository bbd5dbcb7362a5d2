import { ApiProperty } from '@nestjs/swagger';

/** What a draft still needs before it may be published. */
export class PublishCheckDto {
  @ApiProperty({ description: 'Whether there is a draft to publish' })
  hasDraft: boolean;

  @ApiProperty({ description: 'There is a draft and it has everything publishing needs' })
  complete: boolean;

  @ApiProperty({
    type: [String],
    example: ['summary', 'module.studyLoad'],
    description: 'Paths of the fields publishing needs and the draft lacks, in form order',
  })
  missing: string[];
}
