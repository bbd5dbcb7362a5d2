import { Injectable } from '@nestjs/common';
import { FollowRepository } from '@bouwsteen/follow';
import { RequestsRepository } from '@bouwsteen/requests';
import { MailKeys } from './mail-keys';
import { MailItem } from './mail.repository';
import { isMailType } from './mail-types';
import { notificationTemplate } from './notification-templates';
import { MailEntry } from './templates/mails';

/**
 * What each waiting item says, read from its source when the mail is made (not when it was
 * queued): a request deleted or a notification gone since is left out. One query per kind of
 * source, however many items a digest holds (it read each request and its block's title
 * apart: two queries an item).
 */
@Injectable()
export class MailEntries {
  constructor(
    private readonly follows: FollowRepository,
    private readonly requests: RequestsRepository,
    private readonly keys: MailKeys,
  ) {}

  /** The entries of `items` in their order; an item without one (its source gone) is absent. */
  async of(items: MailItem[]): Promise<Map<string, MailEntry>> {
    const entries = new Map<string, MailEntry>();
    const sourceIds = (source: MailItem['source']) =>
      items.filter((item) => item.source === source).map((item) => item.sourceId);
    const [found, requests] = await Promise.all([
      this.follows.byIds(sourceIds('notification')),
      this.requests.findWithTitles(sourceIds('request')),
    ]);
    const notifications = new Map(found.map((notification) => [notification.id, notification]));
    for (const item of items) {
      if (!isMailType(item.type)) continue;
      if (item.source === 'notification') {
        const notification = notifications.get(item.sourceId);
        const template = notification && notificationTemplate(notification.type);
        if (!notification || !template) continue;
        entries.set(item.id, {
          type: item.type,
          subject: template.subject,
          heading: template.heading,
          line: notification.message,
          detail: `Waarom u dit krijgt: ${notification.reason}.`,
          // A saved search's notification is about several blocks: it links to the search.
          link: notification.link
            ? { href: this.keys.url(notification.link), label: 'Bekijk de nieuwe bouwstenen' }
            : {
                href: this.keys.url(`/bouwstenen/${notification.assetId}`),
                label: 'Bekijk de bouwsteen',
              },
        });
      } else if (item.source === 'request') {
        const request = requests.get(item.sourceId);
        if (!request) continue;
        const about = request.assetTitle;
        entries.set(item.id, {
          type: item.type,
          subject: 'Iemand vraagt uw materiaal',
          heading: 'Verzoeken om materiaal',
          line: about
            ? `${request.name} (${request.organisation}) vraagt om het materiaal van “${about}”.`
            : `${request.name} (${request.organisation}) heeft een vraag voor uw PPS.`,
          detail: 'Lees en beantwoord het verzoek in Mijn PPS.',
          link: { href: this.keys.url('/mijn-pps/verzoeken'), label: 'Naar de verzoeken' },
        });
      }
    }
    return entries;
  }
}
