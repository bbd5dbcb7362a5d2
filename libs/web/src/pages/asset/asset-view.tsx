import Html from '@kitajs/html';
import type { Principal } from '@bouwsteen/auth';
import type { PageContext } from '../../http/page-context';
import type { ListChoice } from '../lists/list-picker';
import { TakeUpActions } from './take-up-actions';
import type {
  AssetDto,
  AssetSummaryDto,
  LineageDto,
  SimilarAssetDto,
  VersionSummaryDto,
} from '@bouwsteen/assets';
import type { OrganisationDto, PpsDto } from '@bouwsteen/organisations';
import type { ReuseDto } from '@bouwsteen/reuse';
import { assetPath } from '../../components/asset-card';
import { Facts, Paragraphs } from '../../components/facts';
import { count, formatDate } from '../../format/format';
import type { LabelBook } from '../../format/labels';
import {
  CurriculumSection,
  InfrastructureSection,
  KindProps,
  ModuleSection,
  PracticeSection,
} from './kind-sections';
import type { QualificationNames } from './qualification-names';
import { StatusNotice } from '../../components/status-notice';
import { Contact, Licence } from './asset-aside';
import { Lineage, Reuse, Similar, Versions } from './asset-sections';
import { MaterialSection } from './material-section';
import type { ReviewDto } from '@bouwsteen/reviews';
import type { ReviewSummary } from '@bouwsteen/reviews/pure';
import { ReviewsSection } from '../reviews/review-view';

export interface AssetPageData {
  asset: AssetDto;
  /** Set on /versies/:n: the building block as it is now. */
  current?: AssetDto;
  labels: LabelBook;
  refs: Map<string, AssetSummaryDto>;
  names?: QualificationNames;
  versions: VersionSummaryDto[];
  reuses: { items: ReuseDto[]; total: number };
  lineage: LineageDto;
  /**
   * Undefined when the search engine could not be asked. A promise while the search is under
   * way: the rest of the page is rendered meanwhile, and the section joins it when it answers.
   */
  similar: readonly SimilarAssetDto[] | undefined | Promise<readonly SimilarAssetDto[] | undefined>;
  pps: PpsDto;
  lead: OrganisationDto | undefined;
  /** Whether someone of the PPS reads requests (else no request form is offered). */
  receives: boolean;
  licence: {
    label: string;
    url?: string;
    explanation: string[];
    /** What one may do, in one line ("Zo krijgt u het materiaal"). */
    oneLine: string;
    attribution: string;
  };
  /** A signed-in visitor, for what they can do with it (reuse, derive, follow, edit). */
  viewer?: {
    principal: Principal;
    following: boolean;
    page: PageContext;
    reuseRecorded?: boolean;
    /** The visitor's lists, for "Op mijn lijst zetten". */
    lists?: ListChoice[];
  };
  /** The outcome of an action just taken (after a redirect). */
  notice?: string;
  /** The public summary of use: unique views this month and reuse records. */
  use?: { views: number; reuses: number };
  /** The block's review figures and latest reviews; whether this person may write one. */
  reviews: { summary: ReviewSummary; latest: ReviewDto[]; mayWrite: boolean };
}

