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

/** A chart's title at the level the page's outline needs. */
export function ChartHeading(props: { level: 2 | 3; id: string; title: string }): JSX.Element {
  return props.level === 2 ? (
    <h2 class="utrecht-heading-2" id={props.id} safe>
      {props.title}
    </h2>
  ) : (
    <h3 class="utrecht-heading-3" id={props.id} safe>
      {props.title}
    </h3>
  );
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
  /**
   * When given, bars of 0 are left out of the chart and its table and named in one sentence
   * after this text instead ("Nog niets gepubliceerd: A, B."): a long tail of empty bars
   * says less than their names.
   */
  zeroNote?: string;
  /** The title's heading level: 3 under a section's heading (the default), 2 on its own. */
  level?: 2 | 3;
}): JSX.Element {
  const sorted = sortBars(props.bars);
  const bars = props.zeroNote ? sorted.filter((bar) => bar.value > 0) : sorted;
  const zeros = props.zeroNote
    ? sorted
        .filter((bar) => bar.value <= 0)
        .map((bar) => bar.label)
        .sort((a, b) => a.localeCompare(b, 'nl'))
    : [];
  const max = Math.max(0, ...bars.map((bar) => bar.value));
  const titleId = `${props.id}-titel`;
  return (
    <figure class="chart-figure" id={props.id}>
      <figcaption>
        <ChartHeading level={props.level ?? 3} id={titleId} title={props.title} />
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
      {zeros.length ? (
        <p class="utrecht-paragraph chart-figure__zeros" safe>
          {`${props.zeroNote}: ${zeros.join(', ')}.`}
        </p>
      ) : (
        ''
      )}
    </figure>
  );
}
