/**
 * Repeated values in one spreadsheet cell: values separated by `;`, a record's parts by `|`, a
 * list inside a part by `,`. A backslash keeps the next character as it is (`\;` is a
 * semicolon in a value, `\ ` a space the value starts or ends with, where spaces around a
 * separator are otherwise dropped), so an export always reads back as what it wrote. Plain
 * text cells are never unescaped: only list cells use this.
 */
export const VALUE_SEPARATOR = ';';
export const PART_SEPARATOR = '|';
export const INNER_SEPARATOR = ',';

/** Splits on `separator` outside escapes; parts are trimmed and unescaped only when `last`. */
export function splitCell(cell: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let index = 0; index < cell.length; index++) {
    const char = cell[index];
    if (char === '\\' && index + 1 < cell.length) {
      // Kept escaped: a later split (parts, inner lists) must still see it as text.
      current += char + cell[++index];
    } else if (char === separator) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts.map(trimUnescaped);
}

/** Spaces around a part go; an escaped one (`\ `) at its end is part of the value. */
function trimUnescaped(part: string): string {
  const start = part.length - part.trimStart().length;
  let end = part.length;
  while (end > start && /\s/.test(part[end - 1])) {
    let backslashes = 0;
    while (end - 2 - backslashes >= start && part[end - 2 - backslashes] === '\\') backslashes++;
    if (backslashes % 2 === 1) break;
    end--;
  }
  return part.slice(start, end);
}

/** Removes the escapes once a value has been split out for good. */
export function unescapeValue(value: string): string {
  return value.replace(/\\([\s\S])/g, '$1');
}

export function escapeValue(value: string): string {
  // Spaces (line breaks, tabs) a value starts or ends with would be taken for the ones around
  // a separator: escaped, they read back.
  const start = value.length - value.trimStart().length;
  const end = Math.max(start, value.trimEnd().length);
  const every = (text: string) => text.replace(/[\s\S]/g, (char) => `\\${char}`);
  return (
    every(value.slice(0, start)) +
    value.slice(start, end).replace(/[\\;|,]/g, (char) => `\\${char}`) +
    every(value.slice(end))
  );
}

/** Values of a list cell, empty ones dropped. */
export function listValues(cell: string): string[] {
  return splitCell(cell, VALUE_SEPARATOR)
    .filter((value) => value !== '')
    .map(unescapeValue);
}

/** Records of a records cell, each as its parts (still escaped for an inner list). */
export function recordValues(cell: string): string[][] {
  return splitCell(cell, VALUE_SEPARATOR)
    .filter((record) => record !== '')
    .map((record) => splitCell(record, PART_SEPARATOR));
}

export function innerValues(part: string): string[] {
  return splitCell(part, INNER_SEPARATOR)
    .filter((value) => value !== '')
    .map(unescapeValue);
}

export function joinList(values: string[]): string {
  return values.map(escapeValue).join(`${VALUE_SEPARATOR} `);
}

/** Records back into a cell; trailing empty parts are left off. */
export function joinRecords(records: string[][]): string {
  return records
    .map((parts) => {
      const trimmed = [...parts];
      while (trimmed.length > 1 && trimmed[trimmed.length - 1] === '') trimmed.pop();
      return trimmed.join(` ${PART_SEPARATOR} `);
    })
    .join(`${VALUE_SEPARATOR} `);
}
