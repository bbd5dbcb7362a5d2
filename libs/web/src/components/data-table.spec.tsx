import { DataTable } from './data-table';

describe('DataTable', () => {
  const html = DataTable<{ name: string; seats: number }>({
    labelledBy: 'aanbod-titel',
    rows: [{ name: '<b>Lab</b> & co', seats: 12 }],
    columns: [
      { header: 'Naam', text: (row) => row.name },
      { header: 'Plaatsen', numeric: true, text: (row) => String(row.seats) },
      { header: 'Link', render: () => <a href="/x">x</a> },
    ],
  }) as string;

  it('escapes text cells and keeps rendered markup', () => {
    expect(html).toContain('&lt;b>Lab&lt;/b> &amp; co');
    expect(html).toContain('<a href="/x">x</a>');
  });

  it('names the table by its heading and aligns numbers', () => {
    expect(html).toContain('aria-labelledby="aanbod-titel"');
    expect(html).toMatch(
      /<th class="utrecht-table__header-cell" scope="col" role="columnheader">Naam<\/th>/,
    );
    expect(html).toContain('utrecht-table__header-cell--numeric-column');
    expect(html).toContain(
      '<td class="utrecht-table__cell utrecht-table__cell--numeric-data" role="cell" data-label="Plaatsen">12</td>',
    );
  });

  it('names no column beside an empty value (a phone would show "Kolom:" and nothing)', () => {
    const empty = DataTable<{ name: string }>({
      labelledBy: 'x',
      rows: [{ name: '' }],
      columns: [{ header: 'Naam', text: (row) => row.name }],
    }) as string;
    expect(empty).toContain('<td class="utrecht-table__cell" role="cell"></td>');
  });

  it('stacks on a phone with each value named by its column, and stays a table to screen readers', () => {
    expect(html).toContain('site-table--stacks');
    expect(html).toContain(
      '<table class="utrecht-table utrecht-table--html-table site-table--stacks" role="table"',
    );
    expect(html).toContain('data-label="Naam"');
  });
});
