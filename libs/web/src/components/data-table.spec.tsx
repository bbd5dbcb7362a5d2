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
    expect(html).toMatch(/<th class="utrecht-table__header-cell" scope="col">Naam<\/th>/);
    expect(html).toContain('utrecht-table__header-cell--numeric-column');
    expect(html).toContain(
      '<td class="utrecht-table__cell utrecht-table__cell--numeric-data">12</td>',
    );
  });
});
