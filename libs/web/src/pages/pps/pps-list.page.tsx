import Html from '@kitajs/html';
import { Injectable } from '@nestjs/common';
import { PpsService } from '@bouwsteen/organisations';
import type { PpsSummaryDto } from '@bouwsteen/organisations';
import { SearchService, SearchUnavailableError } from '@bouwsteen/search';
import { count } from '../../format/format';
import { LabelBook, Labels } from '../../format/labels';
import type { PageContext } from '../../http/page-context';
import { SiteRenderer } from '../../layout/site-renderer';
import { searchQuery } from '../search-queries';

/** /pps: every PPS, by province, with how many building blocks each has published. */
@Injectable()
export class PpsListPage {
  constructor(
    private readonly site: SiteRenderer,
    private readonly labels: Labels,
    private readonly ppsService: PpsService,
    private readonly search: SearchService,
  ) {}

  async render(page: PageContext, provinceParam: unknown): Promise<string> {
    const [labels, all, counts] = await Promise.all([
      this.labels.book(),
      this.ppsService.directory(),
      this.search
        .search(searchQuery({ facets: ['ppsId'], pageSize: 1 }))
        .then((result) => result.facets.ppsId ?? {})
        .catch((error: unknown) => {
          if (error instanceof SearchUnavailableError) return undefined;
          throw error;
        }),
    ]);
    const province =
      typeof provinceParam === 'string' && labels.term('provinces', provinceParam)
        ? provinceParam
        : undefined;
    const shown = province ? all.filter((pps) => pps.provinces.includes(province)) : all;
    return this.site.page(
      page,
      {
        title: province ? `PPS in ${labels.label('provinces', province)}` : 'Alle PPS',
        description:
          'De publiek-private samenwerkingen in het mbo in Noord-Holland en Flevoland en wat zij delen in Bouwsteen.',
        canonicalPath: province ? `/pps?provincie=${province}` : '/pps',
        section: 'pps',
      },
      <PpsListContent
        labels={labels}
        pps={shown}
        total={all.length}
        province={province}
        counts={counts}
      />,
    );
  }
}

function PpsListContent(props: {
  labels: LabelBook;
  pps: readonly PpsSummaryDto[];
  total: number;
  province: string | undefined;
  counts: Record<string, number> | undefined;
}): JSX.Element {
  const { labels, pps, province, counts } = props;
  return (
    <>
      <h1 class="utrecht-heading-1">Publiek-private samenwerkingen</h1>
      <p class="utrecht-paragraph utrecht-paragraph--lead">
        In een PPS werken mbo-scholen, bedrijven en overheden samen aan beter beroepsonderwijs. Hier
        ziet u wat elke PPS deelt en hergebruikt.
      </p>
      <nav aria-label="Provincie">
        <ul class="search-tabs">
          <li>
            <a href="/pps" aria-current={province ? undefined : 'page'} safe>
              {`Alle (${props.total})`}
            </a>
          </li>
          {labels.terms('provinces').map((term) => (
            <li>
              <a
                href={`/pps?provincie=${term.code}`}
                aria-current={province === term.code ? 'page' : undefined}
                safe
              >
                {term.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <h2 class="visually-hidden" safe>
        {count(pps.length, 'PPS', 'PPS')}
      </h2>
      <ul class="pps-list">
        {pps.map((item) => (
          <li class="pps-card">
            <h3>
              <a class="utrecht-link" href={`/pps/${item.id}`} safe>
                {item.name}
              </a>
            </h3>
            <p
              safe
            >{`${item.leadInstitution.name} · ${labels.labels('provinces', item.provinces).join(', ')}`}</p>
            {counts ? (
              <p class="site-muted" safe>
                {count(counts[item.id] ?? 0, 'bouwsteen gedeeld', 'bouwstenen gedeeld')}
              </p>
            ) : (
              ''
            )}
            {item.status && item.status !== 'active' ? (
              <p class="site-muted">{Html.escapeHtml(labels.label('ppsStatuses', item.status))}</p>
            ) : (
              ''
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
