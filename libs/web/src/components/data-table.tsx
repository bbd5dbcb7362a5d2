import Html from '@kitajs/html';

/**
 * A column: its header, and either plain text (escaped here) or markup the caller built with
 * escaping templates. Numbers align right, as the NL Design System table expects.
 */
export type Column<T> = { header: string; numeric?: boolean } & (
  | { text: (row: T) => string }
  | { render: (row: T) => JSX.Element }
);

/** An NL Design System table, named by the heading with id `labelledBy`. */
export function DataTable<T>(props: {
  labelledBy: string;
  columns: Column<T>[];
  rows: readonly T[];
}): JSX.Element {
  const { columns } = props;
  return (
    // A table wider than a phone scrolls sideways: as a named region in the tab order, so it can
    // be scrolled by keyboard too (WCAG 2.1.1).
    <div
      class="utrecht-table-container"
      role="region"
      tabindex="0"
      aria-labelledby={props.labelledBy}
    >
      <table class="utrecht-table utrecht-table--html-table" aria-labelledby={props.labelledBy}>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            {columns.map((column) => (
              <th
                class={`utrecht-table__header-cell${column.numeric ? ' utrecht-table__header-cell--numeric-column' : ''}`}
                scope="col"
                safe
              >
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {props.rows.map((row) => (
            <tr class="utrecht-table__row">
              {columns.map((column) => (
                <td
                  class={`utrecht-table__cell${column.numeric ? ' utrecht-table__cell--numeric-data' : ''}`}
                >
                  {'text' in column ? Html.escapeHtml(column.text(row)) : column.render(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
