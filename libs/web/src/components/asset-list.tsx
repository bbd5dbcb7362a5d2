import Html from '@kitajs/html';
import type { AssetSummaryDto } from '@bouwsteen/assets';
import type { LabelBook } from '../format/labels';
import { assetPath } from './asset-card';

/** Building blocks read from the registry (not the search engine): kind, title, summary. */
export function AssetSummaryList(props: {
  assets: AssetSummaryDto[];
  labels: LabelBook;
}): JSX.Element {
  return (
    <div class="card-list">
      {props.assets.map((asset) => (
        <article class="asset-card">
          <p class="asset-card__kind">
            <span class={`kind-badge kind-badge--${asset.kind}`}>
              {Html.escapeHtml(props.labels.kind(asset.kind))}
            </span>
            {asset.status === 'archived' ? <span class="site-muted"> · gearchiveerd</span> : ''}
          </p>
          <h3 class="asset-card__title">
            <a class="utrecht-link" href={assetPath(asset.id)} safe>
              {asset.title}
            </a>
          </h3>
          <p class="asset-card__summary" safe>
            {asset.summary}
          </p>
        </article>
      ))}
    </div>
  );
}
