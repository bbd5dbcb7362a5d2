import {
  AssetDto,
  AssetSummaryDto,
  AssetVersionInfoDto,
  PpsRefDto,
  VersionSummaryDto,
} from './dto/asset.dto';
import { AssetVersionEntity } from './entities/asset-version.entity';
import { AssetEntity } from './entities/asset.entity';
import { KIND_HANDLERS, compact } from './kinds';

function ppsRef(asset: AssetEntity): PpsRefDto {
  return {
    id: asset.pps.id,
    name: asset.pps.name,
    slug: asset.pps.slug,
    provinces: asset.pps.provinces,
    leadInstitution: {
      id: asset.pps.leadOrganisationId,
      name: asset.pps.leadName,
      type: asset.pps.leadType,
    },
  };
}

function versionInfo(version: AssetVersionEntity): AssetVersionInfoDto {
  return {
    number: version.number,
    state: version.state,
    changeNote: version.changeNote,
    publishedAt: version.publishedAt?.toISOString() ?? null,
    updatedAt: version.updatedAt.toISOString(),
  };
}

export function toAssetSummaryDto(asset: AssetEntity): AssetSummaryDto {
  const version = asset.view!;
  return {
    id: asset.id,
    kind: asset.kind,
    status: asset.status,
    title: version.title,
    summary: version.summary ?? undefined,
    pps: ppsRef(asset),
    version: versionInfo(version),
    publishedVersion: asset.publishedVersion,
    hasDraft: asset.hasDraft,
    source: asset.source,
    updatedAt: asset.updatedAt.toISOString(),
  };
}

/** The full view of `version` of `asset`; the hasDraft flag is only shown to readers of drafts. */
export function toAssetDto(
  asset: AssetEntity,
  version: AssetVersionEntity,
  showDraftInfo: boolean,
): AssetDto {
  return compact({
    id: asset.id,
    kind: asset.kind,
    status: asset.status,
    pps: ppsRef(asset),
    version: versionInfo(version),
    publishedVersion: asset.publishedVersion,
    latestVersion: showDraftInfo
      ? asset.latestVersion
      : (asset.publishedVersion ?? asset.latestVersion),
    hasDraft: showDraftInfo && asset.hasDraft,
    successorId: asset.successorId,
    source: asset.source,
    sourceId: asset.sourceId ?? undefined,
    reuseCount: asset.reuseCount,
    basedOn: asset.basedOnAssetId
      ? { assetId: asset.basedOnAssetId, version: asset.basedOnVersion! }
      : undefined,
    attribution: asset.attribution ?? undefined,
    revision: asset.rowVersion,
    createdAt: asset.createdAt.toISOString(),
    updatedAt: asset.updatedAt.toISOString(),
    title: version.title,
    summary: version.summary ?? undefined,
    description: version.description ?? undefined,
    keywords: version.keywords,
    language: version.language,
    sectors: version.sectors,
    levels: version.levels,
    themes: version.themes,
    challenges: version.challenges,
    license: version.license ?? undefined,
    contacts: version.contacts,
    links: version.links,
    [asset.kind]: KIND_HANDLERS[asset.kind].toView(version),
  }) as AssetDto;
}

export function toVersionSummaryDto(version: AssetVersionEntity): VersionSummaryDto {
  return {
    ...versionInfo(version),
    title: version.title,
    createdAt: version.createdAt.toISOString(),
  };
}
