import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/**
 * Removes, inside the deletion's transaction, what another library keeps of the account and the
 * database would not remove by itself (the foreign keys cascade or set NULL for the rest).
 */
export interface AccountDeletionListener {
  accountDeleting(manager: EntityManager, userId: string): Promise<void>;
}

/**
 * Libraries that depend on auth cannot be called from it; they subscribe here instead (courses
 * removes the courses that were the account's own), and run before the account's row goes.
 */
@Injectable()
export class AccountDeletionEvents {
  private readonly listeners: AccountDeletionListener[] = [];

  subscribe(listener: AccountDeletionListener): void {
    this.listeners.push(listener);
  }

  async emit(manager: EntityManager, userId: string): Promise<void> {
    for (const listener of this.listeners) await listener.accountDeleting(manager, userId);
  }
}
