import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/**
 * A request was sent: which one and to whom, never what it says (the listener reads it through
 * RequestsService when it may). No personal data travels in the event.
 */
export interface RequestSentEvent {
  requestId: string;
  ppsId: string;
  assetId: string | null;
}

/** Reacts inside the transaction that stores the request: both commit, or neither. */
export interface RequestSentListener {
  requestSent(manager: EntityManager, event: RequestSentEvent): Promise<void>;
}

/**
 * Where a sent request is announced. The request waits in the PPS's inbox in "Mijn PPS";
 * e-mail (libs/mail) subscribes here and queues its mail in the same transaction (as follow
 * does with webhook deliveries), so the PPS is told exactly when the request is stored.
 */
@Injectable()
export class RequestEvents {
  private readonly listeners: RequestSentListener[] = [];

  subscribe(listener: RequestSentListener): void {
    this.listeners.push(listener);
  }

  async emit(manager: EntityManager, event: RequestSentEvent): Promise<void> {
    for (const listener of this.listeners) await listener.requestSent(manager, event);
  }
}
