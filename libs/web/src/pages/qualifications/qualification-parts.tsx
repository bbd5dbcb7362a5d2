import type { ServingBlock } from '@bouwsteen/qualifications';
import { assetPath } from '../../components/asset-card';
import { count, formatNumber } from '../../format/format';

export const qualificationPath = (crebo: string): string => `/kwalificaties/${crebo}`;
export const electivePath = (code: string): string => `/kwalificaties/keuzedelen/${code}`;

/**
 * Names that are never empty: SBB's file may leave a title blank, and a page then still needs
 * a heading, a <title> and link text ("Kwalificatie 25923").
 */
export const qualificationName = (title: string | null | undefined, crebo: string): string =>
  title?.trim() || `Kwalificatie ${crebo}`;
export const dossierName = (title: string | null | undefined, crebo: string): string =>
  title?.trim() || `Dossier ${crebo}`;
/** "K0771 Installeren en onderhouden van warmtepompen", or "Keuzedeel K0771" without a title. */
export const electiveName = (title: string | null | undefined, code: string): string =>
  title?.trim() ? `${code} ${title.trim()}` : `Keuzedeel ${code}`;

/** The link back to the overview, on the pages below it. */
export function BackToOverview(): JSX.Element {
  return (
    <p class="utrecht-paragraph qualification-back">
      <a class="utrecht-link" href="/kwalificaties">
        Alle kwalificaties
      </a>
      {' · '}
      <a class="utrecht-link" href="/kwalificaties/keuzedelen">
        Alle keuzedelen
      </a>
    </p>
  );
}

/** "mbo-niveau 3", or nothing when the file did not say. */
export function levelText(level: number | null): string {
  return level === null ? '' : `mbo-niveau ${level}`;
}

/** "1 curriculum en 2 modules", or that there is no reusable material yet. */
export function materialText(curricula: number, modules: number): string {
  if (curricula === 0 && modules === 0) return 'Nog geen herbruikbaar materiaal';
  return [
    curricula ? count(curricula, 'curriculum', 'curricula') : '',
    modules ? count(modules, 'module', 'modules') : '',
  ]
    .filter(Boolean)
    .join(' en ');
}

/** "3 van 5 keuzedelen met een module". */
export function electivesText(electives: number, withModule: number): string {
  if (electives === 0) return 'Geen keuzedelen bekend';
  return `${withModule} van ${count(electives, 'keuzedeel', 'keuzedelen')} met een module`;
}

/**
 * Said on every qualification page while the data is the bundled illustration: names and
 * codes there are examples, and a teacher must not take them for SBB's.
 */
export function ReferenceNotice(props: { shown: boolean }): JSX.Element {
  if (!props.shown) return '';
  return (
    <div class="utrecht-alert utrecht-alert--warning reference-note" role="note">
      <p class="utrecht-paragraph">
        Voorbeeldgegevens, niet de officiële kwalificatiestructuur van SBB.
      </p>
    </div>
  );
}

/** Blocks as links with their PPS ("Titel — PPS"), each to its page. */
export function BlockList(props: { blocks: readonly ServingBlock[] }): JSX.Element {
  return (
    <ul class="utrecht-unordered-list block-links">
      {props.blocks.map((block) => (
        <li>
          <a class="utrecht-link" href={assetPath(block.id)} safe>
            {block.title}
          </a>{' '}
          <span class="site-muted">
            van{' '}
            <a class="utrecht-link" href={`/pps/${block.ppsId}`} safe>
              {block.ppsName}
            </a>
          </span>
        </li>
      ))}
    </ul>
  );
}

/** "En nog 12 keuzedelen; …" under a list that shows only part of them. */
export function MoreNote(props: { shown: number; total: number; what: string }): JSX.Element {
  if (props.total <= props.shown) return '';
  return (
    <p class="utrecht-paragraph site-muted" safe>
      {`En nog ${formatNumber(props.total - props.shown)} ${props.what}; de pagina toont de eerste ${formatNumber(props.shown)}.`}
    </p>
  );
}
