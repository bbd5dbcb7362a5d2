import Html from '@kitajs/html';
import type { SearchHitDto } from '@bouwsteen/search';
import { formatHours, formatKm } from '../format/format';
import type { LabelBook } from '../format/labels';

export function assetPath(id: string, version?: number): string {
  return version === undefined ? `/bouwstenen/${id}` : `/bouwstenen/${id}/versies/${version}`;
}

/** A result: kind, title with the matched words marked, where it comes from, and key facts. */
export function AssetCard(props: {
  hit: SearchHitDto;
  labels: LabelBook;
  headingLevel?: 2 | 3;
}): JSX.Element {
  const { hit, labels } = props;
  // Highlights are escaped by the search library before it adds <mark> (see safeHighlight).
  const safeTitle = hit.highlights.title;
  const safeSummary = hit.highlights.summary;
  const facts = [
    labels.labels('educationLevels', hit.levels).join(', '),
    formatHours(hit.studyLoadHours),
    hit.certification && hit.certification !== 'none'
      ? labels.label('certifications', hit.certification)
      : '',
    hit.distanceMeters !== undefined ? `${formatKm(hit.distanceMeters)} hiervandaan` : '',
  ].filter(Boolean);
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  return (
    <article class="asset-card">
      <p class="asset-card__kind">
        <span class={`kind-badge kind-badge--${hit.kind}`}>
          {Html.escapeHtml(labels.kind(hit.kind))}
        </span>
      </p>
      <Heading class="asset-card__title">
        <a class="utrecht-link" href={assetPath(hit.id)}>
          {safeTitle}
        </a>
      </Heading>
      <p class="asset-card__source" safe>
        {hit.pps.name} · {hit.leadInstitution.name}
      </p>
      <p class="asset-card__summary">{safeSummary}</p>
      {facts.length || hit.reuseCount ? (
        <ul class="asset-card__facts">
          {facts.map((fact) => (
            <li safe>{fact}</li>
          ))}
          {hit.reuseCount ? (
            <li
              safe
            >{`Hergebruikt door ${hit.reuseCount} ${hit.reuseCount === 1 ? 'partij' : 'partijen'}`}</li>
          ) : (
            ''
          )}
        </ul>
      ) : (
        ''
      )}
    </article>
  );
}