export function AssetContent(data: AssetPageData): JSX.Element {
  const { asset, labels } = data;
  const kind: KindProps = { asset, labels, refs: data.refs, names: data.names };
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
            <a class="utrecht-link" href={`/zoeken?soort=${asset.kind}`} safe>
              {labels.kind(asset.kind)}
            </a>
          </li>
        </ol>
      </nav>
      <header class="asset-header">
        <p class="asset-card__kind">
          <span class={`kind-badge kind-badge--${asset.kind}`} safe>
            {labels.kind(asset.kind)}
          </span>
        </p>
        <h1 class="utrecht-heading-1" safe>
          {asset.title}
        </h1>
        <p class="utrecht-paragraph utrecht-paragraph--lead site-lines" safe>
          {asset.summary}
        </p>
        <p class="utrecht-paragraph">
          Van{' '}
          <a class="utrecht-link" href={`/pps/${asset.pps.id}`} safe>
            {asset.pps.name}
          </a>
          <span safe>{` · ${asset.pps.leadInstitution.name}`}</span>
        </p>
        {data.use ? (
          <p class="utrecht-paragraph usage-summary" safe>
            {`${count(data.use.views, 'keer', 'keer')} bekeken deze maand · ${count(data.use.reuses, 'keer', 'keer')} hergebruikt`}
          </p>
        ) : (
          ''
        )}
      </header>
      <StatusNotice text={data.notice} />
      <StatusBanners {...data} />
      <div class="asset-layout">
        <div class="asset-main">
          <Paragraphs text={asset.description} />
          <MaterialSection {...data} />
          <h2 class="utrecht-heading-2">Kenmerken</h2>
          <Facts
            facts={[
              { term: 'Soort', value: labels.kind(asset.kind) },
              { term: 'Niveau', value: labels.labels('educationLevels', asset.levels) },
              { term: 'Sector', value: labels.labels('sectors', asset.sectors) },
              { term: 'Provinciaal thema', value: labels.labels('provincialThemes', asset.themes) },
              {
                term: 'Maatschappelijke opgave',
                value: labels.labels('societalChallenges', asset.challenges),
              },
              { term: 'Taal', value: labels.label('languages', asset.language) },
              { term: 'Trefwoorden', value: asset.keywords },
              {
                term: 'Versie',
                value: `${asset.version.number}${asset.version.publishedAt ? `, gepubliceerd op ${formatDate(asset.version.publishedAt)}` : ''}`,
              },
              { term: 'Licentie', value: data.licence.label },
            ]}
          />
          {asset.module ? <ModuleSection {...kind} /> : ''}
          {asset.curriculum ? <CurriculumSection {...kind} /> : ''}
          {asset.infrastructure ? <InfrastructureSection {...kind} /> : ''}
          {asset.practice ? <PracticeSection {...kind} /> : ''}
          <Reuse {...data} />
          <ReviewsSection assetId={asset.id} ppsName={asset.pps.name} {...data.reviews} />
          <Lineage {...data} />
          <Similar {...data} />
          <Versions {...data} />
        </div>
        <aside class="asset-aside" aria-label="Hergebruiken">
          {data.viewer ? (
            <TakeUpActions
              asset={data.current ?? data.asset}
              principal={data.viewer.principal}
              following={data.viewer.following}
              page={data.viewer.page}
              reuseRecorded={data.viewer.reuseRecorded}
              lists={data.viewer.lists}
            />
          ) : (
            ''
          )}
          <Licence {...data} />
          <Contact {...data} />
        </aside>
      </div>
    </>
  );
}

function StatusBanners(data: AssetPageData): JSX.Element {
  const { asset, current, refs } = data;
  const successor = asset.successorId ? refs.get(asset.successorId) : undefined;
  return (
    <>
      {current ? (
        <div class="utrecht-alert utrecht-alert--info version-banner" role="note">
          <p class="utrecht-paragraph">
            {Html.escapeHtml(
              `U bekijkt versie ${asset.version.number}${asset.version.publishedAt ? ` van ${formatDate(asset.version.publishedAt)}` : ''}. Dit is niet de huidige versie.`,
            )}{' '}
            <a class="utrecht-link" href={assetPath(asset.id)} safe>
              {`Bekijk versie ${current.version.number} (de huidige)`}
            </a>
          </p>
          {asset.version.changeNote ? (
            <p
              class="utrecht-paragraph"
              safe
            >{`Wijziging in deze versie: ${asset.version.changeNote}`}</p>
          ) : (
            ''
          )}
        </div>
      ) : (
        ''
      )}
      {(current ?? asset).status === 'archived' ? (
        <div class="utrecht-alert utrecht-alert--warning" role="note">
          <p class="utrecht-paragraph">
            Deze bouwsteen is gearchiveerd: de PPS onderhoudt hem niet meer.{' '}
            {successor ? (
              <>
                Gebruik liever{' '}
                <a class="utrecht-link" href={assetPath(successor.id)} safe>
                  {successor.title}
                </a>
                .
              </>
            ) : (
              ''
            )}
          </p>
        </div>
      ) : (
        ''
      )}
    </>
  );
}
