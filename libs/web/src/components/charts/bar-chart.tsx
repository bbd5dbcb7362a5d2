import Html from '@kitajs/html';
import { formatNumber } from '../../format/format';
import { DataTable } from '../data-table';

export interface Bar {
  label: string;
  value: number;
  /** Where the label leads (a building block's or a report's page), when it has a page. */
  href?: string;
}

/** Largest first; equal values in name order, so the picture is the same on every visit. */
export function sortBars(bars: readonly Bar[]): Bar[] {
  return [...bars].sort((a, b) => b.value - a.value || a.label.localeCompare(b.label, 'nl'));
}

/**
 * A bar's length as one of the width classes of charts.css (0–100 % in steps of 2): the page's
 * CSP forbids style attributes, so a width cannot be written on the element itself. A value
 * above zero always shows at least a sliver.
 */
export function barWidthClass(value: number, max: number): string {
  if (value <= 0 || max <= 0) return 'bar-w0';
  const steps = Math.round((Math.min(value, max) / max) * 50);
  return `bar-w${Math.max(1, steps) * 2}`;
}

/**
 * A horizontal bar chart in HTML and CSS: text is page text, so it stays readable at any width
 * (an SVG's text shrinks with the drawing on a phone). Bars share one scale, the largest value,
 * and come largest first. The same numbers are a table behind "Toon tabel", for screen readers
 * that prefer tables, printing and copying into a report.
 */
export function BarChart(props: {
  id: string;
  title: string;
  description: string;
  bars: readonly Bar[];
  valueHeader: string;
  labelHeader?: string;
}): JSX.Element {
  const bars = sortBars(props.bars);
  const max = Math.max(0, ...bars.map((bar) => bar.value));
  const titleId = `${props.id}-titel`;
  return (
    <figure class="chart-figure" id={props.id}>
      <figcaption>
        <h3 class="utrecht-heading-3" id={titleId} safe>
          {props.title}
        </h3>
        <p class="utrecht-paragraph chart-figure__uitleg" safe>
          {props.description}
        </p>
      </figcaption>
      {bars.length === 0 ? (
        <p class="utrecht-paragraph">Nog geen gegevens.</p>
      ) : (
        <>
          <ol class="bar-chart" aria-labelledby={titleId}>
            {bars.map((bar) => (
              <li class="bar-chart__row">
                <span class="bar-chart__label">
                  {bar.href ? (
                    <a class="utrecht-link" href={bar.href} safe>
                      {bar.label}
                    </a>
                  ) : (
                    Html.escapeHtml(bar.label)
                  )}
                </span>
                <span class="bar-chart__value">
                  {Html.escapeHtml(formatNumber(bar.value))}
                  <span class="visually-hidden" safe>{` ${props.valueHeader.toLowerCase()}`}</span>
                </span>
                <span class="bar-chart__track" aria-hidden="true">
                  <span class={`bar-chart__bar ${barWidthClass(bar.value, max)}`}></span>
                </span>
              </li>
            ))}
          </ol>
          <details class="chart-table">
            <summary>
              Toon tabel<span class="visually-hidden" safe>{`: ${props.title}`}</span>
            </summary>
            <DataTable
              labelledBy={titleId}
              rows={bars}
              columns={[
                { header: props.labelHeader ?? 'Naam', text: (bar) => bar.label },
                {
                  header: props.valueHeader,
                  numeric: true,
                  text: (bar) => formatNumber(bar.value),
                },
              ]}
            />
          </details>
        </>
      )}
    </figure>
  );
}
