import { AssetEntity } from './entities/asset.entity';
import { wholeSeconds } from './whole-seconds';

/**
 * What publishing sets — on the version and on its asset — in one place for the workflow's
 * publish and an import that publishes. The public face changes in whole seconds (OAI-PMH).
 */
export function publishedVersionFields(userId: string, now: Date, changeNote: string | null) {
  return { state: 'published' as const, publishedAt: now, publishedBy: userId, changeNote };
}

/** `title`: the published version's, kept on the asset as the key listings are ordered by. */
export function publishedAssetFields(
  asset: Pick<AssetEntity, 'firstPublishedAt'>,
  version: number,
  now: Date,
  title: string,
) {
  return {
    status: 'published' as const,
    publishedVersion: version,
    publishedTitle: title,
    firstPublishedAt: asset.firstPublishedAt ?? now,
    publicChangedAt: wholeSeconds(now),
  };
}
