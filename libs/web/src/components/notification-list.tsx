import type { NotificationDto } from '@bouwsteen/follow';
import { FormTokenField } from '../forms/form-token';
import { formatDate } from '../format/format';
import type { PageContext } from '../http/page-context';
import { assetPath } from './asset-card';

/** Where "Meldingen" lives, and where marking one (or all) read posts to. */
export const NOTIFICATIONS_PATH = '/mijn-meldingen';

/** Where a notification leads: a saved search's results, else the block it is about. */
export function notificationHref(item: NotificationDto): string {
  return item.link ?? (item.assetId ? assetPath(item.assetId) : '/mijn-zoekopdrachten');
}

/**
 * Notifications newest first, each its Dutch message as a link, why one is told and when; an
 * unread one is marked "Nieuw" (in words, not by weight alone) and has a "Gelezen" form that
 * works without JavaScript and comes back to `back` (this page, at this place). For
 * /mijn-meldingen and the short list on /mijn-pps alike.
 */
export function NotificationList({
  items,
  page,
  back,
}: {
  items: NotificationDto[];
  page: PageContext;
  back: string;
}): JSX.Element {
  return (
    <ul class="plain-list notification-list">
      {items.map((item) => (
        <li class={`notification-entry ${item.readAt ? 'is-read' : 'is-unread'}`}>
          <p class="notification-entry__message">
            {item.readAt ? (
              ''
            ) : (
              <>
                <span class="notification-entry__new">
                  Nieuw<span class="visually-hidden">:</span>
                </span>{' '}
              </>
            )}
            <a class="utrecht-link" href={notificationHref(item)} safe>
              {item.message}
            </a>
          </p>
          <p class="notification-entry__why site-muted" safe>
            {`${formatDate(item.createdAt)} · ${item.reason}`}
          </p>
          {item.readAt ? (
            ''
          ) : (
            <form
              method="post"
              action={`${NOTIFICATIONS_PATH}/${item.id}/gelezen`}
              class="inline-form"
            >
              <FormTokenField page={page} />
              <input type="hidden" name="terug" value={back} />
              <button type="submit" class="utrecht-button utrecht-button--subtle">
                Markeer als gelezen
                <span class="visually-hidden" safe>
                  : {item.message}
                </span>
              </button>
            </form>
          )}
        </li>
      ))}
    </ul>
  );
}
