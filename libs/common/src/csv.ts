/** RFC 4180 CSV with a header row; values that could start a spreadsheet formula are defused. */
export function toCsv(rows: Record<string, unknown>[]): string {
  if (rows.length === 0) return '';
  const columns = Object.keys(rows[0]);
  const cell = (value: unknown): string => {
    let text = Array.isArray(value)
      ? value.join('; ')
      : value === null || value === undefined
        ? ''
        : String(value);
    if (/^[=+\-@]/.test(text)) text = `'${text}`;
    return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return (
    [
      columns.join(','),
      ...rows.map((row) => columns.map((column) => cell(row[column])).join(',')),
    ].join('\r\n') + '\r\n'
  );
}
