import Html from '@kitajs/html';
import { Injectable } from '@nestjs/common';
import { AssetsService } from '@bouwsteen/assets';
import { Principal } from '@bouwsteen/auth';
import { PpsService } from '@bouwsteen/organisations';
import { MaterialRequest, RequestsService } from '@bouwsteen/requests';
import { RETENTION_MONTHS } from '@bouwsteen/requests/pure';
import { assetPath } from '../../components/asset-card';
import { Pagination } from '../../components/pagination';
import { StatusNotice } from '../../components/status-notice';
import { FormTokenField } from '../../forms/form-token';
import { count, formatDate, mailtoHref } from '../../format/format';
import type { PageContext } from '../../http/page-context';
import { SiteRenderer } from '../../layout/site-renderer';
import { workingPps } from '../my-pps/my-pps-scope';
import { pageQuery } from '../search-queries';

const PAGE_SIZE = 20;
const MAX_PAGE = 500;

const NOTICES: Record<string, string> = {
  afgehandeld: 'Het verzoek staat nu bij de afgehandelde verzoeken.',
  heropend: 'Het verzoek staat weer open.',
};

/** The inbox's address for a PPS and page. */
export function inboxPath(ppsId: string, pageNumber = 1, notice?: string): string {
  return `/mijn-pps/verzoeken?pps=${ppsId}${pageNumber > 1 ? `&pagina=${pageNumber}` : ''}${notice ? `&melding=${notice}` : ''}`;
}

/**
 * /mijn-pps/verzoeken: the requests for material sent to the lead's PPS, open ones first, paged.
 * Only the PPS's editors and admins get here (workingPps and RequestsService both check).
 */
@Injectable()
export class InboxPage {
  constructor(
    private readonly site: SiteRenderer,
    private readonly pps: PpsService,
    private readonly assets: AssetsService,
    private readonly requests: RequestsService,
  ) {}

  async render(
    page: PageContext,
    principal: Principal,
    query: { pps?: unknown; pagina?: unknown; melding?: unknown },
  ): Promise<string> {
    const pps = workingPps(principal, await this.pps.directory(), query.pps);
    if (!pps) return this.choosePps(page);
    const pageNumber = Math.min(Math.max(Number(query.pagina) || 1, 1), MAX_PAGE);
    const inbox = await this.requests.inbox(principal, pps.id, pageQuery(PAGE_SIZE, pageNumber));
    const assetIds = inbox.items.flatMap((item) => (item.assetId ? [item.assetId] : []));
    const titles = new Map(
      (await this.assets.summaries(principal, assetIds)).map((asset) => [asset.id, asset.title]),
    );
    const notice = typeof query.melding === 'string' ? NOTICES[query.melding] : undefined;
    return this.site.page(
      page,
      {
        title: `Verzoeken om materiaal: ${pps.name}`,
        description: 'Wie vroeg uw PPS om materiaal, en waarvoor.',
        canonicalPath: inboxPath(pps.id),
        section: 'mijn-pps',
        noindex: true,
      },
      <>
        <nav class="utrecht-breadcrumb-nav" aria-label="Kruimelpad">
          <ol class="breadcrumb-list">
            <li>
              <a class="utrecht-link" href={`/mijn-pps?pps=${pps.id}`} safe>
                {`Mijn PPS: ${pps.name}`}
              </a>
            </li>
          </ol>
        </nav>
        <h1 class="utrecht-heading-1">Verzoeken om materiaal</h1>
        <StatusNotice text={notice} />
        <p class="utrecht-paragraph">
          {Html.escapeHtml(
            `${inbox.open === 0 ? 'Geen nieuwe verzoeken.' : `${count(inbox.open, 'nieuw verzoek wacht', 'nieuwe verzoeken wachten')} op antwoord: ze staan bovenaan, gemarkeerd met "Nieuw".`} Antwoord de aanvrager per e-mail en zet het verzoek daarna op afgehandeld. Verzoeken worden na ${RETENTION_MONTHS} maanden verwijderd; alleen de projectleiders van ${pps.name} zien ze.`,
          )}
        </p>
        {inbox.items.length ? (
          <ol class="plain-list request-list">
            {inbox.items.map((item) => (
              <RequestEntry
                item={item}
                about={item.assetId ? titles.get(item.assetId) : undefined}
                page={page}
                back={inboxPath(pps.id, pageNumber)}
              />
            ))}
          </ol>
        ) : (
          <p class="utrecht-paragraph">
            Er zijn nog geen verzoeken. Ze komen binnen via "Zo krijgt u het materiaal" op de
            pagina's van uw bouwstenen en via de pagina van uw PPS.
          </p>
        )}
        <Pagination
          current={inbox.pageNumber}
          total={inbox.totalPages}
          href={(n) => inboxPath(pps.id, n)}
          label="Pagina's verzoeken"
        />
      </>,
    );
  }

  /** An admin who has not picked a PPS picks it in "Mijn PPS" first. */
  private choosePps(page: PageContext): Promise<string> {
    return this.site.page(
      page,
      {
        title: 'Verzoeken om materiaal',
        description: 'Kies eerst de PPS waarvan u de verzoeken wilt zien.',
        canonicalPath: '/mijn-pps/verzoeken',
        section: 'mijn-pps',
        noindex: true,
      },
      <>
        <h1 class="utrecht-heading-1">Verzoeken om materiaal</h1>
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href="/mijn-pps">
            Kies eerst een PPS in Mijn PPS
          </a>
        </p>
      </>,
    );
  }
}

function RequestEntry(props: {
  item: MaterialRequest;
  about: string | undefined;
  page: PageContext;
  back: string;
}): JSX.Element {
  const { item } = props;
  const handled = item.handledAt !== null;
  return (
    <li class={`request-entry${handled ? ' is-handled' : ''}`}>
      <h2 class="utrecht-heading-3">
        {handled ? (
          ''
        ) : (
          <>
            <span class="request-entry__new">
              Nieuw<span class="visually-hidden">:</span>
            </span>{' '}
          </>
        )}
        <span safe>{`${item.name}, ${item.organisation}`}</span>
      </h2>
      <dl class="facts">
        <dt>Verstuurd</dt>
        <dd safe>{formatDate(item.sentAt)}</dd>
        <dt>Over</dt>
        <dd>
          {item.assetId && props.about ? (
            <a class="utrecht-link" href={assetPath(item.assetId)} safe>
              {props.about}
            </a>
          ) : (
            'De PPS (algemene vraag)'
          )}
        </dd>
        <dt>Waarvoor</dt>
        <dd class="site-lines" safe>
          {item.purpose}
        </dd>
        <dt>E-mail</dt>
        <dd>
          <a class="utrecht-link" href={mailtoHref(item.email)} safe>
            {item.email}
          </a>
        </dd>
        <dt>Status</dt>
        <dd>{handled ? `Afgehandeld op ${formatDate(item.handledAt!)}` : 'Wacht op antwoord'}</dd>
      </dl>
      <form method="post" action={`/mijn-pps/verzoeken/${item.id}/afgehandeld`} class="inline-form">
        <FormTokenField page={props.page} />
        <input type="hidden" name="afgehandeld" value={handled ? 'nee' : 'ja'} />
        <input type="hidden" name="terug" value={props.back} />
        <button type="submit" class="utrecht-button utrecht-button--secondary-action">
          {handled ? 'Weer openzetten' : 'Afgehandeld'}
          <span class="visually-hidden" safe>{`: verzoek van ${item.name}`}</span>
        </button>
      </form>
    </li>
  );
}
