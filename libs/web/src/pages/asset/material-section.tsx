import Html from '@kitajs/html';
import { assetPath } from '../../components/asset-card';
import { NoInbox, contactRole, outsideContact } from '../../components/contact-role';
import { materialGroups, whyAsk } from './material-access';
import type { AssetPageData } from './asset-view';

const WHY: Record<'no-link' | 'permission', (pps: string) => string> = {
  'no-link': (pps) => `${pps} heeft het materiaal niet openbaar online gezet.`,
  permission: (pps) => `Voor deze licentie vraagt u ${pps} om toestemming.`,
};

/**
 * "Zo krijgt u het materiaal", on every building-block page: the links by route (download,
 * e-learning, website), the licence in one line, and — when the material is not openly
 * reachable (no link, or a licence that needs permission) — a request to the owning PPS. No
 * request is offered for an archived block, nor to a PPS nobody of which reads requests (its
 * websites instead).
 */
export function MaterialSection(data: AssetPageData): JSX.Element {
  const { asset, licence } = data;
  const groups = materialGroups(asset.links);
  const why = whyAsk(groups, asset.license);
  // The current version's links go through the counted redirect; an old version's go direct.
  const href = (link: { url: string; index: number }) =>
    data.current ? link.url : `${assetPath(asset.id)}/naar/${link.index}`;
  return (
    <section class="material" aria-labelledby="materiaal-titel">
      <h2 class="utrecht-heading-2" id="materiaal-titel">
        Zo krijgt u het materiaal
      </h2>
      {groups.length ? (
        groups.map((group) => (
          <>
            <h3 class="utrecht-heading-3" safe>
              {group.heading}
            </h3>
            <ul class="utrecht-unordered-list material__links">
              {group.links.map((link) => (
                <li>
                  <a class="utrecht-link" href={href(link)} rel="noopener" safe>
                    {link.title}
                  </a>{' '}
                  <span class="site-muted" safe>{`(${link.typeLabel})`}</span>
                </li>
              ))}
            </ul>
          </>
        ))
      ) : (
        <p class="utrecht-paragraph">
          {Html.escapeHtml(`Bij deze bouwsteen staan geen links naar het materiaal.`)}
        </p>
      )}
      <p class="utrecht-paragraph material__licence">
        <strong safe>{`Licentie: ${licence.label}.`}</strong> <span safe>{licence.oneLine}</span>
      </p>
      <HowToAsk data={data} why={why} />
    </section>
  );
}

function HowToAsk({
  data,
  why,
}: {
  data: AssetPageData;
  why: 'no-link' | 'permission' | undefined;
}): JSX.Element {
  const { asset } = data;
  const requestPath = `${assetPath(asset.id)}/aanvragen`;
  if ((data.current ?? asset).status === 'archived')
    return (
      <p class="utrecht-paragraph">
        Deze bouwsteen is gearchiveerd: het materiaal aanvragen kan niet meer.
      </p>
    );
  if (!data.receives)
    return (
      <div class="material__request">
        {why ? <p class="utrecht-paragraph">{Html.escapeHtml(WHY[why](asset.pps.name))}</p> : ''}
        <NoInbox contact={outsideContact(data.pps, data.lead)} />
      </div>
    );
  return (
    <>
      {why ? (
        <div class="material__request">
          <p class="utrecht-paragraph">
            {Html.escapeHtml(
              `${WHY[why](asset.pps.name)} Vraag het aan bij ${contactRole(asset.pps.name)}: zij sturen het u of vertellen hoe u het krijgt.`,
            )}
          </p>
          <p class="utrecht-paragraph">
            <a
              class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
              href={requestPath}
            >
              Vraag het materiaal aan
            </a>
          </p>
        </div>
      ) : (
        <p class="utrecht-paragraph">
          Vragen over dit materiaal?{' '}
          <a class="utrecht-link" href={requestPath} safe>
            {`Stel ze aan ${contactRole(asset.pps.name)}`}
          </a>
        </p>
      )}
    </>
  );
}
