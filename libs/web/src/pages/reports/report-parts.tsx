import Html from '@kitajs/html';
import type { OverlapDto, ReuseLinkPageDto } from '@bouwsteen/reports';
import { assetPath } from '../../components/asset-card';
import { DataTable } from '../../components/data-table';
import { Pagination } from '../../components/pagination';
import { formatDate, formatNumber } from '../../format/format';
import { REUSE_MODE_LABELS } from '../../format/labels';

const API = '/api/v1/reports';

/** The pieces every report page shares: crumbs, downloads, overlaps and reuse lists. */
export function Crumbs(): JSX.Element {
  return (
    <nav aria-label="Kruimelpad">
      <ol class="breadcrumb-list">
        <li>
          <a class="utrecht-link" href="/rapportages">
            Rapportages
          </a>
        </li>
      </ol>
    </nav>
  );
}

export function Downloads({
  path,
  what,
  also,
}: {
  path: string;
  what: string;
  /** A second download beside the report (a province's coverage). */
  also?: { path: string; what: string };
}): JSX.Element {
  const links = [{ path, what }, ...(also ? [also] : [])];
  return (
    <section aria-labelledby="downloads-titel" class="report-downloads">
      <h2 class="utrecht-heading-2" id="downloads-titel">
        Downloaden
      </h2>
      <ul class="plain-list">
        {links.map((link) => (
          <>
            <li>
              <a class="utrecht-link" href={`${API}/${link.path}?format=csv`} download="">
                {Html.escapeHtml(`${link.what} als CSV (spreadsheet)`)}
              </a>
            </li>
            <li>
              <a class="utrecht-link" href={`${API}/${link.path}?format=json`} download="">
                {Html.escapeHtml(`${link.what} als JSON`)}
              </a>
            </li>
          </>
        ))}
      </ul>
    </section>
  );
}

export function Overlaps({
  overlaps,
  checked,
}: {
  overlaps: OverlapDto[];
  checked: boolean;
}): JSX.Element {
  return (
    <section aria-labelledby="overlap-titel">
      <h2 class="utrecht-heading-2" id="overlap-titel">
        Bouwstenen die op elkaar lijken
      </h2>
      {!checked ? (
        <p class="utrecht-paragraph">
          De vergelijking is nu niet beschikbaar; probeer het later opnieuw.
        </p>
      ) : overlaps.length === 0 ? (
        <p class="utrecht-paragraph">
          Geen bouwstenen gevonden die sterk lijken op die van een andere PPS.
        </p>
      ) : (
        <>
          <p class="utrecht-paragraph" safe>
            {`${formatNumber(overlaps.length)} keer lijkt een bouwsteen sterk op die van een andere PPS. Misschien kunnen ze samen verder, of de een de ander hergebruiken.`}
          </p>
          <details class="chart-table">
            <summary>Toon de bouwstenen die op elkaar lijken</summary>
            <DataTable
              labelledBy="overlap-titel"
              rows={overlaps}
              columns={[
                {
                  header: 'Bouwsteen',
                  render: (row) => (
                    <a class="utrecht-link" href={assetPath(row.assetId)} safe>
                      {row.title}
                    </a>
                  ),
                },
                { header: 'Van', text: (row) => row.ppsName },
                {
                  header: 'Lijkt op',
                  render: (row) => (
                    <a class="utrecht-link" href={assetPath(row.similarAssetId)} safe>
                      {row.similarTitle}
                    </a>
                  ),
                },
                { header: 'Van', text: (row) => row.similarPpsName },
              ]}
            />
          </details>
        </>
      )}
    </section>
  );
}

/**
 * One page of a PPS's reuse, one line per record: the block (a link), the other party, how it
 * was reused and when. `param` is this list's page in the address; `href` builds an address
 * for a page of it (keeping the other list's page).
 */
export function ReuseLinks(props: {
  id: string;
  title: string;
  otherLabel: string;
  empty: string;
  links: ReuseLinkPageDto;
  href: (page: number) => string;
}): JSX.Element {
  const { links } = props;
  const pages = Math.max(1, Math.ceil(links.total / links.pageSize));
  const first = (links.page - 1) * links.pageSize + 1;
  const titleId = `${props.id}-titel`;
  return (
    <section id={props.id} aria-labelledby={titleId} class="reuse-links">
      <h2 class="utrecht-heading-2" id={titleId} safe>
        {`${props.title} (${formatNumber(links.total)})`}
      </h2>
      {links.total === 0 ? (
        <p class="utrecht-paragraph" safe>
          {props.empty}
        </p>
      ) : links.items.length === 0 ? (
        <p class="utrecht-paragraph">
          Deze pagina bestaat niet.{' '}
          <a class="utrecht-link" href={props.href(1)}>
            Naar de eerste pagina
          </a>
        </p>
      ) : (
        <>
          {pages > 1 ? (
            <p class="utrecht-paragraph site-muted" safe>
              {`${formatNumber(first)}–${formatNumber(first + links.items.length - 1)} van ${formatNumber(links.total)}, nieuwste eerst`}
            </p>
          ) : (
            ''
          )}
          <ul class="reuse-links__list">
            {links.items.map((link) => (
              <li class="reuse-links__item">
                <a class="utrecht-link reuse-links__title" href={assetPath(link.assetId)} safe>
                  {link.title}
                </a>{' '}
                <span class="reuse-links__meta" safe>
                  {`${props.otherLabel} ${link.otherName} · ${REUSE_MODE_LABELS[link.mode] ?? link.mode} · ${formatDate(link.recordedAt)}`}
                </span>
              </li>
            ))}
          </ul>
          <Pagination
            current={links.page}
            total={pages}
            href={props.href}
            label={`Pagina's van ${props.title.toLowerCase()}`}
          />
        </>
      )}
    </section>
  );
}
