import { defineProblems } from '@bouwsteen/common/pure';

export enum QualificationError {
  NotFound = 'qualification-not-found',
  FileRefused = 'qualification-file-refused',
  FileTooLarge = 'qualification-file-too-large',
  ElectiveNotFound = 'elective-not-found',
}

defineProblems<QualificationError>('qualifications', {
  [QualificationError.NotFound]: {
    status: 404,
    title: 'Qualification not found',
    description:
      'No qualification with this crebo code is in the imported qualification structure.',
  },
  [QualificationError.FileRefused]: {
    status: 422,
    title: 'Not a qualification file that can be read',
    description:
      "The file is not SBB's XML of the qualification structure (root <sbb> with <dossiers> or <keuzedelen>), is not well-formed, holds a DOCTYPE, or holds nothing to import; `reason` says which.",
  },
  [QualificationError.FileTooLarge]: {
    status: 413,
    title: 'Qualification file too large',
    description:
      "The file is larger than the 64 MiB a qualification file may be (SBB's full export is far smaller).",
  },
  [QualificationError.ElectiveNotFound]: {
    status: 404,
    title: 'Keuzedeel not found',
    description: 'No keuzedeel with this code is in the imported qualification structure.',
  },
});
