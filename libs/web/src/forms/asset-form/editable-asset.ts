import { AssetDto, AssetPolicy, AssetsService } from '@bouwsteen/assets';
import { Principal } from '@bouwsteen/auth';
import { ForbiddenError } from '@bouwsteen/common';

/** An asset this person may change (AssetPolicy), else 403 — also for pages that only show. */
export async function editableAsset(
  assets: AssetsService,
  principal: Principal,
  id: string,
): Promise<AssetDto> {
  const asset = await assets.get(principal, id);
  if (!AssetPolicy.canEdit(principal, asset.pps.id))
    throw new ForbiddenError('Only editors of this PPS (or an admin) may change this asset');
  return asset;
}

/** The editable content of an asset, in the shape the form (and the API) uses. */
export function contentOfAsset(asset: AssetDto): Record<string, unknown> {
  const { title, summary, description, keywords, language, sectors, levels, themes } = asset;
  return {
    title,
    summary,
    description,
    keywords,
    language,
    sectors,
    levels,
    themes,
    challenges: asset.challenges,
    license: asset.license,
    contacts: asset.contacts,
    links: asset.links,
    [asset.kind]: asset[asset.kind],
  };
}
