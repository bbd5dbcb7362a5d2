import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** Reacts inside the transaction that writes the notifications: both commit, or neither. */
export interface NotificationListener {
  notificationsWritten(manager: EntityManager, notificationIds: string[]): Promise<void>;
}

/**
 * Where in-app notifications are announced once written (ids only: a listener reads what it
 * needs). E-mail (libs/mail) listens and mails each per its recipient's preferences. Whoever
 * writes a notification of a new kind emits it here too; the mail then needs only a template.
 */
@Injectable()
export class NotificationEvents {
  private readonly listeners: NotificationListener[] = [];

  subscribe(listener: NotificationListener): void {
    this.listeners.push(listener);
  }

  async emit(manager: EntityManager, notificationIds: string[]): Promise<void> {
    if (notificationIds.length === 0) return;
    for (const listener of this.listeners)
      await listener.notificationsWritten(manager, notificationIds);
  }
}
