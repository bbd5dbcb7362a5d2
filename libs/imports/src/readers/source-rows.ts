import type { AssetKind } from '@bouwsteen/assets/pure';
import { RowProblem } from '../row-codec';

/** A row as a file holds it, with where a person finds it and what is wrong with its bytes. */
export interface SourceRow {
  /** "rij 12" or "Modules, rij 12": the place in the file, as the person sees it. */
  label: string;
  /** Spreadsheet and CSV rows: column (the API's path, whatever the header called it) → text. */
  cells?: Record<string, string>;
  /** The kind of the row when it says none (a one-kind template, a sheet named after a kind). */
  kind?: AssetKind;
  /** The columns whose cell was a number in a workbook (not text someone typed separators in). */
  numeric?: string[];
  /** JSON Lines rows: the parsed line. */
  object?: unknown;
  problems: RowProblem[];
}

/** Something about the file rather than a row: an empty sheet, a header no one knows. */
export interface FileNotice {
  notice: RowProblem & { label?: string };
  /** The file cannot be read on (unknown columns, not a spreadsheet): nothing is imported. */
  fatal: boolean;
}

export type SourceItem = SourceRow | FileNotice;

export function isNotice(item: SourceItem): item is FileNotice {
  return 'notice' in item;
}

/** Tells how far into the file the reader is, for the job's progress. */
export type ByteCounter = (bytes: number) => void;

/** A file with no rows at all (a warning: nothing is imported). */
export const EMPTY_FILE = 'het bestand is leeg; vul het sjabloon in en importeer opnieuw';

export const FORMULA_PROBLEM = 'bevat een formule; zet de waarde zelf in de cel';

/** A filled cell right of the last header: its value would otherwise be lost without a word. */
export function outsideHeader(index: number, text: string): RowProblem[] {
  return text.trim() === ''
    ? []
    : [
        {
          field: `kolom ${index + 1}`,
          message:
            'staat buiten de kolommen van de kopregel; geef de kolom een naam in de kopregel, of maak de cel leeg',
          value: text,
        },
      ];
}
