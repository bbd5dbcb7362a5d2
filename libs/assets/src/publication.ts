import { AssetKind } from './asset-codes';
import { missingForFeed } from './completeness';
import { AssetContentDto } from './dto/asset-content.dto';
import { AssetEntity } from './entities/asset.entity';
import { wholeSeconds } from './whole-seconds';

/**
 * What publishing sets — on the version and on its asset — in one place for the workflow's
 * publish and an import that publishes. The public face changes in whole seconds (OAI-PMH);
 * the version keeps what keeps it out of a feed, so the feed's set is a column.
 */
export function publishedVersionFields(
  userId: string,
  now: Date,
  changeNote: string | null,
  kind: AssetKind,
  content: AssetContentDto,
) {
  return {
    state: 'published' as const,
    publishedAt: now,
    publishedBy: userId,
    changeNote,
    edurepMissing: missingForFeed('edurep', kind, content),
  };
}

export function publishedAssetFields(
  asset: Pick<AssetEntity, 'firstPublishedAt' | 'edurepEver'>,
  version: number,
  now: Date,
  published: { edurepMissing: string[] | null },
) {
  return {
    status: 'published' as const,
    publishedVersion: version,
    firstPublishedAt: asset.firstPublishedAt ?? now,
    publicChangedAt: wholeSeconds(now),
    edurepEver: asset.edurepEver || published.edurepMissing?.length === 0,
  };
}
