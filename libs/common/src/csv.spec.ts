import { toCsv } from './csv';

const cellOf = (value: unknown) => toCsv([{ value }]).split('\r\n')[1];

describe('toCsv', () => {
  it('writes a header and quotes what needs quoting', () => {
    expect(toCsv([{ a: 'x', b: 'met, komma' }])).toBe('a,b\r\nx,"met, komma"\r\n');
    // Without rows, the named columns still head the file.
    expect(toCsv([], ['a', 'b'])).toBe('a,b\r\n');
    expect(toCsv([])).toBe('');
    expect(cellOf('zegt "hallo"')).toBe('"zegt ""hallo"""');
    expect(cellOf(['a', 'b'])).toBe('"a; b"');
    expect(cellOf(null)).toBe('');
  });

  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+31 6 1234', "'+31 6 1234"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1+1', `"'\t=1+1"`],
    ['\r=1+1', `"'\r=1+1"`],
    ['  =1+1', "'  =1+1"],
  ])('defuses %j', (value, cell) => {
    expect(cellOf(value)).toBe(cell);
  });

  it('leaves ordinary text alone', () => {
    expect(cellOf('Hydrauliek voor monteurs')).toBe('Hydrauliek voor monteurs');
    expect(cellOf(42)).toBe('42');
  });
});
