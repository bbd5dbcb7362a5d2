import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** A new review on a block: which one, never who wrote it or what it says. */
export interface ReviewWrittenEvent {
  reviewId: string;
  assetId: string;
  authorId: string;
}

/** Reacts inside the transaction that stores the review: both commit, or neither. */
export interface ReviewWrittenListener {
  reviewWritten(manager: EntityManager, event: ReviewWrittenEvent): Promise<void>;
}

/**
 * Where a new review is announced. Follow listens and tells the owning PPS's members with an
 * in-app notification (of type `review`), which e-mail delivers in its digest; reviews need not
 * know either.
 */
@Injectable()
export class ReviewEvents {
  private readonly listeners: ReviewWrittenListener[] = [];

  subscribe(listener: ReviewWrittenListener): void {
    this.listeners.push(listener);
  }

  async emit(manager: EntityManager, event: ReviewWrittenEvent): Promise<void> {
    for (const listener of this.listeners) await listener.reviewWritten(manager, event);
  }
}
