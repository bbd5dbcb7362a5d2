import type { MailType } from './mail-types';

/**
 * How an in-app notification becomes mail: its kind's mail type (the preference it falls
 * under) and the words around its own Dutch message. A new notification kind needs one entry
 * here (and its writer emits follow's NotificationEvents); a kind without one is not mailed.
 */
export interface NotificationTemplate {
  mailType: MailType;
  /** The subject of a mail holding only this notification. */
  subject: string;
  /** The digest's heading over notifications of this kind. */
  heading: string;
}

export const NOTIFICATION_TEMPLATES: Record<string, NotificationTemplate> = {
  'new-version': {
    mailType: 'new-version',
    subject: 'Nieuwe versie van een bouwsteen die u volgt',
    heading: 'Nieuwe versies',
  },
  archived: {
    mailType: 'new-version',
    subject: 'Een bouwsteen die u volgt is gearchiveerd',
    heading: 'Gearchiveerd',
  },
  review: {
    mailType: 'review',
    subject: 'Een nieuwe review van uw bouwsteen',
    heading: 'Reviews van uw bouwstenen',
  },
  'saved-search': {
    mailType: 'saved-search',
    subject: 'Nieuwe bouwsteen bij uw bewaarde zoekopdracht',
    heading: 'Nieuw bij uw bewaarde zoekopdrachten',
  },
};

export function notificationTemplate(kind: string): NotificationTemplate | undefined {
  return Object.hasOwn(NOTIFICATION_TEMPLATES, kind) ? NOTIFICATION_TEMPLATES[kind] : undefined;
}
