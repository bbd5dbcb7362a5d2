import { defineProblems } from '@bouwsteen/common/pure';

export enum AssetError {
  NotFound = 'asset-not-found',
  VersionNotFound = 'version-not-found',
  NotPublished = 'not-published',
  NothingToPublish = 'nothing-to-publish',
  NoDraft = 'no-draft',
  Archived = 'asset-archived',
  LicenseForbidsDerivatives = 'license-forbids-derivatives',
}

defineProblems<AssetError>('assets', {
  [AssetError.NotFound]: {
    status: 404,
    title: 'Asset not found',
    description:
      'No asset with this id — or a draft you may not read, which is answered the same way.',
  },
  [AssetError.VersionNotFound]: {
    status: 404,
    title: 'Version not found',
    description: 'The asset has no version with this number that you may read.',
  },
  [AssetError.NotPublished]: {
    status: 409,
    title: 'Not published',
    description:
      'This needs a published asset (archive it, reuse it, derive from it); publish it first or discard the draft.',
  },
  [AssetError.NothingToPublish]: {
    status: 409,
    title: 'Nothing to publish',
    description:
      'There is no draft; edit the asset first, which opens the next version as a draft.',
  },
  [AssetError.NoDraft]: {
    status: 409,
    title: 'No draft',
    description: 'There is no draft to discard.',
  },
  [AssetError.Archived]: {
    status: 409,
    title: 'Asset archived',
    description:
      'An archived asset can no longer be changed or adopted; detail names its successor when there is one.',
  },
  [AssetError.LicenseForbidsDerivatives]: {
    status: 409,
    title: 'The license does not allow derivatives',
    description:
      'The source is ND or all rights reserved: ask its PPS for permission, or record a reuse "as is" instead.',
  },
});
