import type {
  CoverageReportDto,
  HeadlineDto,
  NetworkEdge,
  PortfolioReportDto,
} from '@bouwsteen/reports';
import { BarChart } from '../../components/charts/bar-chart';
import { HeadlineFigures } from '../../components/charts/headline-figures';
import { NetworkList } from '../../components/charts/network-list';
import { DataTable } from '../../components/data-table';
import { formatNumber } from '../../format/format';
import { CoverageSection } from './coverage-report.view';
import { Crumbs, Downloads, Overlaps } from './report-parts';

export interface PortfolioData {
  scope: 'instellingen' | 'provincies';
  id: string;
  report: PortfolioReportDto;
  headline: HeadlineDto;
  /** Reuse between the PPS of this portfolio, per pair. */
  network: NetworkEdge[];
  /** A province's "dekking" (qualifications and keuzedelen with and without material). */
  coverage?: CoverageReportDto;
}

/** Reuse between these PPS shown block by block; the download has every one. */
const CROSSOVER_ROWS = 50;

/** /rapportages/instellingen/:id and /rapportages/provincies/:code: a set of PPS at a glance. */
export function PortfolioView({ data }: { data: PortfolioData }): JSX.Element {
  const { report } = data;
  const name = report.scope.name;
  const shown = report.crossovers.slice(0, CROSSOVER_ROWS);
  const whose =
    data.scope === 'instellingen'
      ? `van de PPS waarvan ${name} penvoerder is`
      : `van de PPS in ${name}`;
  return (
    <>
      <Crumbs />
      <h1 class="utrecht-heading-1" safe>{`Rapport: ${name}`}</h1>
      <p class="utrecht-paragraph utrecht-paragraph--lead" safe>
        {`${formatNumber(report.portfolio.length)} PPS ${data.scope === 'instellingen' ? `met ${name} als penvoerder` : `in ${name}`}: wat ze publiceerden, wie hun werk hergebruikt en waar ze op elkaar lijken.`}
      </p>
      <HeadlineFigures headline={data.headline} whose={whose} />
      <div class="report-grid report-grid--two">
        <BarChart
          id="gepubliceerd"
          level={2}
          title="Gepubliceerd per PPS"
          description="Hoeveel bouwstenen elke PPS ooit publiceerde, ook wat inmiddels is gearchiveerd."
          labelHeader="PPS"
          valueHeader="Gepubliceerd"
          zeroNote="Nog niets gepubliceerd"
          bars={report.portfolio.map((row) => ({
            label: row.ppsName,
            value: row.assets,
            href: `/rapportages/pps/${row.ppsId}`,
          }))}
        />
        <BarChart
          id="hergebruikt"
          level={2}
          title="Hergebruikt door anderen, per PPS"
          description="Hoe vaak het werk van elke PPS door een andere PPS of organisatie is hergebruikt."
          labelHeader="PPS"
          valueHeader="Keer hergebruikt"
          zeroNote="Nog niet hergebruikt"
          bars={report.portfolio.map((row) => ({
            label: row.ppsName,
            value: row.reusesReceived,
            href: `/rapportages/pps/${row.ppsId}`,
          }))}
        />
      </div>
      <NetworkList
        id="netwerk"
        title="Hergebruik tussen deze PPS"
        level={2}
        edges={data.network}
        empty="Geen hergebruik tussen deze PPS vastgelegd."
      />
      {report.crossovers.length ? (
        <details class="chart-table">
          <summary safe>
            {report.crossovers.length > shown.length
              ? `Toon de eerste ${formatNumber(shown.length)} van ${formatNumber(report.crossovers.length)} hergebruikte bouwstenen`
              : `Toon de ${formatNumber(shown.length)} hergebruikte bouwstenen`}
          </summary>
          <DataTable
            labelledBy="netwerk-titel"
            rows={shown}
            columns={[
              { header: 'PPS', text: (row) => row.toPps },
              { header: 'Hergebruikt van', text: (row) => row.fromPps },
              { header: 'Bouwsteen', text: (row) => row.assetTitle },
            ]}
          />
          {report.crossovers.length > shown.length ? (
            <p class="utrecht-paragraph">
              Alle hergebruikte bouwstenen staan in de download als JSON, hieronder.
            </p>
          ) : (
            ''
          )}
        </details>
      ) : (
        ''
      )}
      <Overlaps overlaps={report.overlaps} checked={report.overlapsChecked} />
      {data.coverage ? <CoverageSection coverage={data.coverage} /> : ''}
      <Downloads
        path={
          data.scope === 'instellingen' ? `lead-institutions/${data.id}` : `provinces/${data.id}`
        }
        what="Dit rapport"
        also={
          data.coverage ? { path: `provinces/${data.id}/coverage`, what: 'De dekking' } : undefined
        }
      />
    </>
  );
}
