import { ApiProperty } from '@nestjs/swagger';
import { JobEndReason, JobQueueName } from '../job-queues';

/** The kinds of job that can run out of attempts (each job carries its kind in its data). */
export const DEAD_LETTER_KINDS = [
  JobQueueName.Import,
  JobQueueName.ImportSimilar,
  JobQueueName.Webhook,
  JobQueueName.SavedSearchAlerts,
  JobQueueName.Mail,
  JobQueueName.MailDigest,
] as const;
export type DeadLetterKind = (typeof DEAD_LETTER_KINDS)[number];

export class DeadLetterDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: DEAD_LETTER_KINDS, description: 'What the job was for' })
  kind: DeadLetterKind;

  @ApiProperty({
    format: 'uuid',
    nullable: true,
    description: 'The import or webhook delivery it was for',
  })
  subjectId: string | null;

  @ApiProperty({ enum: JobEndReason, description: 'How its last attempt ended' })
  reason: JobEndReason;

  @ApiProperty({ nullable: true, description: 'The technical detail of the last error' })
  detail: string | null;

  @ApiProperty({ format: 'date-time', description: 'When it ran out of attempts' })
  diedAt: string;
}
