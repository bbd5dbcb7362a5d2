import type { HeadlineDto, PpsReportDto, ReuseLinkPageDto } from '@bouwsteen/reports';
import { assetPath } from '../../components/asset-card';
import { BarChart } from '../../components/charts/bar-chart';
import { HeadlineFigures } from '../../components/charts/headline-figures';
import { formatNumber } from '../../format/format';
import { KIND_LABELS, KIND_ORDER } from '../../format/labels';
import { Crumbs, Downloads, Overlaps, ReuseLinks } from './report-parts';

export interface PpsReportData {
  report: PpsReportDto;
  headline: HeadlineDto;
  provinces: string[];
  /** Who reused this PPS's blocks ("door") and what it reused from others ("van"), one page each. */
  reusedBy: ReuseLinkPageDto;
  reusedFrom: ReuseLinkPageDto;
}

/** At most this many blocks in the "most reused" chart; the lists below have them all. */
const TOP_BLOCKS = 10;

/** The address of this report with one list on another page, the other list's page kept. */
function pageHref(id: string, pages: { door: number; van: number }, anchor: string): string {
  const query = new URLSearchParams();
  if (pages.door > 1) query.set('door', String(pages.door));
  if (pages.van > 1) query.set('van', String(pages.van));
  const search = query.toString();
  return `/rapportages/pps/${id}${search ? `?${search}` : ''}#${anchor}`;
}

/** /rapportages/pps/:id: one PPS in four figures, then who reused what of it, and what it reused. */
export function PpsReportView({ data }: { data: PpsReportData }): JSX.Element {
  const { report, reusedBy, reusedFrom } = data;
  const { totals } = report;
  const id = report.pps.id;
  const pages = { door: reusedBy.page, van: reusedFrom.page };
  const reused = report.assets.filter((asset) => asset.reuseCount > 0);
  return (
    <>
      <Crumbs />
      <h1 class="utrecht-heading-1" safe>{`Rapport: ${report.pps.name}`}</h1>
      <p class="utrecht-paragraph utrecht-paragraph--lead" safe>
        {`Penvoerder: ${report.pps.leadInstitution} · ${data.provinces.join(', ')}`}
      </p>
      <HeadlineFigures headline={data.headline} whose="van deze PPS" />
      {/* What it reused itself is the list "Hergebruikt van anderen" below (with its count). */}
      <dl class="facts report-totals">
        <dt>Eigen versies van werk van anderen</dt>
        <dd safe>
          {`${formatNumber(totals.derivatives)} (${formatNumber(Math.round(totals.buildsOnExistingShare * 100))}% van alles wat deze PPS ooit publiceerde)`}
        </dd>
      </dl>
      <ReuseLinks
        id="hergebruikt-door"
        title="Hergebruikt door anderen"
        otherLabel="door"
        empty="Nog niemand heeft hergebruik van een bouwsteen van deze PPS vastgelegd."
        links={reusedBy}
        href={(page) => pageHref(id, { ...pages, door: page }, 'hergebruikt-door')}
      />
      <ReuseLinks
        id="hergebruikt-van"
        title="Hergebruikt van anderen"
        otherLabel="van"
        empty="Deze PPS heeft nog geen hergebruik van bouwstenen van anderen vastgelegd."
        links={reusedFrom}
        href={(page) => pageHref(id, { ...pages, van: page }, 'hergebruikt-van')}
      />
      <div class="report-grid report-grid--two">
        <BarChart
          id="per-soort"
          level={2}
          title="Gepubliceerd per soort"
          description={`Hoeveel bouwstenen ${report.pps.name} van elke soort publiceerde, ook wat inmiddels is gearchiveerd.`}
          labelHeader="Soort"
          valueHeader="Aantal"
          bars={KIND_ORDER.map((kind) => ({
            label: KIND_LABELS[kind].many,
            value: totals.byKind[kind] ?? 0,
          }))}
        />
        <BarChart
          id="hergebruik"
          level={2}
          title="Meest hergebruikte bouwstenen"
          description={`Door hoeveel PPS en organisaties elke bouwsteen is hergebruikt${reused.length > TOP_BLOCKS ? `: de ${TOP_BLOCKS} meest hergebruikte van ${formatNumber(reused.length)}` : ''}.`}
          labelHeader="Bouwsteen"
          valueHeader="Hergebruikt door"
          bars={reused.slice(0, TOP_BLOCKS).map((asset) => ({
            label: asset.title,
            value: asset.reuseCount,
            href: assetPath(asset.assetId),
          }))}
        />
      </div>
      <Overlaps overlaps={report.overlaps} checked={report.overlapsChecked} />
      <Downloads path={`pps/${id}`} what="Dit rapport" />
    </>
  );
}
