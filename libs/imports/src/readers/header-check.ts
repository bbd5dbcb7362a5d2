import { columnNamed } from '../columns';
import { FileNotice } from './source-rows';

/** Control characters and unpaired surrogates. */
const UNSHOWABLE = /[\p{Cc}\p{Cs}]/u;

/**
 * A header must name known columns, each once, and `kind`: a misspelt column would otherwise
 * drop its data without a word, so the file is refused as a whole and the report says which.
 */
export function headerNotices(headers: string[], where = ''): FileNotice[] {
  const notices: FileNotice[] = [];
  const seen = new Set<string>();
  headers.forEach((header, index) => {
    const name = header.trim();
    if (name === '') return;
    const column = columnNamed(name);
    // A NUL cannot be stored in the report's field, nor a control character shown there: the
    // column is named by its place and the name goes in the value, which the report escapes.
    if (UNSHOWABLE.test(name))
      notices.push({
        fatal: true,
        notice: {
          label: where || undefined,
          field: `kolom ${index + 1}`,
          message: `kolom ${index + 1} heeft een naam met een onzichtbaar teken (NUL of een ander stuurteken); gebruik de namen uit het sjabloon`,
          value: name,
        },
      });
    else if (!column)
      notices.push({
        fatal: true,
        notice: {
          label: where || undefined,
          field: name,
          message: `kolom ${index + 1} heeft een onbekende naam; gebruik de namen uit het sjabloon`,
          value: name,
        },
      });
    else if (seen.has(column.name))
      notices.push({
        fatal: true,
        notice: {
          label: where || undefined,
          field: name,
          message: 'deze kolom staat er twee keer',
        },
      });
    else seen.add(column.name);
  });
  if (!seen.has('kind') && headers.some((header) => header.trim() !== ''))
    notices.push({
      fatal: true,
      notice: {
        label: where || undefined,
        field: 'kind',
        message: 'de kolom kind (soort bouwsteen) ontbreekt',
      },
    });
  return notices;
}
