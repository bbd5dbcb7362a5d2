import { ApiProperty } from '@nestjs/swagger';
import { JobEndReason, JobQueueName } from '../job-queues';

export class DeadLetterDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({
    enum: [JobQueueName.Import, JobQueueName.Webhook, JobQueueName.SavedSearchAlerts],
    description: 'The queue the job came from',
  })
  kind: JobQueueName.Import | JobQueueName.Webhook | JobQueueName.SavedSearchAlerts;

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
