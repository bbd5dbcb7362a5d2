import { defineProblems } from '@bouwsteen/common/pure';

export enum ReuseError {
  NotFound = 'reuse-not-found',
  OwnAsset = 'own-asset',
  ReuseExists = 'reuse-exists',
}

defineProblems<ReuseError>('reuse', {
  [ReuseError.NotFound]: {
    status: 404,
    title: 'Reuse record not found',
    description: 'No reuse record with this id.',
  },
  [ReuseError.OwnAsset]: {
    status: 409,
    title: 'Own asset',
    description: 'A PPS does not reuse its own asset; reuse records adoption by others.',
  },
  [ReuseError.ReuseExists]: {
    status: 409,
    title: 'Reuse already recorded',
    description:
      'This adopter already recorded reuse of this version of the asset in this context.',
  },
});
