import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { PpsPublicView } from '@bouwsteen/organisations';
import type { AssetKind, AssetStatus } from '../asset-codes';
import { AssetVersionEntity } from './asset-version.entity';

@Entity('asset')
export class AssetEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'pps_id' })
  ppsId: string;

  @Column('text')
  kind: AssetKind;

  @Column('text')
  status: AssetStatus;

  @Column('integer', { name: 'latest_version', default: 1 })
  latestVersion: number;

  @Column('integer', { name: 'published_version', nullable: true })
  publishedVersion: number | null;

  @Column('uuid', { name: 'successor_id', nullable: true })
  successorId: string | null;

  @Column('text', { default: 'user' })
  source: string;

  /** The PPS's own code for the block (imports), unique within the PPS. */
  @Column('text', { name: 'source_id', nullable: true })
  sourceId: string | null;

  @Column('text', { name: 'demo_key', nullable: true })
  demoKey: string | null;

  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy: string | null;

  @Column('integer', { name: 'reuse_count', default: 0 })
  reuseCount: number;

  @Column('uuid', { name: 'based_on_asset_id', nullable: true })
  basedOnAssetId: string | null;

  @Column('integer', { name: 'based_on_version', nullable: true })
  basedOnVersion: number | null;

  @Column('text', { nullable: true })
  attribution: string | null;

  @VersionColumn({ name: 'row_version' })
  rowVersion: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column('timestamptz', { name: 'first_published_at', nullable: true })
  firstPublishedAt: Date | null;

  @Column('timestamptz', { name: 'archived_at', nullable: true })
  archivedAt: Date | null;

  /** Who archived it. */
  @Column('uuid', { name: 'archived_by', nullable: true })
  archivedBy: string | null;

  /** When the public face last changed (published, archived), whole seconds: OAI's datestamp. */
  @Column('timestamptz', { name: 'public_changed_at', nullable: true })
  publicChangedAt: Date | null;

  /**
   * What keeps the published version out of the `edurep` feed (completeness.ts missingForFeed):
   * [] when it is in; null when never published, of a kind the feed never takes, or not checked
   * yet (FeedMembership.refresh). Here, not on the version: a published version is immutable.
   */
  @Column('text', { name: 'edurep_missing', array: true, nullable: true })
  edurepMissing: string[] | null;

  /** Was ever in the `edurep` set: leaving it, it stays there as a deleted record. */
  @Column('boolean', { name: 'edurep_ever', default: false })
  edurepEver: boolean;

  /** The published version's title: what listings of published blocks are ordered by. */
  @Column('text', { name: 'published_title', nullable: true })
  publishedTitle: string | null;

  /** The version this reader gets to see; filled by the repository's queries. */
  view?: AssetVersionEntity;

  /** Its PPS's public face (organisations' view); filled by the repository's reader queries. */
  pps: PpsPublicView;

  get hasDraft(): boolean {
    return this.latestVersion !== this.publishedVersion;
  }
}
