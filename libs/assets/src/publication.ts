import { AssetKind } from './asset-codes';
import { missingForFeed } from './completeness';
import { AssetContentDto } from './dto/asset-content.dto';
import { AssetEntity } from './entities/asset.entity';
import { wholeSeconds } from './whole-seconds';

/**
 * What publishing sets — on the version and on its asset — in one place for the workflow's
 * publish and an import that publishes. The public face changes in whole seconds (OAI-PMH);
 * the asset keeps what keeps its published content out of a feed, so the feed's set is a column.
 */
export function publishedVersionFields(userId: string, now: Date, changeNote: string | null) {
  return { state: 'published' as const, publishedAt: now, publishedBy: userId, changeNote };
}

/** The published title is kept on the asset too: the key listings are ordered by (ListingOrder). */
export function publishedAssetFields(
  asset: Pick<AssetEntity, 'firstPublishedAt' | 'edurepEver'>,
  version: number,
  now: Date,
  kind: AssetKind,
  content: AssetContentDto,
) {
  const edurepMissing = missingForFeed('edurep', kind, content);
  return {
    status: 'published' as const,
    publishedVersion: version,
    publishedTitle: content.title,
    firstPublishedAt: asset.firstPublishedAt ?? now,
    publicChangedAt: wholeSeconds(now),
    edurepMissing,
    edurepEver: asset.edurepEver || edurepMissing?.length === 0,
  };
}
