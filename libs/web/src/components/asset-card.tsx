import Html from '@kitajs/html';
import type { SearchHitDto } from '@bouwsteen/search';
import { formatEuro, formatHours, formatKm } from '../format/format';
import type { LabelBook } from '../format/labels';

export function assetPath(id: string, version?: number): string {
  return version === undefined ? `/bouwstenen/${id}` : `/bouwstenen/${id}/versies/${version}`;
}

interface Fact {
  /** The label people read before the value ("Niveau"); none for a fact that is a sentence. */
  term?: string;
  value: string;
}

/**
 * The short facts people decide on, each labelled: level and study load for every block; on
 * the LLO tab what a worker or employer asks first — price, certificate and duration.
 */
function cardFacts(hit: SearchHitDto, labels: LabelBook, llo: boolean): Fact[] {
  const levels = labels.labels('educationLevels', hit.levels).join(', ');
  const facts: Fact[] = [{ term: 'Niveau', value: levels }];
  if (llo) {
    facts.push(
      {
        term: 'Prijs',
        value:
          hit.priceCents === null || hit.priceCents === undefined
            ? 'niet vermeld'
            : hit.priceCents === 0
              ? 'gratis'
              : `${formatEuro(hit.priceCents)} per deelnemer`,
      },
      {
        term: 'Certificaat',
        value:
          hit.certification && hit.certification !== 'none'
            ? labels.label('certifications', hit.certification)
            : 'geen',
      },
      { term: 'Duur', value: formatHours(hit.studyLoadHours) },
    );
  } else {
    facts.push({ term: 'Studiebelasting', value: formatHours(hit.studyLoadHours) });
    if (hit.certification && hit.certification !== 'none')
      facts.push({ term: 'Certificaat', value: labels.label('certifications', hit.certification) });
  }
  if (hit.distanceMeters !== undefined)
    facts.push({ value: `${formatKm(hit.distanceMeters)} hiervandaan` });
  if (hit.reuseCount) facts.push({ value: `${hit.reuseCount} keer hergebruikt` });
  return facts.filter((fact) => fact.value);
}

/**
 * A result: kind and licence, title with the matched words marked, who made it (labelled), and
 * the facts people decide on. `llo` shows the LLO tab's facts (price, certificate, duration).
 */
export function AssetCard(props: {
  hit: SearchHitDto;
  labels: LabelBook;
  headingLevel?: 2 | 3;
  llo?: boolean;
}): JSX.Element {
  const { hit, labels } = props;
  // Highlights are escaped by the search library before it adds <mark> (see safeHighlight).
  const safeTitle = hit.highlights.title;
  const safeSummary = hit.highlights.summary;
  const facts = cardFacts(hit, labels, props.llo ?? false);
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  return (
    <article class="asset-card">
      <p class="asset-card__kind">
        <span class={`kind-badge kind-badge--${hit.kind}`}>
          {Html.escapeHtml(labels.kind(hit.kind))}
        </span>
        {hit.license ? (
          <span class="licence-badge">
            <span class="visually-hidden">Licentie: </span>
            {Html.escapeHtml(labels.label('licenses', hit.license))}
          </span>
        ) : (
          ''
        )}
      </p>
      <Heading class="asset-card__title">
        <a class="utrecht-link" href={assetPath(hit.id)}>
          {safeTitle}
        </a>
      </Heading>
      <p class="asset-card__source">
        <span class="asset-card__term">PPS:</span> {Html.escapeHtml(hit.pps.name)}
        <span aria-hidden="true"> · </span>
        <span class="asset-card__term">Penvoerder:</span>{' '}
        {Html.escapeHtml(hit.leadInstitution.name)}
      </p>
      <p class="asset-card__summary">{safeSummary}</p>
      {facts.length ? (
        <ul class="asset-card__facts">
          {facts.map((fact) => (
            <li>
              {fact.term ? <span class="asset-card__term" safe>{`${fact.term}:`}</span> : ''}
              {fact.term ? ' ' : ''}
              {Html.escapeHtml(fact.value)}
            </li>
          ))}
        </ul>
      ) : (
        ''
      )}
    </article>
  );
}
