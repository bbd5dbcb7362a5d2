import Html from '@kitajs/html';
import type { Principal, Role } from '@bouwsteen/auth';
import type { PageContext } from '../http/page-context';
import { FormTokenField } from '../forms/form-token';
import type { StaticFiles } from '../static/static-files';
import type { PageMeta, Section } from './page-meta';

/** JSON inside <script> must not be able to close the element: "<" becomes \u003c. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

interface NavItem {
  section: Section;
  href: string;
  label: string;
  /** Shown only to these roles (signed in); absent: to everyone. */
  roles?: readonly Role[];
}

const NAV: NavItem[] = [
  { section: 'zoeken', href: '/zoeken', label: 'Zoeken' },
  { section: 'pps', href: '/pps', label: 'PPS' },
  { section: 'kaart', href: '/kaart', label: 'Kaart' },
  { section: 'kwalificaties', href: '/kwalificaties', label: 'Kwalificaties' },
  { section: 'rapportages', href: '/rapportages', label: 'Rapportages' },
  { section: 'mijn-pps', href: '/mijn-pps', label: 'Mijn PPS', roles: ['pps-editor', 'admin'] },
  {
    section: 'mijn-cursussen',
    href: '/mijn-cursussen',
    label: 'Mijn cursussen',
    roles: ['llo-office', 'admin'],
  },
  { section: 'beheer', href: '/beheer', label: 'Beheer', roles: ['admin'] },
];

function navFor(principal: Principal | undefined): NavItem[] {
  return NAV.filter((item) => !item.roles || (principal && item.roles.includes(principal.role)));
}

const HTMX_CONFIG = JSON.stringify({
  includeIndicatorStyles: false,
  // htmx copies these attributes across a swap; a style attribute set from script is an inline
  // style, which the CSP refuses (a console error each time), and no markup of ours has one.
  attributesToSettle: ['class', 'width', 'height'],
  allowEval: false,
  allowScriptTags: false,
  historyCacheSize: 0,
  selfRequestsOnly: true,
});

/** The text of a page's <title>: the page's own title and the site's name (the home page: its own). */
export function documentTitle(meta: Pick<PageMeta, 'title' | 'section'>): string {
  return meta.section === 'home' ? meta.title : `${meta.title} | Bouwsteen`;
}

export interface DocumentProps {
  meta: PageMeta;
  page: PageContext;
  /** The signed-in person's unread notifications (see SiteRenderer); absent: not shown. */
  unread?: number;
  files: StaticFiles;
  baseUrl: string;
  children: JSX.Element;
}

/**
 * Every page: language, title, description, canonical link and Open Graph tags in <head>; a
 * skip link, header with navigation, one <main> and a footer. Scripts are deferred files from
 * our origin; data for them travels in JSON blocks carrying the response's CSP nonce.
 */
