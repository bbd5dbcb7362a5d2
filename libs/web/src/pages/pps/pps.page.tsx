import Html from '@kitajs/html';
import { Injectable } from '@nestjs/common';
import { AssetListQueryDto, AssetSummaryDto, AssetsService } from '@bouwsteen/assets';
import { NotFoundError, Page } from '@bouwsteen/common';
import { pageQuery } from '../search-queries';
import {
  OrganisationDto,
  OrganisationError,
  OrganisationsService,
  PpsDto,
  PpsService,
} from '@bouwsteen/organisations';
import { RequestsService } from '@bouwsteen/requests';
import { ReportsService } from '@bouwsteen/reports';
import { ReuseDto, ReuseService } from '@bouwsteen/reuse';
import { assetPath } from '../../components/asset-card';
import { AssetSummaryList } from '../../components/asset-list';
import { ContactRole, NoInbox, outsideContact } from '../../components/contact-role';
import { unlessNotFound } from '../../http/unless-not-found';
import { Facts, Paragraphs, safeUrl } from '../../components/facts';
import { Pagination } from '../../components/pagination';
import { count, formatNumber } from '../../format/format';
import { LabelBook, Labels } from '../../format/labels';
import type { PageContext } from '../../http/page-context';
import { SiteRenderer } from '../../layout/site-renderer';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PAGE_SIZE = 20;

const IMPACT: [keyof NonNullable<PpsDto['impact']>, string][] = [
  ['studentsDirect', 'Studenten (direct)'],
  ['studentsIndirect', 'Studenten (indirect)'],
  ['teachersDirect', 'Docenten (direct)'],
  ['teachersIndirect', 'Docenten (indirect)'],
  ['professionalsInvolved', 'Professionals betrokken'],
  ['lloCustomers', 'LLO-deelnemers'],
  ['fieldPartnersCore', 'Kernpartners uit het werkveld'],
  ['fieldPartnersTotal', 'Partners uit het werkveld'],
];

interface PpsPageData {
  pps: PpsDto;
  labels: LabelBook;
  published: Page<AssetSummaryDto>;
  reusedByOthers: { assetId: string; title: string; kind: string; adopters: string[] }[];
  reusedFromOthers: Page<ReuseDto>;
  /** Whether someone of the PPS reads requests (else its websites instead of the form). */
  receives: boolean;
  lead: OrganisationDto | undefined;
}

/** /pps/:id: what a PPS is, what it published, what it reused and who reused its work. */
@Injectable()
export class PpsPage {
  constructor(
    private readonly site: SiteRenderer,
    private readonly labels: Labels,
    private readonly pps: PpsService,
    private readonly assets: AssetsService,
    private readonly reuse: ReuseService,
    private readonly reports: ReportsService,
    private readonly requests: RequestsService,
    private readonly organisations: OrganisationsService,
  ) {}

  async render(page: PageContext, id: string, pageParam: unknown): Promise<string> {
    if (!UUID.test(id)) throw new NotFoundError(OrganisationError.PpsNotFound, 'pps', id);
    const pageNumber =
      typeof pageParam === 'string' && /^\d{1,4}$/.test(pageParam)
        ? Math.max(1, Number(pageParam))
        : 1;
    const pps = await this.pps.get(id);
    const [labels, published, report, reusedFromOthers, receives, lead] = await Promise.all([
      this.labels.book(),
      this.assets.list(
        undefined,
        Object.assign(new AssetListQueryDto(), { ppsId: id, pageNumber, pageSize: PAGE_SIZE }),
      ),
      this.reports.ppsReuse(id),
      this.reuse.byPps(id, pageQuery(50)),
      this.requests.canReceive(id),
      unlessNotFound(this.organisations.get(pps.leadInstitution.id)),
    ]);
    const data: PpsPageData = {
      pps,
      labels,
      published,
      reusedByOthers: report.assets.filter((asset) => asset.reuseCount > 0),
      reusedFromOthers,
      receives,
      lead,
    };
    return this.site.page(
      page,
      {
        title: pps.name,
        description: pps.purpose ?? `${pps.name}: een publiek-private samenwerking in het mbo.`,
        canonicalPath: pageNumber > 1 ? `/pps/${id}?pagina=${pageNumber}` : `/pps/${id}`,
        section: 'pps',
        jsonLd: [
          {
            '@context': 'https://schema.org',
            '@type': 'Organization',
            '@id': this.site.absolute(`/pps/${id}`),
            name: pps.name,
            url: safeUrl(pps.website) ?? this.site.absolute(`/pps/${id}`),
            description: pps.purpose,
            parentOrganization: {
              '@type': 'EducationalOrganization',
              name: pps.leadInstitution.name,
            },
            member: pps.partners.map((partner) => ({
              '@type': 'Organization',
              name: partner.organisation.name,
            })),
            areaServed: labels.labels('provinces', pps.provinces),
          },
        ],
      },
      <PpsContent {...data} />,
    );
  }
}

