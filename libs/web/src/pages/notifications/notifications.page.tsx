import Html from '@kitajs/html';
import { Injectable } from '@nestjs/common';
import type { Principal } from '@bouwsteen/auth';
import { FollowService, NotificationQueryDto } from '@bouwsteen/follow';
import { NOTIFICATIONS_PATH, NotificationList } from '../../components/notification-list';
import { Pagination } from '../../components/pagination';
import { StatusNotice } from '../../components/status-notice';
import { FormTokenField } from '../../forms/form-token';
import type { PageAnswer } from '../../http/page-answer';
import { safeReturnPath } from '../../http/page-answer';
import type { PageContext } from '../../http/page-context';
import { SiteRenderer } from '../../layout/site-renderer';

type Form = Record<string, unknown>;

const PAGE_SIZE = 25;
/** Pages one can open (25 a page: the newest 10,000 notifications). */
const MAX_PAGE = 400;

const NOTICES: Record<string, string> = {
  'alles-gelezen': 'Al uw meldingen staan nu op gelezen.',
};

/** What the page lists: everything, or only what is unread (?alleen=ongelezen). */
interface View {
  unreadOnly: boolean;
  pageNumber: number;
}

function viewOf(query: Form): View {
  const number = Math.floor(Number(query.pagina));
  return {
    unreadOnly: query.alleen === 'ongelezen',
    pageNumber: Number.isFinite(number) ? Math.min(Math.max(number, 1), MAX_PAGE) : 1,
  };
}

function viewHref(view: View): string {
  const params = new URLSearchParams();
  if (view.unreadOnly) params.set('alleen', 'ongelezen');
  if (view.pageNumber > 1) params.set('pagina', String(view.pageNumber));
  const query = params.toString();
  return `${NOTIFICATIONS_PATH}${query ? `?${query}` : ''}`;
}

/**
 * "Meldingen", for everyone signed in: what follow told them (new versions and archiving of
 * what they follow or reuse, reviews of their PPS's blocks, new blocks for their saved
 * searches), newest first and paged, unread ones marked; marking one or all read are forms
 * (FollowService, as GET and POST /me/notifications… do), so the page works without JavaScript.
 */
@Injectable()
export class NotificationsPage {
  constructor(
    private readonly site: SiteRenderer,
    private readonly follow: FollowService,
  ) {}

