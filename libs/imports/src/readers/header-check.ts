import { columnNamed } from '../columns';
import { FileNotice } from './source-rows';

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
    if (!column)
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
