import { AssetError, AssetsService } from '@bouwsteen/assets';
import { NotFoundError } from '@bouwsteen/common';
import { OrganisationError, PpsService } from '@bouwsteen/organisations';
import { assetPath } from '../../components/asset-card';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whom a request goes to, as the pages name it: a building block of a PPS, or a PPS. */
export interface RequestTargetView {
  /** Where the form lives: /bouwstenen/:id/aanvragen or /pps/:id/vraag. */
  path: string;
  /** The page the person came from. */
  backPath: string;
  backLabel: string;
  pps: { id: string; name: string };
  asset?: { id: string; title: string };
}

/** A published building block by id, for its request form; 404 for anything else. */
export async function assetTarget(assets: AssetsService, id: string): Promise<RequestTargetView> {
  if (!UUID.test(id)) throw new NotFoundError(AssetError.NotFound, 'asset', id);
  const asset = await assets.get(undefined, id);
  if (asset.publishedVersion === null) throw new NotFoundError(AssetError.NotFound, 'asset', id);
  return {
    path: `${assetPath(id)}/aanvragen`,
    backPath: assetPath(id),
    backLabel: asset.title,
    pps: { id: asset.pps.id, name: asset.pps.name },
    asset: { id: asset.id, title: asset.title },
  };
}

/** A PPS by id, for its contact form; 404 for an unknown one. */
export async function ppsTarget(pps: PpsService, id: string): Promise<RequestTargetView> {
  if (!UUID.test(id)) throw new NotFoundError(OrganisationError.PpsNotFound, 'pps', id);
  const found = await pps.get(id);
  return {
    path: `/pps/${id}/vraag`,
    backPath: `/pps/${id}`,
    backLabel: found.name,
    pps: { id: found.id, name: found.name },
  };
}