  async render(page: PageContext, principal: Principal, query: Form): Promise<string> {
    const view = viewOf(query);
    const ask = (unread: boolean, pageSize: number, pageNumber: number) =>
      this.follow.notifications(
        principal,
        Object.assign(new NotificationQueryDto(), { unread, pageSize, pageNumber }),
      );
    // The unread count and the newest unread one ("alles gelezen" goes up to it); the count of
    // all only when the page lists the unread ones.
    const [shown, unread, everything] = await Promise.all([
      ask(view.unreadOnly, PAGE_SIZE, view.pageNumber),
      ask(true, 1, 1),
      view.unreadOnly ? ask(false, 1, 1) : undefined,
    ]);
    const totals = { all: (everything ?? shown).totalItems, unread: unread.totalItems };
    const here = `${viewHref(view)}#meldingen-lijst`;
    const notice = typeof query.melding === 'string' ? NOTICES[query.melding] : undefined;
    return this.site.page(
      page,
      {
        title: 'Meldingen',
        description:
          'Nieuwe versies van wat u volgt, reviews en nieuwe bouwstenen bij uw zoekopdrachten.',
        canonicalPath: NOTIFICATIONS_PATH,
        section: 'meldingen',
        noindex: true,
      },
      <>
        <h1 class="utrecht-heading-1">Meldingen</h1>
        <StatusNotice text={notice} />
        <p class="utrecht-paragraph">
          Hier leest u wat er veranderde aan bouwstenen en PPS die u volgt of hergebruikt, nieuwe
          reviews van bouwstenen van uw PPS en nieuwe bouwstenen bij{' '}
          <a class="utrecht-link" href="/mijn-zoekopdrachten">
            uw bewaarde zoekopdrachten
          </a>{' '}
          met meldingen aan. Of u ze ook per e-mail krijgt, kiest u bij{' '}
          <a class="utrecht-link" href="/mijn-account/e-mail">
            E-mailinstellingen
          </a>
          .
        </p>
        <nav aria-label="Welke meldingen">
          <ul class="status-tabs search-tabs">
            <li>
              <a
                href={viewHref({ unreadOnly: false, pageNumber: 1 })}
                aria-current={view.unreadOnly ? undefined : 'page'}
              >
                {Html.escapeHtml(`Alle (${totals.all})`)}
              </a>
            </li>
            <li>
              <a
                href={viewHref({ unreadOnly: true, pageNumber: 1 })}
                aria-current={view.unreadOnly ? 'page' : undefined}
              >
                {Html.escapeHtml(`Ongelezen (${totals.unread})`)}
              </a>
            </li>
          </ul>
        </nav>
        {unread.items.length ? (
          <form method="post" action={`${NOTIFICATIONS_PATH}/alles-gelezen`} class="site-form">
            <FormTokenField page={page} />
            {/* Up to the newest unread one shown now: what arrives meanwhile stays unread. */}
            <input type="hidden" name="tot" value={justAfter(unread.items[0].createdAt)} />
            <div>
              <button type="submit" class="utrecht-button utrecht-button--secondary-action">
                Markeer alles als gelezen
              </button>
            </div>
          </form>
        ) : (
          ''
        )}
        <section id="meldingen-lijst" aria-labelledby="meldingen-lijst-titel">
          <h2 class="visually-hidden" id="meldingen-lijst-titel">
            {view.unreadOnly ? 'Ongelezen meldingen' : 'Alle meldingen'}
          </h2>
          {shown.items.length ? (
            <NotificationList items={shown.items} page={page} back={here} />
          ) : (
            <Empty view={view} total={shown.totalItems} lastPage={shown.totalPages} />
          )}
          <Pagination
            current={shown.pageNumber}
            total={Math.min(shown.totalPages, MAX_PAGE)}
            href={(pageNumber) => viewHref({ ...view, pageNumber })}
            label="Pagina's meldingen"
          />
        </section>
      </>,
    );
  }

  /** "Markeer als gelezen": one's own only (another's id: 404), then back where it was pressed. */
  async markRead(principal: Principal, id: string, body: Form): Promise<PageAnswer> {
    await this.follow.markRead(principal, id);
    return { redirect: safeReturnPath(body.terug, `${NOTIFICATIONS_PATH}#meldingen-lijst`) };
  }

  /** "Alles gelezen": every unread one up to the instant the page showed (all, without it). */
  async markAllRead(principal: Principal, body: Form): Promise<PageAnswer> {
    const upTo =
      typeof body.tot === 'string' && !Number.isNaN(Date.parse(body.tot)) ? body.tot : undefined;
    await this.follow.markAllRead(principal, { upTo });
    return { redirect: `${NOTIFICATIONS_PATH}?melding=alles-gelezen` };
  }
}

/**
 * An instant a millisecond after `createdAt`: the API gives milliseconds, the database keeps
 * microseconds, so the newest shown notification itself is not left out.
 */
function justAfter(createdAt: string): string {
  return new Date(new Date(createdAt).getTime() + 1).toISOString();
}

function Empty({
  view,
  total,
  lastPage,
}: {
  view: View;
  total: number;
  lastPage: number;
}): JSX.Element {
  if (total > 0)
    return (
      <p class="utrecht-paragraph">
        Op deze pagina staan geen meldingen meer.{' '}
        <a
          class="utrecht-link"
          href={viewHref({ ...view, pageNumber: Math.min(lastPage, MAX_PAGE) })}
        >
          Naar de laatste pagina
        </a>
      </p>
    );
  if (view.unreadOnly) return <p class="utrecht-paragraph">U heeft geen ongelezen meldingen.</p>;
  return (
    <p class="utrecht-paragraph">
      U heeft nog geen meldingen. Volg een bouwsteen of een PPS (op zijn pagina), of zet meldingen
      aan bij een bewaarde zoekopdracht: dan leest u hier wat er nieuw is.
    </p>
  );
}
