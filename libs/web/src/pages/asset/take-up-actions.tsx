import Html from '@kitajs/html';
import { AssetDto, AssetPolicy } from '@bouwsteen/assets';
import type { Principal } from '@bouwsteen/auth';
import { assetPath } from '../../components/asset-card';
import { FormTokenField } from '../../forms/form-token';
import { ListChoice, ListPicker } from '../lists/list-picker';
import type { PageContext } from '../../http/page-context';

/**
 * For whom this person may record reuse of a block of `ownerPpsId`: an LLO office for its
 * organisation; a lead for each of their PPS except the block's own (a PPS does not reuse its
 * own work). An admin records on the form for any PPS but the owner.
 */
export function adopterIdsFor(principal: Principal, ownerPpsId: string): string[] {
  if (principal.role === 'llo-office')
    return principal.organisationId ? [principal.organisationId] : [];
  return principal.ppsIds.filter((id) => id !== ownerPpsId);
}

/** A signed-in visitor's ways on from a block's page: edit their own, or reuse, derive, follow. */
export function TakeUpActions(props: {
  asset: AssetDto;
  principal: Principal;
  following: boolean;
  page: PageContext;
  /** Every adopter this person speaks for has recorded reuse of this version already. */
  reuseRecorded?: boolean;
  /** The person's lists (a published block can go on one). */
  lists?: ListChoice[];
}): JSX.Element {
  const { asset, principal } = props;
  const own = AssetPolicy.canEdit(principal, asset.pps.id);
  const canAdopt =
    !own &&
    (principal.role === 'pps-editor' ||
      principal.role === 'llo-office' ||
      principal.role === 'admin');
  const canDerive = !own && (principal.role === 'pps-editor' || principal.role === 'admin');
  const live = asset.status === 'published';
  return (
    <section aria-labelledby="aan-de-slag-titel">
      <h2 class="utrecht-heading-2" id="aan-de-slag-titel">
        Aan de slag
      </h2>
      <ul class="plain-list">
        {own ? (
          <li>
            <a class="utrecht-link" href={`/mijn-pps/bouwstenen/${asset.id}`}>
              Bewerken
            </a>
          </li>
        ) : (
          ''
        )}
        {canAdopt && live && !props.reuseRecorded ? (
          <li>
            <a class="utrecht-link" href={`${assetPath(asset.id)}/hergebruiken`}>
              Hergebruik vastleggen
            </a>
          </li>
        ) : (
          ''
        )}
        {canAdopt && live && props.reuseRecorded ? (
          <li class="site-muted">
            {Html.escapeHtml(
              principal.role === 'llo-office'
                ? 'Uw organisatie heeft hergebruik van deze versie vastgelegd.'
                : 'Uw PPS heeft hergebruik van deze versie vastgelegd.',
            )}
          </li>
        ) : (
          ''
        )}
        {canDerive && live ? (
          <li>
            <a class="utrecht-link" href={`${assetPath(asset.id)}/afleiden`}>
              Afleiden: een eigen versie maken
            </a>
          </li>
        ) : (
          ''
        )}
      </ul>
      <form method="post" action={`${assetPath(asset.id)}/volgen`}>
        <FormTokenField page={props.page} />
        <input type="hidden" name="volgen" value={props.following ? 'nee' : 'ja'} />
        <button type="submit" class="utrecht-button utrecht-button--secondary-action">
          {Html.escapeHtml(props.following ? 'Niet meer volgen' : 'Volgen')}
        </button>
      </form>
      <p class="utrecht-paragraph site-muted">
        {Html.escapeHtml(
          props.following
            ? 'U krijgt een melding bij een nieuwe versie of als hij wordt gearchiveerd.'
            : 'Volg hem om een melding te krijgen bij een nieuwe versie.',
        )}
      </p>
      {live && props.lists ? (
        <ListPicker page={props.page} assetId={asset.id} lists={props.lists} />
      ) : (
        ''
      )}
    </section>
  );
}
