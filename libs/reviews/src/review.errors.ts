import { defineProblems } from '@bouwsteen/common/pure';

export enum ReviewError {
  NotFound = 'review-not-found',
  RoleNotAllowed = 'review-role-not-allowed',
  OwnPps = 'review-own-pps',
  Exists = 'review-exists',
  AssetArchived = 'review-asset-archived',
  AlreadyReplied = 'review-already-replied',
  AlreadyReported = 'review-already-reported',
  NotReported = 'review-not-reported',
  ReportOwnPps = 'review-report-own-pps',
}

defineProblems<ReviewError>('reviews', {
  [ReviewError.NotFound]: {
    status: 404,
    title: 'Review not found',
    description: 'No review with this id on this building block (or no review of yours on it).',
  },
  [ReviewError.RoleNotAllowed]: {
    status: 403,
    title: 'Only teachers write reviews',
    description:
      'Reviews are written by teachers: accounts with the role teacher or pps-editor. LLO offices and admins do not review.',
  },
  [ReviewError.OwnPps]: {
    status: 403,
    title: 'No review of your own PPS’s block',
    description: 'An editor of the PPS that owns the building block cannot review it.',
  },
  [ReviewError.Exists]: {
    status: 409,
    title: 'You already reviewed this block',
    description:
      'One review per building block and person: edit yours with PUT and If-Match (the ETag of GET …/reviews/mine), or withdraw it first.',
  },
  [ReviewError.AssetArchived]: {
    status: 409,
    title: 'Asset archived',
    description: 'An archived building block takes no new reviews or edits. Nothing was stored.',
  },
  [ReviewError.AlreadyReplied]: {
    status: 409,
    title: 'Already replied',
    description: 'The owning PPS replies once per review; this review has its reply.',
  },
  [ReviewError.AlreadyReported]: {
    status: 409,
    title: 'Already reported',
    description: 'You reported this review before; the PPS sees your report.',
  },
  [ReviewError.NotReported]: {
    status: 409,
    title: 'Review not reported',
    description:
      'A PPS hides only a review someone else reported (not a member of the PPS, not the one hiding it); this one has no such report.',
  },
  [ReviewError.ReportOwnPps]: {
    status: 403,
    title: 'No report on your own PPS’s block',
    description:
      'Members of the PPS that owns the building block do not report its reviews: the PPS replies to them, and hides one only when someone else reported it.',
  },
});
