/**
 * What an SBB qualification file holds once read: dossiers with their qualifications, core tasks
 * (kerntaken) and work processes (werkprocessen), and keuzedelen. Pure data; the parser is in
 * sbb-xml.ts, the rules on codes here.
 */

export interface WorkProcess {
  /** B1-K1-W1 (basisdeel) or P1-K1-W1 (profieldeel): numbered in the file's order. */
  code: string;
  title: string;
}

export interface CoreTask {
  /** B1-K1 or P1-K1. */
  code: string;
  title: string;
  workProcesses: WorkProcess[];
}

export interface Qualification {
  /** The qualification's crebo code (5 digits). */
  crebo: string;
  title: string;
  /** mbo level 1–4; null when the file does not say. */
  level: number | null;
  validFrom: string | null;
  intakeEnds: string | null;
  /** The profile's own core tasks (profieldeel); the dossier's basisdeel is shared. */
  coreTasks: CoreTask[];
}

export interface Dossier {
  /** The dossier's crebo code (5 digits). */
  crebo: string;
  title: string;
  version: string | null;
  status: string | null;
  validFrom: string | null;
  intakeEnds: string | null;
  /** The basisdeel: core tasks every qualification of the dossier shares. */
  coreTasks: CoreTask[];
  qualifications: Qualification[];
}

export interface Elective {
  /** K + 4 digits. */
  code: string;
  title: string;
  studyLoadSbu: number | null;
  level: number | null;
  /** Whether an mbo-certificaat is attached (meant for upskilling workers). */
  certificate: boolean;
  validFrom: string | null;
  validUntil: string | null;
  /** Crebo codes of the qualifications it may be combined with. */
  crebos: string[];
}

export interface QualificationFile {
  dossiers: Dossier[];
  electives: Elective[];
  /** What was left out and why, in Dutch, one line each (shown to the operator). */
  warnings: string[];
}

export const CREBO = /^[0-9]{5}$/;
export const ELECTIVE_CODE = /^K[0-9]{4}$/;

/** Counts of a file, as the import page and the CLI tell them. */
export function fileCounts(file: QualificationFile): {
  dossiers: number;
  qualifications: number;
  electives: number;
} {
  return {
    dossiers: file.dossiers.length,
    qualifications: file.dossiers.reduce((sum, dossier) => sum + dossier.qualifications.length, 0),
    electives: file.electives.length,
  };
}
