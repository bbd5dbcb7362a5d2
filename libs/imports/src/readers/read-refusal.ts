import { FileNotice } from './source-rows';

/**
 * Why a reader stops reading a file: a bound of the import's read limits was passed, or the
 * file is not what its format says. The message is Dutch and names no byte of the file's
 * content that could not be stored or shown; it ends the job as "Het bestand is niet
 * ingelezen: <message>". Readers throw it inside and turn it into a fatal notice at their edge.
 */
export class ReadRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReadRefusal';
  }
}

/** The .xlsx file is not what its format says (not a zip, a part missing, broken XML). */
export function notXlsx(detail: string): ReadRefusal {
  return new ReadRefusal(`het bestand is geen leesbaar Excel-bestand (.xlsx): ${detail}`);
}

export function refusalNotice(error: ReadRefusal, label?: string): FileNotice {
  return { fatal: true, notice: { label, field: '', message: error.message } };
}

/** Numbers in messages as Dutch readers write them: 1.048.576. */
export function dutchNumber(value: number): string {
  return value.toLocaleString('nl-NL');
}
