import type { ServingBlock } from '@bouwsteen/qualifications';
import { assetPath } from '../../components/asset-card';
import { count } from '../../format/format';

export const qualificationPath = (crebo: string): string => `/kwalificaties/${crebo}`;
export const electivePath = (code: string): string => `/kwalificaties/keuzedelen/${code}`;

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
