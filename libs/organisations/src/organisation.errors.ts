import { defineProblems } from '@bouwsteen/common/pure';

export enum OrganisationError {
  NotFound = 'organisation-not-found',
  PpsNotFound = 'pps-not-found',
  OrganisationExists = 'organisation-exists',
  PpsExists = 'pps-exists',
  DomainTaken = 'organisation-domain-taken',
}

defineProblems<OrganisationError>('organisations', {
  [OrganisationError.NotFound]: {
    status: 404,
    title: 'Organisation not found',
    description: 'No organisation with this id.',
  },
  [OrganisationError.PpsNotFound]: {
    status: 404,
    title: 'PPS not found',
    description: 'No PPS with this id.',
  },
  [OrganisationError.OrganisationExists]: {
    status: 409,
    title: 'Organisation exists',
    description:
      'This name (or alias) already names an organisation, written differently perhaps ("ROC Nova College" is "Nova College"); detail gives its id.',
  },
  [OrganisationError.PpsExists]: {
    status: 409,
    title: 'PPS exists',
    description: 'A PPS with this name exists already.',
  },
  [OrganisationError.DomainTaken]: {
    status: 409,
    title: 'Domain belongs to another organisation',
    description:
      'A home organisation domain belongs to one organisation at most; detail names the domain and the organisation that lists it.',
  },
});
