import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccountDeletionEvents, AccountDeletionListener } from '@bouwsteen/auth';
import { CoursesRepository } from './courses.repository';

/** Removes an account's own courses inside its deletion (AccountDeletionService). */
@Injectable()
export class CoursesOfDeletedAccounts implements AccountDeletionListener, OnModuleInit {
  constructor(
    private readonly events: AccountDeletionEvents,
    private readonly courses: CoursesRepository,
  ) {}

  onModuleInit(): void {
    this.events.subscribe(this);
  }

  accountDeleting(manager: EntityManager, userId: string): Promise<void> {
    return this.courses.deleteOwnedBy(manager, userId);
  }
}
