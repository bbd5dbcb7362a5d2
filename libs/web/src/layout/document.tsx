import Html from '@kitajs/html';
import type { PageContext } from '../http/page-context';
import type { StaticFiles } from '../static/static-files';
import type { PageMeta, Section } from './page-meta';

/** JSON inside <script> must not be able to close the element: "<" becomes \u003c. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

const NAV: { section: Section; href: string; label: string }[] = [
  { section: 'zoeken', href: '/zoeken', label: 'Zoeken' },
  { section: 'pps', href: '/pps', label: 'PPS' },
  { section: 'kaart', href: '/kaart', label: 'Kaart' },
];

const HTMX_CONFIG = JSON.stringify({
  includeIndicatorStyles: false,
  allowEval: false,
  allowScriptTags: false,
  historyCacheSize: 0,
  selfRequestsOnly: true,
});

export interface DocumentProps {
  meta: PageMeta;
  page: PageContext;
  files: StaticFiles;
  baseUrl: string;
  children: JSX.Element;
}

/**
 * Every page: language, title, description, canonical link and Open Graph tags in <head>; a
 * skip link, header with navigation, one <main> and a footer. Scripts are deferred files from
 * our origin; data for them travels in JSON blocks carrying the response's CSP nonce.
 */
export function Document({ meta, page, files, baseUrl, children }: DocumentProps): JSX.Element {
  const canonical = baseUrl + meta.canonicalPath;
  const title = meta.section === 'home' ? meta.title : `${meta.title} | Bouwsteen`;
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
        <body class="utrecht-body">
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
                  {NAV.map((item) => (
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
              </ul>
            </div>
          </footer>
        </body>
      </html>
    </>
  );
}
