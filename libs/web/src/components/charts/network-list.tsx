import Html from '@kitajs/html';
import type { NetworkEdge } from '@bouwsteen/reports';
import { formatNumber } from '../../format/format';
import { ChartHeading } from './bar-chart';

/** One PPS whose work others took up, with who took it up and how often. */
export interface Source {
  name: string;
  total: number;
  adopters: { name: string; count: number }[];
}

/**
 * The network as an adjacency list: per PPS whose work was reused, the PPS that reused it with
 * how often (recorded reuse plus published derivatives). Most reused first, adopters likewise;
 * equal counts in name order, so the list reads the same on every visit.
 */
export function adjacency(edges: readonly NetworkEdge[]): Source[] {
  const sources = new Map<string, Source>();
  for (const edge of edges) {
    const count = edge.reuses + edge.derivatives;
    if (count <= 0) continue;
    const source = sources.get(edge.sourceId) ?? { name: edge.sourceName, total: 0, adopters: [] };
    source.total += count;
    source.adopters.push({ name: edge.adopterName, count });
    sources.set(edge.sourceId, source);
  }
  const byCount = <T extends { name: string }>(a: T, b: T, x: number, y: number) =>
    y - x || a.name.localeCompare(b.name, 'nl');
  return [...sources.values()]
    .map((source) => ({
      ...source,
      adopters: source.adopters.sort((a, b) => byCount(a, b, a.count, b.count)),
    }))
    .sort((a, b) => byCount(a, b, a.total, b.total));
}

/**
 * Who builds on whom, drawn as text rather than lines: "Techport mbo → hergebruikt door House of
 * Logistics (3), Lelytalent (1)". Names are never cut and text never shrinks, on any screen.
 */
export function NetworkList(props: {
  id: string;
  title: string;
  edges: readonly NetworkEdge[];
  empty: string;
  level?: 2 | 3;
}): JSX.Element {
  const sources = adjacency(props.edges);
  const titleId = `${props.id}-titel`;
  return (
    <section class="network-list" id={props.id} aria-labelledby={titleId}>
      <ChartHeading level={props.level ?? 3} id={titleId} title={props.title} />
      {sources.length === 0 ? (
        <p class="utrecht-paragraph" safe>
          {props.empty}
        </p>
      ) : (
        <>
          <p class="utrecht-paragraph chart-figure__uitleg">
            Per PPS: welke andere PPS haar bouwstenen hergebruikten of er een eigen versie van
            maakten, met hoe vaak tussen haakjes. Wie het vaakst werd hergebruikt, staat bovenaan.
          </p>
          <ul class="network-list__sources">
            {sources.map((source) => (
              <li class="network-list__source">
                <span class="network-list__name" safe>
                  {source.name}
                </span>{' '}
                <span class="network-list__by">
                  <span aria-hidden="true">→</span> hergebruikt door{' '}
                  {Html.escapeHtml(
                    source.adopters
                      .map((adopter) => `${adopter.name} (${formatNumber(adopter.count)})`)
                      .join(', '),
                  )}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
