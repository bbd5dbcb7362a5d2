import { Injectable } from '@nestjs/common';
import { Principal, isAdmin } from '@bouwsteen/auth';
import { ForbiddenError, NotFoundError, Page, PageQueryDto, toPage } from '@bouwsteen/common';
import { TransactionRunner } from '@bouwsteen/database';
import { DEAD_LETTER_KINDS, DeadLetterDto, DeadLetterKind } from './dto/dead-letter.dto';
import { DeadLetterRow, DeadLettersRepository } from './dead-letters.repository';
import { JobEndReason, JobQueueName } from './job-queues';
import { JobsError } from './jobs.errors';

export interface QueueCounts {
  queue: JobQueueName.Import | JobQueueName.Webhook;
  waiting: number;
  /** Failed once or more, waiting for the next attempt. */
  retrying: number;
  running: number;
}

/** Jobs that ran out of attempts, for admins: seen, and acknowledged by removing them. */
@Injectable()
export class DeadLettersService {
  constructor(
    private readonly deadLetters: DeadLettersRepository,
    private readonly tx: TransactionRunner,
  ) {}

  async list(principal: Principal, query: PageQueryDto): Promise<Page<DeadLetterDto>> {
    this.adminOnly(principal);
    const [rows, total] = await this.deadLetters.page(query.offset, query.pageSize);
    return toPage(rows.map(toDeadLetterDto), total, query);
  }

  /** Per kind of job: waiting, waiting for a retry, and running. */
  async queues(principal: Principal): Promise<QueueCounts[]> {
    this.adminOnly(principal);
    const rows = await this.deadLetters.queueCounts();
    const queues = [JobQueueName.Import, JobQueueName.Webhook] as const;
    return queues.map((queue) => {
      const of = (state: string) =>
        rows.find((row) => row.kind === queue && row.state === state)?.count ?? 0;
      return { queue, waiting: of('created'), retrying: of('retry'), running: of('active') };
    });
  }

  async remove(principal: Principal, id: string): Promise<void> {
    this.adminOnly(principal);
    const removed = await this.tx.run((manager) => this.deadLetters.remove(manager, id));
    if (!removed) throw new NotFoundError(JobsError.DeadLetterNotFound, 'dead letter', id);
  }

  private adminOnly(principal: Principal): void {
    if (!isAdmin(principal)) throw new ForbiddenError('Only admins see failed background jobs');
  }
}

function toDeadLetterDto(row: DeadLetterRow): DeadLetterDto {
  const data = row.data as Record<string, unknown>;
  const subject = data.importId ?? data.deliveryId;
  return {
    id: row.id,
    // Jobs sent before they carried their kind were webhook deliveries.
    kind: (DEAD_LETTER_KINDS as readonly string[]).includes(row.data.kind)
      ? (row.data.kind as DeadLetterKind)
      : JobQueueName.Webhook,
    subjectId: typeof subject === 'string' ? subject : null,
    reason: Object.values(JobEndReason).includes(row.reason as JobEndReason)
      ? (row.reason as JobEndReason)
      : JobEndReason.Failed,
    detail: row.detail,
    diedAt: new Date(row.diedAt).toISOString(),
  };
}
