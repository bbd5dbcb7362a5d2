import { ApiProperty } from '@nestjs/swagger';
import { FieldErrorDto } from '@bouwsteen/common';

/**
 * What the latest version still needs before it may be published: the draft's, or, when there
 * is no draft (published, nothing changed since), the published version's.
 */
export class PublishCheckDto {
  @ApiProperty({
    description:
      'Whether there is a draft to publish; without one there is nothing to publish and the published version is checked',
  })
  hasDraft: boolean;

  @ApiProperty({
    example: 2,
    description: 'The version checked: the draft, or without one the published version',
  })
  version: number;

  @ApiProperty({
    description:
      'Nothing stops the version checked from being published (a published version has everything, unless the rules grew or a block it refers to was archived since)',
  })
  complete: boolean;

  @ApiProperty({
    type: [String],
    example: ['summary', 'module.studyLoad'],
    description:
      'Paths of the fields publishing needs and the version checked lacks, in form order',
  })
  missing: string[];

  @ApiProperty({
    type: [FieldErrorDto],
    description:
      'Everything that stops publishing the version checked, as POST …/publish would refuse it: each missing field ' +
      '(`neededToPublish`, `physicalNeedsLocation`) and each referred block a reader could not ' +
      'open (`referenceNotPublished`: a draft; `referenceArchived`: choose its successor)',
  })
  problems: FieldErrorDto[];
}
