import Html from '@kitajs/html';
import type { SimilarAssetDto } from '@bouwsteen/assets';
import type { LabelBook } from '../format/labels';
import { assetPath } from './asset-card';

const REASON_LABELS: Record<string, string> = {
  'learning-outcomes': 'Zelfde woorden in de leeruitkomsten',
  words: 'Zelfde woorden',
  synonyms: 'Zelfde betekenis',
  compounds: 'Delen van samengestelde woorden',
  level: 'Zelfde niveau',
  qualification: 'Zelfde kwalificatie (crebo)',
  semantic: 'Verwant in betekenis (volgens het taalmodel)',
};

/** "a = b" and "a ~ b" read as Dutch: what the text says and what the other block says. */
function termText(type: string, term: string): string {
  if (type === 'synonyms') return term.replace(' = ', ' en ');
  if (type === 'compounds') return term.replace(' ~ ', ' en ');
  if (type === 'semantic') return `${Math.round(Number(term) * 100)} %`;
  return term;
}

type Reason = SimilarAssetDto['reasons'][number];

/** A reason in Dutch, with what both share (levels by their label). */
export function reasonText(reason: Reason, labels: LabelBook): string {
  const label = REASON_LABELS[reason.type] ?? 'Overeenkomst';
  const terms =
    reason.type === 'level'
      ? labels.labels('educationLevels', reason.terms)
      : reason.terms.map((term) => termText(reason.type, term));
  return terms.length ? `${label}: ${terms.join(', ')}` : label;
}

/** How alike, in words: the score is a weighted overlap, not a percentage of sameness. */
export function likeness(score: number): string {
  if (score >= 0.6) return 'lijkt sterk op uw tekst';
  if (score >= 0.4) return 'lijkt op uw tekst';
  return 'heeft raakvlakken met uw tekst';
}

/**
 * "Ook gepubliceerd door …": the same block as other PPS published it (near-identical findings
 * grouped under the best one), each PPS by name with a link to its copy.
 */
export function AlsoPublishedBy(props: {
  siblings: SimilarAssetDto['alsoPublishedBy'];
}): JSX.Element {
  if (!props.siblings?.length) return '';
  return (
    <p class="utrecht-paragraph">
      Ook gepubliceerd door{' '}
      {props.siblings.map((sibling, index) => (
        <>
          {index === 0 ? '' : index === props.siblings.length - 1 ? ' en ' : ', '}
          <a class="utrecht-link" href={assetPath(sibling.id)}>
            <span safe>{sibling.pps.name}</span>
            <span class="visually-hidden" safe>
              : {sibling.title}
            </span>
          </a>
        </>
      ))}
    </p>
  );
}

/**
 * "Dit bestaat al": published building blocks of other PPS like the text being written, each
 * with why, and the three ways on — look at it, record that you reuse it, or build on it.
 */
export function SimilarPanel(props: {
  similar: SimilarAssetDto[];
  checked: boolean;
  labels: LabelBook;
  /** Carried to reuse and derive, so the lead's own draft can be set aside there. */
  draftId?: string;
  asked: boolean;
  /** Only "bekijken" (a funder's check, not a lead's draft). */
  readOnly?: boolean;
  /**
   * How many findings show at once (the editor's few, beside the form); the others are behind
   * "Meer", in the page (no request of its own: it opens without JavaScript too).
   */
  shown?: number;
}): JSX.Element {
  const shown = props.shown ?? props.similar.length;
  return (
    <div class="similar-panel">
      <h2 class="utrecht-heading-2" id="bestaat-al-titel">
        Dit bestaat al
      </h2>
      {!props.asked ? (
        <p class="utrecht-paragraph">
          Vul een titel en samenvatting in. Hier ziet u dan welke bouwstenen van andere PPS er al op
          lijken, zodat u kunt hergebruiken in plaats van opnieuw te maken.
        </p>
      ) : !props.checked ? (
        <p class="utrecht-paragraph">
          De vergelijking is nu niet beschikbaar (de zoekdienst reageert niet). Probeer het straks
          opnieuw; opslaan kan gewoon.
        </p>
      ) : props.similar.length === 0 ? (
        <p class="utrecht-paragraph">
          {props.readOnly
            ? 'Geen vergelijkbare bouwstenen gevonden. Hoe meer tekst (doelen, leeruitkomsten), hoe beter de vergelijking.'
            : 'Geen vergelijkbare bouwstenen van andere PPS gevonden. Hoe meer u invult (leeruitkomsten, trefwoorden), hoe beter de vergelijking.'}
        </p>
      ) : (
        <>
          <p class="utrecht-paragraph">
            {Html.escapeHtml(
              props.similar.length === 1
                ? `Eén bouwsteen ${props.readOnly ? '' : 'van een andere PPS '}lijkt op deze tekst.`
                : `${props.similar.length} bouwstenen ${props.readOnly ? '' : 'van andere PPS '}lijken op deze tekst.`,
            )}{' '}
            {props.readOnly ? '' : 'Kunt u er een hergebruiken of op voortbouwen?'}
          </p>
          <MatchList {...props} matches={props.similar.slice(0, shown)} />
          {props.similar.length > shown ? (
            <details class="similar-more">
              <summary safe>{moreText(props.similar.length - shown)}</summary>
              <MatchList {...props} matches={props.similar.slice(shown)} />
            </details>
          ) : (
            ''
          )}
        </>
      )}
    </div>
  );
}

/** The "meer" disclosure's words: how many more findings it holds. */
export function moreText(more: number): string {
  return more === 1
    ? 'Meer: nog 1 bouwsteen die op deze tekst lijkt'
    : `Meer: nog ${more} bouwstenen die op deze tekst lijken`;
}

/** Findings as the panel lists them: each with why, and the ways on. */
function MatchList(props: {
  matches: SimilarAssetDto[];
  labels: LabelBook;
  draftId?: string;
  readOnly?: boolean;
}): JSX.Element {
  const draft = props.draftId ? `?concept=${props.draftId}` : '';
  return (
    <ul class="match-list">
      {props.matches.map((match) => (
        <li>
          <h3 class="utrecht-heading-3">
            <a class="utrecht-link" href={assetPath(match.id)} safe>
              {match.title}
            </a>
          </h3>
          <p class="utrecht-paragraph site-muted" safe>
            {`${props.labels.kind(match.kind)} van ${match.pps.name} — ${likeness(match.score)}`}
          </p>
          <AlsoPublishedBy siblings={match.alsoPublishedBy} />
          <ul class="utrecht-unordered-list">
            {match.reasons.map((reason) => (
              <li safe>{reasonText(reason, props.labels)}</li>
            ))}
          </ul>
          <div class="match-actions">
            <a class="utrecht-link" href={assetPath(match.id)}>
              Bekijken
              <span class="visually-hidden" safe>
                : {match.title}
              </span>
            </a>
            {props.readOnly ? (
              ''
            ) : (
              <>
                <a
                  class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
                  href={`${assetPath(match.id)}/hergebruiken${draft}`}
                >
                  Hergebruiken
                  <span class="visually-hidden" safe>
                    : {match.title}
                  </span>
                </a>
                <a
                  class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
                  href={`${assetPath(match.id)}/afleiden${draft}`}
                >
                  Afleiden
                  <span class="visually-hidden" safe>
                    : {match.title}
                  </span>
                </a>
              </>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
