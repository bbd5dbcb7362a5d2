import Html from '@kitajs/html';
import { formatNumber } from '../../format/format';
import { DataTable } from '../data-table';

export interface Bar {
  label: string;
  value: number;
}

const WIDTH = 640;
const LABEL_WIDTH = 300;
const ROW = 28;
const BAR = 18;

/** Labels longer than the column are cut with an ellipsis (the table beneath has them whole). */
function fit(label: string, max = 36): string {
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}

/**
 * A horizontal bar chart as SVG, drawn on the server: a title and a description for screen
 * readers, each bar labelled with its number, and the same numbers as a table beneath (for
 * reading, printing and copying into a report). Bars share one scale: the largest value.
 */
export function BarChart(props: {
  id: string;
  title: string;
  description: string;
  bars: Bar[];
  valueHeader: string;
}): JSX.Element {
  const max = Math.max(1, ...props.bars.map((bar) => bar.value));
  const height = Math.max(ROW, props.bars.length * ROW) + 8;
  const scale = (WIDTH - LABEL_WIDTH - 60) / max;
  return (
    <figure class="chart-figure" aria-labelledby={`${props.id}-titel`}>
      <h3 class="utrecht-heading-3" id={`${props.id}-titel`} safe>
        {props.title}
      </h3>
      {props.bars.length === 0 ? (
        <p class="utrecht-paragraph">Nog geen gegevens.</p>
      ) : (
        <>
          <svg
            class="chart"
            role="img"
            viewBox={`0 0 ${WIDTH} ${height}`}
            width={String(WIDTH)}
            height={String(height)}
            aria-labelledby={`${props.id}-svg-titel ${props.id}-svg-uitleg`}
          >
            <title id={`${props.id}-svg-titel`}>{Html.escapeHtml(props.title)}</title>
            <desc id={`${props.id}-svg-uitleg`}>{Html.escapeHtml(props.description)}</desc>
            {props.bars.map((bar, index) => {
              const y = index * ROW + 4;
              const width = Math.max(bar.value > 0 ? 2 : 0, bar.value * scale);
              return (
                <g>
                  <text x={String(LABEL_WIDTH - 8)} y={String(y + BAR - 4)} text-anchor="end">
                    {Html.escapeHtml(fit(bar.label))}
                  </text>
                  <rect
                    class="chart__bar"
                    x={String(LABEL_WIDTH)}
                    y={String(y)}
                    width={width.toFixed(1)}
                    height={String(BAR)}
                  />
                  <text x={(LABEL_WIDTH + width + 6).toFixed(1)} y={String(y + BAR - 4)}>
                    {Html.escapeHtml(formatNumber(bar.value))}
                  </text>
                </g>
              );
            })}
          </svg>
          <DataTable
            labelledBy={`${props.id}-titel`}
            rows={props.bars}
            columns={[
              { header: 'Wat', text: (bar) => bar.label },
              { header: props.valueHeader, numeric: true, text: (bar) => formatNumber(bar.value) },
            ]}
          />
        </>
      )}
      <figcaption class="visually-hidden" safe>
        {props.description}
      </figcaption>
    </figure>
  );
}
