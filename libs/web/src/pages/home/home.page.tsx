import Html from '@kitajs/html';
import { Injectable } from '@nestjs/common';
import { PpsService } from '@bouwsteen/organisations';
import type { PpsSummaryDto } from '@bouwsteen/organisations';
import { ReportsService } from '@bouwsteen/reports';
import { SearchService, SearchUnavailableError, type SearchResultDto } from '@bouwsteen/search';
import { AssetCard, assetPath } from '../../components/asset-card';
import { SearchBox } from '../../components/search-box';
import { formatNumber } from '../../format/format';
import { KIND_LABELS, KIND_ORDER, LabelBook, Labels } from '../../format/labels';
import type { PageContext } from '../../http/page-context';
import { SiteRenderer } from '../../layout/site-renderer';
import { searchQuery } from '../search-queries';

const RECENT = 6;
const MOST_REUSED = 6;

/** The start page: what Bouwsteen is, a search box, and ways in for someone who does not know what to search for. */
@Injectable()
export class HomePage {
  constructor(
    private readonly site: SiteRenderer,
    private readonly labels: Labels,
    private readonly search: SearchService,
    private readonly reports: ReportsService,
    private readonly ppsService: PpsService,
  ) {}

  async render(page: PageContext): Promise<string> {
    const [labels, recent, ranking, pps] = await Promise.all([
      this.labels.book(),
      this.search
        .searchWithFacetCounts(
          searchQuery({ sort: '-updated', pageSize: RECENT, facets: ['kind'] }),
        )
        .catch((error: unknown) => {
          if (error instanceof SearchUnavailableError) return undefined;
          throw error;
        }),
      this.reports.ranking(MOST_REUSED),
      this.ppsService.directory(),
    ]);
    return this.site.page(
      page,
      {
        title: 'Bouwsteen — bouwstenen van de mbo-PPS in Noord-Holland en Flevoland',
        description:
          'Vind en hergebruik curricula, modules, praktijkomgevingen en goede praktijken van de publiek-private samenwerkingen in het mbo.',
        canonicalPath: '/',
        section: 'home',
        jsonLd: [
          {
            '@context': 'https://schema.org',
            '@type': 'WebSite',
            name: 'Bouwsteen',
            url: this.site.absolute('/'),
            inLanguage: 'nl',
            potentialAction: {
              '@type': 'SearchAction',
              target: `${this.site.absolute('/zoeken')}?q={search_term_string}`,
              'query-input': 'required name=search_term_string',
            },
          },
        ],
      },
      <HomeContent labels={labels} recent={recent} ranking={ranking.assets} pps={pps} />,
    );
  }
}

function HomeContent(props: {
  labels: LabelBook;
  recent: SearchResultDto | undefined;
  ranking: { assetId: string; title: string; kind: string; ppsName: string; reuseCount: number }[];
  pps: readonly PpsSummaryDto[];
}): JSX.Element {
  const { labels, recent, ranking, pps } = props;
  const kinds = recent?.facets.kind ?? {};
  const provinces = labels.terms('provinces');
  return (
    <>
      <section class="home-intro" aria-labelledby="home-titel">
        <h1 class="utrecht-heading-1" id="home-titel">
          Bouwsteen
        </h1>
        <p class="utrecht-paragraph utrecht-paragraph--lead">
          Bouwsteen is de gedeelde bibliotheek van de publiek-private samenwerkingen in het mbo in
          Noord-Holland en Flevoland. Vind curricula, modules, praktijkomgevingen en goede
          praktijken van andere PPS en bouw erop verder in plaats van opnieuw te beginnen.
        </p>
        <SearchBox id="home-q" label="Zoek een bouwsteen" value="" />
      </section>

      {recent ? (
        <section aria-labelledby="soorten-titel">
          <h2 class="utrecht-heading-2" id="soorten-titel">
            Wat er te vinden is
          </h2>
          <ul class="kind-tiles">
            {KIND_ORDER.map((kind) => (
              <li>
                <a class="kind-tile" href={`/zoeken?soort=${kind}`}>
                  <span class="kind-tile__count" safe>
                    {String(kinds[kind] ?? 0)}
                  </span>
                  <span class="kind-tile__label">{Html.escapeHtml(KIND_LABELS[kind].many)}</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <div class="utrecht-alert utrecht-alert--warning" role="status">
          <p class="utrecht-paragraph">
            Zoeken is even niet beschikbaar, daarom ontbreken de aantallen en de nieuwste
            bouwstenen. Probeer het over een halve minuut opnieuw.
          </p>
        </div>
      )}

      <div class="home-columns">
        {ranking.length ? (
          <section aria-labelledby="hergebruikt-titel">
            <h2 class="utrecht-heading-2" id="hergebruikt-titel">
              Meest hergebruikt
            </h2>
            <ol class="ranked-list">
              {ranking.map((asset) => (
                <li>
                  <a class="utrecht-link" href={assetPath(asset.assetId)} safe>
                    {asset.title}
                  </a>
                  <span class="site-muted" safe>
                    {`${labels.kind(asset.kind)} van ${asset.ppsName} · ${formatNumber(asset.reuseCount)} keer hergebruikt`}
                  </span>
                </li>
              ))}
            </ol>
          </section>
        ) : (
          ''
        )}
        {recent?.hits.length ? (
          <section aria-labelledby="nieuw-titel">
            <h2 class="utrecht-heading-2" id="nieuw-titel">
              Net gepubliceerd
            </h2>
            <div class="card-list">
              {recent.hits.map((hit) => (
                <AssetCard hit={hit} labels={labels} headingLevel={3} />
              ))}
            </div>
            <p class="utrecht-paragraph">
              <a class="utrecht-link" href="/zoeken?sorteer=nieuw">
                Alle bouwstenen, nieuwste eerst
              </a>
            </p>
          </section>
        ) : (
          ''
        )}
      </div>

      <section aria-labelledby="pps-titel">
        <h2 class="utrecht-heading-2" id="pps-titel">
          PPS per provincie
        </h2>
        <div class="province-columns">
          {provinces.map((province) => {
            const members = pps.filter((item) => item.provinces.includes(province.code));
            return (
              <section aria-labelledby={`provincie-${province.code}`}>
                <h3
                  class="utrecht-heading-3"
                  id={`provincie-${province.code}`}
                  safe
                >{`${province.label} (${members.length})`}</h3>
                <ul class="utrecht-unordered-list plain-list">
                  {members.map((item) => (
                    <li>
                      <a class="utrecht-link" href={`/pps/${item.id}`} safe>
                        {item.name}
                      </a>
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
      </section>
    </>
  );
}
