import type { PageContext } from '../../http/page-context';
import { SiteRenderer } from '../../layout/site-renderer';

const TABS = [
  ['/beheer', 'Overzicht'],
  ['/beheer/gebruikers', 'Gebruikers'],
  ['/beheer/pps', 'PPS en organisaties'],
  ['/beheer/zoekindex', 'Zoekindex'],
  ['/beheer/taken', 'Achtergrondtaken'],
  ['/beheer/kwalificaties', 'Kwalificaties'],
  ['/beheer/wijzigingen', 'Wijzigingen'],
];

/** An admin page: the site's frame, not indexed, with the admin sections as tabs. */
export function adminPage(
  site: SiteRenderer,
  page: PageContext,
  title: string,
  path: string,
  body: JSX.Element,
): Promise<string> {
  return site.page(
    page,
    {
      title,
      description: 'Beheer van Bouwsteen',
      canonicalPath: path,
      section: 'beheer',
      noindex: true,
    },
    <>
      <nav aria-label="Beheer">
        <ul class="status-tabs search-tabs">
          {TABS.map(([href, label]) => (
            <li>
              <a href={href} aria-current={href === path ? 'page' : undefined} safe>
                {label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {body}
    </>,
  );
}
