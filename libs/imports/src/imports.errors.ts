import { defineProblems } from '@bouwsteen/common/pure';

export enum ImportError {
  NotFound = 'import-not-found',
  UnsupportedFormat = 'import-unsupported-format',
  TooLarge = 'import-too-large',
  NoFile = 'import-no-file',
  Finished = 'import-finished',
  TemplateNotFound = 'import-template-not-found',
  TooManyWaiting = 'import-too-many-waiting',
  NotRunnable = 'import-not-runnable',
  FileGone = 'import-file-gone',
}

defineProblems<ImportError>('imports', {
  [ImportError.NotFound]: {
    status: 404,
    title: 'Import not found',
    description: 'No import with this id that you may see (your own, or one of a PPS you edit).',
  },
  [ImportError.UnsupportedFormat]: {
    status: 415,
    title: 'Not a file an import reads',
    description:
      'Send CSV (text/csv), Excel (.xlsx) or JSON Lines (application/x-ndjson), as the body or as the multipart field "file".',
  },
  [ImportError.TooLarge]: {
    status: 413,
    title: 'File too large',
    description:
      'The file is larger than IMPORT_MAX_BYTES; split it, or ask the operator to raise the limit.',
  },
  [ImportError.NoFile]: {
    status: 400,
    title: 'No file',
    description:
      'The request carried no file: send it as the body, or as the multipart field "file".',
  },
  [ImportError.TemplateNotFound]: {
    status: 404,
    title: 'No template for this kind',
    description:
      'Templates are all.xlsx, all.csv and, per kind (module, curriculum, infrastructure, practice), <kind>.xlsx and <kind>.csv.',
  },
  [ImportError.TooManyWaiting]: {
    status: 429,
    title: 'Too many imports waiting',
    description:
      'A PPS may have IMPORT_MAX_JOBS_PER_PPS imports waiting or running at once; start this one when one of them has ended.',
  },
  [ImportError.NotRunnable]: {
    status: 409,
    title: 'Not a finished dry run',
    description:
      'Only a dry run that went through its file (status done) can be imported for real; send the file again for any other import.',
  },
  [ImportError.FileGone]: {
    status: 410,
    title: 'The dry run’s file is no longer kept',
    description:
      'A dry run keeps its file for IMPORT_DRY_RUN_KEEP_HOURS, and a PPS keeps those of its IMPORT_MAX_JOBS_PER_PPS newest dry runs only; send the file again.',
  },
  [ImportError.Finished]: {
    status: 409,
    title: 'Import already finished',
    description: 'Only a queued or running import can be cancelled.',
  },
});