function PpsContent(data: PpsPageData): JSX.Element {
  const { pps, labels, published } = data;
  const website = safeUrl(pps.website);
  const impact = IMPACT.flatMap(([key, term]) => {
    const value = pps.impact?.[key];
    return typeof value === 'number' ? [{ term, value: formatNumber(value) }] : [];
  });
  return (
    <>
      <nav class="utrecht-breadcrumb-nav" aria-label="Kruimelpad">
        <ol class="breadcrumb-list">
          <li>
            <a class="utrecht-link" href="/">
              Bouwsteen
            </a>
          </li>
          <li>
            <a class="utrecht-link" href="/pps">
              PPS
            </a>
          </li>
        </ol>
      </nav>
      <h1 class="utrecht-heading-1" safe>
        {pps.name}
      </h1>
      <Paragraphs text={pps.purpose} />
      {website ? (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={website} rel="noopener">
            Website van de PPS
          </a>
        </p>
      ) : (
        ''
      )}
      <Facts
        facts={[
          { term: 'Penvoerder', value: pps.leadInstitution.name },
          { term: 'Provincie', value: labels.labels('provinces', pps.provinces) },
          { term: 'Status', value: labels.label('ppsStatuses', pps.status) },
          { term: 'Focus', value: labels.label('focus', pps.focus) },
          { term: 'Bouwstenen', value: labels.labels('buildingBlocks', pps.buildingBlocks) },
          {
            term: 'Provinciale thema’s',
            value: labels.labels('provincialThemes', pps.provincialThemes),
          },
          {
            term: 'Maatschappelijke opgaven',
            value: labels.labels('societalChallenges', pps.societalChallenges),
          },
          { term: 'Groeifase', value: labels.label('growthPhases', pps.growthPhase) },
        ]}
      />
      <section aria-labelledby="contact-titel">
        <h2 class="utrecht-heading-2" id="contact-titel">
          Contact
        </h2>
        {data.receives ? (
          <ContactRole
            ppsName={pps.name}
            href={`/pps/${pps.id}/vraag`}
            linkText="Stel een vraag of vraag materiaal aan"
          />
        ) : (
          <NoInbox contact={outsideContact(pps, data.lead)} />
        )}
      </section>
      {pps.partners.length ? (
        <section aria-labelledby="partners-titel">
          <h2 class="utrecht-heading-2" id="partners-titel">
            Partners
          </h2>
          <ul class="utrecht-unordered-list">
            {pps.partners.map((partner) => (
              <li>
                <strong safe>{partner.organisation.name}</strong>
                <span safe>
                  {` (${labels.label('partnerRoles', partner.role)}${partner.tier === 'core' ? ', kernpartner' : ''})${partner.contribution ? `: ${partner.contribution}` : ''}`}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
      {impact.length ? (
        <section aria-labelledby="bereik-titel">
          <h2 class="utrecht-heading-2" id="bereik-titel">
            {Html.escapeHtml(pps.impact?.year ? `Bereik in ${pps.impact.year}` : 'Bereik')}
          </h2>
          <Facts facts={impact} />
        </section>
      ) : (
        ''
      )}
      <section aria-labelledby="gedeeld-titel">
        <h2 class="utrecht-heading-2" id="gedeeld-titel" safe>
          {`Gedeeld in Bouwsteen (${published.totalItems})`}
        </h2>
        {published.items.length ? (
          <>
            <AssetSummaryList assets={published.items} labels={labels} />
            <Pagination
              current={published.pageNumber}
              total={published.totalPages}
              href={(n) => (n > 1 ? `/pps/${pps.id}?pagina=${n}` : `/pps/${pps.id}`)}
              label="Pagina's met bouwstenen"
            />
          </>
        ) : (
          <p class="utrecht-paragraph">Deze PPS heeft nog niets gepubliceerd.</p>
        )}
      </section>
      <section aria-labelledby="hergebruikt-door-titel">
        <h2 class="utrecht-heading-2" id="hergebruikt-door-titel">
          Hergebruikt door anderen
        </h2>
        {data.reusedByOthers.length ? (
          <ul class="utrecht-unordered-list">
            {data.reusedByOthers.map((asset) => (
              <li>
                <a class="utrecht-link" href={assetPath(asset.assetId)} safe>
                  {asset.title}
                </a>
                <span safe>{` — door ${asset.adopters.join(', ')}`}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p class="utrecht-paragraph">
            Nog niemand heeft hergebruik van het werk van deze PPS geregistreerd.
          </p>
        )}
      </section>
      <section aria-labelledby="hergebruikt-van-titel">
        <h2 class="utrecht-heading-2" id="hergebruikt-van-titel">
          Hergebruikt van anderen
        </h2>
        {data.reusedFromOthers.items.length ? (
          <>
            <ul class="utrecht-unordered-list">
              {data.reusedFromOthers.items.map((reuse) => (
                <li>
                  <a class="utrecht-link" href={assetPath(reuse.assetId)} safe>
                    {reuse.assetTitle}
                  </a>
                  <span safe>{` (versie ${reuse.assetVersion}) in ${reuse.context}`}</span>
                </li>
              ))}
            </ul>
            {data.reusedFromOthers.totalItems > data.reusedFromOthers.items.length ? (
              <p class="utrecht-paragraph">
                {Html.escapeHtml(
                  `En ${count(data.reusedFromOthers.totalItems - data.reusedFromOthers.items.length, 'ander hergebruik', 'andere keren hergebruik')}.`,
                )}
              </p>
            ) : (
              ''
            )}
          </>
        ) : (
          <p class="utrecht-paragraph">
            Deze PPS heeft nog geen hergebruik van andermans werk geregistreerd.
          </p>
        )}
      </section>
    </>
  );
}
