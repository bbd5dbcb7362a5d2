import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export type AssetChange = 'new-version' | 'archived';

export interface AssetChangedEvent {
  assetId: string;
  change: AssetChange;
  /** Who made the change (not told about it). */
  actorId: string;
}

/** Reacts to a change inside the transaction that makes it, so it commits with the change or not at all. */
export interface AssetChangeListener {
  assetChanged(manager: EntityManager, event: AssetChangedEvent): Promise<void>;
}

/**
 * Where the publishing workflow announces its changes. Libraries that care (follow, for
 * notifications) subscribe; assets itself knows none of them, so the dependency runs one way.
 */
@Injectable()
export class AssetEvents {
  private readonly listeners: AssetChangeListener[] = [];

  subscribe(listener: AssetChangeListener): void {
    this.listeners.push(listener);
  }

  async emit(manager: EntityManager, event: AssetChangedEvent): Promise<void> {
    for (const listener of this.listeners) await listener.assetChanged(manager, event);
  }
}
