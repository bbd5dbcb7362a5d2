import Html from '@kitajs/html';
import type { HeadlineDto, NetworkEdge, RankingReportDto } from '@bouwsteen/reports';
import { assetPath } from '../../components/asset-card';
import { BarChart } from '../../components/charts/bar-chart';
import { HeadlineFigures } from '../../components/charts/headline-figures';
import { NetworkList } from '../../components/charts/network-list';
import { Downloads } from './report-parts';

export interface OverviewData {
  headline: HeadlineDto;
  network: NetworkEdge[];
  ranking: RankingReportDto;
  /** Every PPS, in name order, for the picker. */
  pps: { id: string; name: string }[];
  /** Lead institutions, in name order. */
  leads: { id: string; name: string }[];
  provinces: { code: string; label: string }[];
  /** Whether the reader may open the search analytics (UsagePolicy). */
  searchAnalytics?: boolean;
}

/** /rapportages: the region in four figures, who builds on whom, and the way to each report. */
export function OverviewView({ data }: { data: OverviewData }): JSX.Element {
  return (
    <>
      <h1 class="utrecht-heading-1">Rapportages</h1>
      <p class="utrecht-paragraph utrecht-paragraph--lead">
        Bouwen de PPS voort op wat er al is? Hier ziet u wie wiens werk hergebruikt, welke
        bouwstenen het meest worden hergebruikt, en per PPS, instelling en provincie wat er is
        gepubliceerd.
      </p>
      <p class="utrecht-paragraph">
        <a
          class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
          href="/rapportages/voorstel"
        >
          Voorstel toetsen: bestaat dit al?
        </a>
      </p>
      {data.searchAnalytics ? (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href="/rapportages/zoekvragen">
            Zoekvragen in de regio: wat wordt gezocht en niet gevonden
          </a>
        </p>
      ) : (
        ''
      )}
      <HeadlineFigures headline={data.headline} whose="van alle PPS" />
      <nav aria-labelledby="kies-titel" class="report-grid home-columns">
        <h2 class="visually-hidden" id="kies-titel">
          Kies een rapport
        </h2>
        <section aria-labelledby="per-pps-titel">
          <h3 class="utrecht-heading-3" id="per-pps-titel">
            Per PPS
          </h3>
          <form method="get" action="/rapportages/pps" class="site-form site-form__row">
            <div class="utrecht-form-field">
              <label class="utrecht-form-label" for="rapport-pps">
                PPS
              </label>
              <select class="utrecht-select utrecht-select--html-select" id="rapport-pps" name="id">
                {data.pps.map((pps) => (
                  <option value={pps.id}>{Html.escapeHtml(pps.name)}</option>
                ))}
              </select>
            </div>
            <button type="submit" class="utrecht-button utrecht-button--secondary-action">
              Toon rapport
            </button>
          </form>
        </section>
        <section aria-labelledby="per-instelling-titel">
          <h3 class="utrecht-heading-3" id="per-instelling-titel">
            Per penvoerende instelling
          </h3>
          <ul class="plain-list">
            {data.leads.map((lead) => (
              <li>
                <a class="utrecht-link" href={`/rapportages/instellingen/${lead.id}`} safe>
                  {lead.name}
                </a>
              </li>
            ))}
          </ul>
          <h3 class="utrecht-heading-3">Per provincie</h3>
          <ul class="plain-list">
            {data.provinces.map((term) => (
              <li>
                <a class="utrecht-link" href={`/rapportages/provincies/${term.code}`} safe>
                  {term.label}
                </a>
              </li>
            ))}
          </ul>
        </section>
      </nav>
      <h2 class="utrecht-heading-2">De regio</h2>
      <NetworkList
        id="netwerk"
        title="Wie hergebruikt het werk van wie"
        edges={data.network}
        empty="Er is nog geen hergebruik tussen PPS vastgelegd."
      />
      <BarChart
        id="meest-hergebruikt"
        title="Meest hergebruikte bouwstenen"
        description="De tien bouwstenen die door de meeste PPS en organisaties zijn hergebruikt, met hun PPS."
        labelHeader="Bouwsteen"
        valueHeader="Hergebruikt door"
        bars={data.ranking.assets.map((asset) => ({
          label: `${asset.title} (${asset.ppsName})`,
          value: asset.reuseCount,
          href: assetPath(asset.assetId),
        }))}
      />
      <BarChart
        id="hergebruikt-van-anderen"
        title="PPS die het meest van anderen hergebruiken"
        description="Hoe vaak elke PPS heeft vastgelegd dat zij een bouwsteen van een andere PPS hergebruikt: de tien die dat het vaakst deden."
        labelHeader="PPS"
        valueHeader="Keer hergebruikt"
        bars={data.ranking.adopters.map((adopter) => ({
          label: adopter.ppsName,
          value: adopter.reusesMade,
          href: `/rapportages/pps/${adopter.ppsId}`,
        }))}
      />
      <Downloads
        path="proudly-found-elsewhere"
        what="Meest hergebruikte bouwstenen en PPS die het meest hergebruiken"
      />
    </>
  );
}
