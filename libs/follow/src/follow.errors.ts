import { defineProblems } from '@bouwsteen/common/pure';

export enum FollowError {
  NotificationNotFound = 'notification-not-found',
  WebhookNotFound = 'webhook-not-found',
  WebhookLimitReached = 'webhook-limit-reached',
}

defineProblems<FollowError>('follow', {
  [FollowError.NotificationNotFound]: {
    status: 404,
    title: 'Notification not found',
    description: 'No notification of yours with this id.',
  },
  [FollowError.WebhookNotFound]: {
    status: 404,
    title: 'Webhook not found',
    description: 'No webhook of yours with this id.',
  },
  [FollowError.WebhookLimitReached]: {
    status: 409,
    title: 'Too many webhooks',
    description: 'An account has at most 5 webhooks; remove one first.',
  },
});