export function Document({
  meta,
  page,
  unread,
  files,
  baseUrl,
  children,
}: DocumentProps): JSX.Element {
  const canonical = baseUrl + meta.canonicalPath;
  const title = documentTitle(meta);
  const safeJsonLd = (meta.jsonLd ?? []).map(scriptJson);
  const safeData = meta.data ? scriptJson(meta.data.value) : undefined;
  return (
    <>
      {'<!doctype html>'}
      <html lang="nl" class="bouwsteen-theme voorbeeld-theme">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{Html.escapeHtml(title)}</title>
          <meta name="description" content={meta.description} />
          <link rel="canonical" href={canonical} />
          {meta.noindex ? <meta name="robots" content="noindex" /> : ''}
          <meta property="og:site_name" content="Bouwsteen" />
          <meta property="og:locale" content="nl_NL" />
          <meta property="og:type" content={meta.ogType ?? 'website'} />
          <meta property="og:title" content={meta.title} />
          <meta property="og:description" content={meta.description} />
          <meta property="og:url" content={canonical} />
          <meta name="htmx-config" content={HTMX_CONFIG} />
          <link rel="icon" href={files.href('favicon.svg')} type="image/svg+xml" />
          <link rel="stylesheet" href={files.href('site.css')} />
          <link rel="stylesheet" href={files.href('print.css')} media="print" />
          {(meta.styles ?? []).map((name) => (
            <link rel="stylesheet" href={files.href(name)} />
          ))}
          <script src={files.href('htmx.js')} defer></script>
          <script src={files.href('site.js')} defer></script>
          {(meta.scripts ?? []).map((name) => (
            <script src={files.href(name)} defer></script>
          ))}
          {safeJsonLd.map((safeJson) => (
            <script type="application/ld+json" nonce={page.nonce}>
              {safeJson}
            </script>
          ))}
          {safeData !== undefined ? (
            <script type="application/json" id={meta.data!.id} nonce={page.nonce}>
              {safeData}
            </script>
          ) : (
            ''
          )}
        </head>
        <body class="utrecht-body" hx-headers={JSON.stringify({ 'X-Form-Token': page.formToken })}>
          <a class="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#inhoud">
            Naar de inhoud
          </a>
          <header class="site-header">
            <div class="site-width site-header__bar">
              <a class="site-logo" href="/">
                <img src={files.href('favicon.svg')} alt="" width="32" height="32" />
                <span>Bouwsteen</span>
              </a>
              <nav class="site-nav" aria-label="Hoofdmenu">
                <ul class="site-nav__list">
                  {navFor(page.principal).map((item) => (
                    <li>
                      <a
                        class="site-nav__link"
                        href={item.href}
                        aria-current={item.section === meta.section ? 'page' : undefined}
                      >
                        {Html.escapeHtml(item.label)}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
              <AccountMenu page={page} section={meta.section} unread={unread} />
            </div>
          </header>
          <main id="inhoud" class="site-width site-main" tabindex="-1">
            {children}
          </main>
          <footer class="site-footer">
            <div class="site-width">
              <p class="utrecht-paragraph">
                Bouwsteen is de gedeelde bibliotheek van de publiek-private samenwerkingen (PPS) in
                het mbo in Noord-Holland en Flevoland: curricula, modules, praktijkomgevingen en
                goede praktijken om te hergebruiken.
              </p>
              <ul class="site-footer__links">
                <li>
                  <a class="utrecht-link" href="/docs">
                    API voor ontwikkelaars
                  </a>
                </li>
                <li>
                  <a class="utrecht-link" href="/sitemap.xml">
                    Sitemap
                  </a>
                </li>
                <li>
                  <a class="utrecht-link" href="/privacy">
                    Privacy
                  </a>
                </li>
              </ul>
            </div>
          </footer>
        </body>
      </html>
    </>
  );
}

/**
 * Sign in, or for who is signed in: their notifications (with how many are unread), their
 * account page and a sign-out button (a form: POST).
 */
function AccountMenu({
  page,
  section,
  unread,
}: {
  page: PageContext;
  section: Section;
  unread?: number;
}): JSX.Element {
  if (!page.principal) {
    const back = section === 'fout' || section === 'inloggen' ? '' : page.url;
    const href = back && back !== '/' ? `/inloggen?terug=${encodeURIComponent(back)}` : '/inloggen';
    return (
      <div class="site-account">
        <a
          class="site-nav__link"
          href={href}
          aria-current={section === 'inloggen' ? 'page' : undefined}
        >
          Inloggen
        </a>
      </div>
    );
  }
  return (
    <div class="site-account">
      <a
        class="site-nav__link"
        href="/mijn-meldingen"
        aria-current={section === 'meldingen' ? 'page' : undefined}
      >
        Meldingen
        {unread ? (
          <>
            {' '}
            <span class="site-account__count" safe>
              {unreadLabel(unread)}
            </span>
            <span class="visually-hidden"> ongelezen</span>
          </>
        ) : (
          ''
        )}
      </a>
      <a
        class="site-nav__link"
        href="/mijn-account"
        aria-current={section === 'account' ? 'page' : undefined}
      >
        Mijn account
      </a>
      <form method="post" action="/uitloggen" class="site-account__form">
        <FormTokenField page={page} />
        <button type="submit" class="utrecht-button utrecht-button--subtle site-account__button">
          Uitloggen
        </button>
      </form>
    </div>
  );
}

/** How many unread, as the header says it: a number, or "99+" past that. */
export function unreadLabel(unread: number): string {
  return unread > 99 ? '99+' : String(unread);
}
