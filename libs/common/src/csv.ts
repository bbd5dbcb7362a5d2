/**
 * A spreadsheet treats a cell that starts with = + - @ (also after leading spaces), a tab or a
 * carriage return as a formula or strips to one; such cells get a leading apostrophe, so an
 * opened export never runs what someone typed into a title (OWASP "CSV injection").
 */
const FORMULA_START = /^(?:[\t\r]|\s*[=+\-@])/;

/** The text as a spreadsheet may show it without running it. */
export function defuseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** RFC 4180 CSV with a header row; values that could start a spreadsheet formula are defused. */
export function toCsv(
  rows: Record<string, unknown>[],
  // Named when the file must say its columns even without rows (a spreadsheet opens it the same).
  columns: string[] = rows.length ? Object.keys(rows[0]) : [],
): string {
  if (columns.length === 0) return '';
  const cell = (value: unknown): string => {
    let text = Array.isArray(value)
      ? value.join('; ')
      : value === null || value === undefined
        ? ''
        : String(value);
    text = defuseFormula(text);
    return /[",\r\n;\t]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return (
    [
      columns.join(','),
      ...rows.map((row) => columns.map((column) => cell(row[column])).join(',')),
    ].join('\r\n') + '\r\n'
  );
}
