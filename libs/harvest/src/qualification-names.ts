/**
 * The names of qualification and keuzedeel codes, as QualificationsService.names gives them:
 * looked up once per page of records (never per record) and handed to the record writers. A
 * code the structure does not hold has no name and is shown by its code alone.
 */
export interface QualificationNames {
  /** `dossier`: the crebo is a dossier's, which has no page of its own (its qualifications do). */
  crebos: ReadonlyMap<string, { title: string; dossier?: boolean }>;
  electives: ReadonlyMap<string, { title: string }>;
}

export const NO_QUALIFICATION_NAMES: QualificationNames = {
  crebos: new Map(),
  electives: new Map(),
};

/** A code with its name when the structure holds it. */
export interface NamedCode {
  code: string;
  name?: string;
}

export function namedCodes(
  codes: readonly string[],
  names: ReadonlyMap<string, { title: string }>,
): NamedCode[] {
  return codes.map((code) => {
    const name = names.get(code)?.title;
    return name ? { code, name } : { code };
  });
}

/** Every crebo and keuzedeel code of some rows, for one names look-up. */
export function codesOf(rows: readonly { crebo_codes?: string[]; elective_codes?: string[] }[]): {
  crebos: string[];
  electives: string[];
} {
  return {
    crebos: [...new Set(rows.flatMap((row) => row.crebo_codes ?? []))],
    electives: [...new Set(rows.flatMap((row) => row.elective_codes ?? []))],
  };
}
