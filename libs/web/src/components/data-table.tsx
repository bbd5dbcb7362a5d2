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
    // On a phone each row stacks as a card, every value beside its column's name (site.css,
    // .site-table--stacks; the roles keep it a table for screen readers when it is laid out as
    // blocks). Wider, it is a table; one still wider than its room scrolls sideways as a named
    // region in the tab order, so it can be scrolled by keyboard too (WCAG 2.1.1).
    <div
      class="utrecht-table-container"
      role="region"
      tabindex="0"
      aria-labelledby={props.labelledBy}
    >
      <table
        class="utrecht-table utrecht-table--html-table site-table--stacks"
        role="table"
        aria-labelledby={props.labelledBy}
      >
        <thead class="utrecht-table__header" role="rowgroup">
          <tr class="utrecht-table__row" role="row">
            {columns.map((column) => (
              <th
                class={`utrecht-table__header-cell${column.numeric ? ' utrecht-table__header-cell--numeric-column' : ''}`}
                scope="col"
                role="columnheader"
                safe
              >
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="utrecht-table__body" role="rowgroup">
          {props.rows.map((row) => (
            <tr class="utrecht-table__row" role="row">
              {columns.map((column) => {
                const text = 'text' in column ? column.text(row) : undefined;
                return (
                  // An empty text cell has no label: on a phone it would read "Kolom:" and nothing.
                  <td
                    class={`utrecht-table__cell${column.numeric ? ' utrecht-table__cell--numeric-data' : ''}`}
                    role="cell"
                    data-label={text === '' ? undefined : column.header}
                  >
                    {'render' in column ? column.render(row) : Html.escapeHtml(text ?? '')}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
