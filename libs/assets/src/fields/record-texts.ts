import type { Vocabulary } from '@bouwsteen/taxonomy/pure';

/**
 * What people read about one field of a building block: its Dutch name and what it asks for,
 * written once here for the form, the import templates, the export and the error messages.
 * Limits are not written here: the help a page or template shows adds them from the DTO's own
 * rules (see FieldCatalogue), so a changed MaxLength changes the help with it.
 */
export interface FieldText {
  /** The field's name where it stands: inside its group ("Begindatum" within "Periode"). */
  label: string;
  /** What it means or how to answer it; never a number the DTO's rules decide. */
  help?: string;
  /** The vocabulary its codes come from. */
  vocabulary?: Vocabulary;
  /** Dutch names of the codes of a fixed choice (the DTO's IsIn list), by code. */
  options?: Readonly<Record<string, string>>;
  /** The name of one entry of a list of records, numbered on pages ("Leeruitkomst 2"). */
  entry?: string;
}

export type FieldTexts = Readonly<Record<string, FieldText>>;

/** A record's texts placed under `path`: one record type (a period) nested in several places. */
export function placed(path: string, own: FieldText, parts: FieldTexts): FieldTexts {
  return {
    [path]: own,
    ...Object.fromEntries(Object.entries(parts).map(([key, text]) => [`${path}.${key}`, text])),
  };
}

export const STUDY_LOAD_TEXTS: FieldTexts = {
  value: { label: 'Hoeveel' },
  unit: {
    label: 'Eenheid',
    options: { hour: 'uur', sbu: 'studiebelastingsuren (sbu)', ects: 'EC (28 uur per EC)' },
  },
};

export const PERIOD_TEXTS: FieldTexts = {
  start: { label: 'Begindatum' },
  end: { label: 'Einddatum', help: 'Niet vóór de begindatum.' },
};
