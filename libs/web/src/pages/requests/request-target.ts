import { AssetError, AssetsService } from '@bouwsteen/assets';
import { NotFoundError } from '@bouwsteen/common';
import { OrganisationError, OrganisationsService, PpsService } from '@bouwsteen/organisations';
import { RequestsService } from '@bouwsteen/requests';
import { assetPath } from '../../components/asset-card';
import { OutsideContact, outsideContact } from '../../components/contact-role';
import { unlessNotFound } from '../../http/unless-not-found';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whom a request goes to, as the pages name it: a building block of a PPS, or a PPS. */
export interface RequestTargetView {
  /** Where the form lives: /bouwstenen/:id/aanvragen or /pps/:id/vraag. */
  path: string;
  /** The page the person came from. */
  backPath: string;
  backLabel: string;
  pps: { id: string; name: string };
  asset?: { id: string; title: string; archived: boolean };
  /** Whether someone of the PPS reads requests (RequestsService.canReceive). */
  receives: boolean;
  /** The PPS's and its lead institution's websites, for when nobody does. */
  contact: OutsideContact;
}

/** What a target is read with. */
export interface TargetSources {
  assets: AssetsService;
  pps: PpsService;
  organisations: OrganisationsService;
  requests: RequestsService;
}

/** A published (or archived) building block by id, for its request form; 404 for anything else. */
export async function assetTarget(from: TargetSources, id: string): Promise<RequestTargetView> {
  if (!UUID.test(id)) throw new NotFoundError(AssetError.NotFound, 'asset', id);
  const asset = await from.assets.get(undefined, id);
  if (asset.publishedVersion === null) throw new NotFoundError(AssetError.NotFound, 'asset', id);
  const found = await ppsTarget(from, asset.pps.id);
  return {
    ...found,
    path: `${assetPath(id)}/aanvragen`,
    backPath: assetPath(id),
    backLabel: asset.title,
    asset: { id: asset.id, title: asset.title, archived: asset.status === 'archived' },
  };
}

/** A PPS by id, for its question form; 404 for an unknown one. */
export async function ppsTarget(from: TargetSources, id: string): Promise<RequestTargetView> {
  if (!UUID.test(id)) throw new NotFoundError(OrganisationError.PpsNotFound, 'pps', id);
  const [found, receives] = await Promise.all([from.pps.get(id), from.requests.canReceive(id)]);
  const lead = await unlessNotFound(from.organisations.get(found.leadInstitution.id));
  return {
    path: `/pps/${id}/vraag`,
    backPath: `/pps/${id}`,
    backLabel: found.name,
    pps: { id: found.id, name: found.name },
    receives,
    contact: outsideContact(found, lead),
  };
}
