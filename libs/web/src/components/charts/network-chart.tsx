import Html from '@kitajs/html';
import type { NetworkEdge } from '@bouwsteen/reports';
import { DataTable } from '../data-table';

const WIDTH = 900;
const HEIGHT = 640;
const RADIUS = 240;

/** Where each PPS sits: evenly on a circle, in name order, so the picture is stable between runs. */
export function circleLayout(names: string[]): Map<string, { x: number; y: number }> {
  const sorted = [...new Set(names)].sort((a, b) => a.localeCompare(b, 'nl'));
  return new Map(
    sorted.map((name, index) => {
      const angle = (2 * Math.PI * index) / sorted.length - Math.PI / 2;
      return [
        name,
        { x: WIDTH / 2 + RADIUS * Math.cos(angle), y: HEIGHT / 2 + RADIUS * Math.sin(angle) },
      ];
    }),
  );
}

function short(name: string): string {
  return name.length > 22 ? `${name.slice(0, 21)}…` : name;
}

/**
 * The region's reuse network as SVG: each PPS a point on a circle, each arrow "builds on" from
 * adopter to source, thicker for more reuse. A title and description for screen readers, and
 * every link as a table row beneath.
 */
export function NetworkChart(props: { id: string; edges: NetworkEdge[] }): JSX.Element {
  const layout = circleLayout(props.edges.flatMap((edge) => [edge.sourceName, edge.adopterName]));
  const most = Math.max(1, ...props.edges.map((edge) => edge.reuses + edge.derivatives));
  const description = `${layout.size} PPS en ${props.edges.length} verbindingen: een pijl loopt van de PPS die hergebruikt naar de PPS van wie het werk is. De tabel hieronder noemt elke verbinding.`;
  return (
    <figure class="chart-figure" aria-labelledby={`${props.id}-titel`}>
      <h3 class="utrecht-heading-3" id={`${props.id}-titel`}>
        Wie bouwt voort op wie
      </h3>
      {props.edges.length === 0 ? (
        <p class="utrecht-paragraph">Er is nog geen hergebruik tussen PPS vastgelegd.</p>
      ) : (
        <>
          <svg
            class="chart chart--network"
            role="img"
            viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
            width={String(WIDTH)}
            height={String(HEIGHT)}
            aria-labelledby={`${props.id}-svg-titel ${props.id}-svg-uitleg`}
          >
            <title id={`${props.id}-svg-titel`}>Hergebruiksnetwerk van de PPS</title>
            <desc id={`${props.id}-svg-uitleg`}>{Html.escapeHtml(description)}</desc>
            <defs>
              <marker
                id={`${props.id}-pijl`}
                viewBox="0 0 10 10"
                refX="10"
                refY="5"
                markerWidth="9"
                markerHeight="9"
                markerUnits="userSpaceOnUse"
                orient="auto-start-reverse"
              >
                <path d="M 0 0 L 10 5 L 0 10 z" class="chart__arrow" />
              </marker>
            </defs>
            {props.edges.map((edge) => {
              const from = layout.get(edge.adopterName)!;
              const to = layout.get(edge.sourceName)!;
              // Stop short of the target's dot so the arrowhead stays visible.
              const dx = to.x - from.x;
              const dy = to.y - from.y;
              const length = Math.hypot(dx, dy) || 1;
              const end = { x: to.x - (dx / length) * 9, y: to.y - (dy / length) * 9 };
              const weight = 1 + (3 * (edge.reuses + edge.derivatives)) / most;
              return (
                <line
                  class="chart__edge"
                  x1={from.x.toFixed(1)}
                  y1={from.y.toFixed(1)}
                  x2={end.x.toFixed(1)}
                  y2={end.y.toFixed(1)}
                  stroke-width={weight.toFixed(1)}
                  marker-end={`url(#${props.id}-pijl)`}
                />
              );
            })}
            {[...layout].map(([name, point]) => {
              const right = point.x >= WIDTH / 2;
              return (
                <g>
                  <circle
                    class="chart__node"
                    cx={point.x.toFixed(1)}
                    cy={point.y.toFixed(1)}
                    r="6"
                  />
                  <text
                    x={(point.x + (right ? 10 : -10)).toFixed(1)}
                    y={(point.y + 4).toFixed(1)}
                    text-anchor={right ? 'start' : 'end'}
                  >
                    {Html.escapeHtml(short(name))}
                  </text>
                </g>
              );
            })}
          </svg>
          <DataTable
            labelledBy={`${props.id}-titel`}
            rows={props.edges}
            columns={[
              { header: 'PPS', text: (edge) => edge.adopterName },
              { header: 'bouwt voort op', text: (edge) => edge.sourceName },
              { header: 'Hergebruik', numeric: true, text: (edge) => String(edge.reuses) },
              { header: 'Afgeleid', numeric: true, text: (edge) => String(edge.derivatives) },
            ]}
          />
        </>
      )}
    </figure>
  );
}
