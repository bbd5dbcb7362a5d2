import Html from '@kitajs/html';
import { Injectable } from '@nestjs/common';
import { QualificationsService } from '@bouwsteen/qualifications';
import type { ElectiveCoverage } from '@bouwsteen/qualifications';
import { isElectiveGap } from '@bouwsteen/qualifications/pure';
import type { ElectiveOverviewPage } from '@bouwsteen/qualifications/pure';
import { Pagination } from '../../components/pagination';
import { count, formatNumber } from '../../format/format';
import type { PageContext } from '../../http/page-context';
import { SiteRenderer } from '../../layout/site-renderer';
import {
  ElectiveListState,
  MAX_QUERY_LENGTH,
  OVERVIEW_PAGE_SIZE,
  electiveListHref,
  readElectiveListState,
} from './overview-state';
import { OverviewControls } from './overview-controls';
import { ReferenceNotice, electiveName, electivePath } from './qualification-parts';

/**
 * /kwalificaties/keuzedelen: every keuzedeel with its size, certificate and how many modules
 * carry it, narrowed by code or name, with the "zonder module" choice (a keuzedeel past its
 * end date is no gap). Narrowed and paged in SQL; a GET form and plain links.
 */
@Injectable()
export class ElectiveListPage {
  constructor(
    private readonly site: SiteRenderer,
    private readonly qualifications: QualificationsService,
  ) {}

  async render(page: PageContext, query: Record<string, unknown>): Promise<string> {
    const state = readElectiveListState(query);
    const [overview, reference] = await Promise.all([
      this.qualifications.electiveOverview(state, {
        number: state.pageNumber,
        size: OVERVIEW_PAGE_SIZE,
      }),
      this.qualifications.onlyReference(),
    ]);
    return this.site.page(
      page,
      {
        title: state.gapsOnly ? 'Keuzedelen zonder module' : 'Keuzedelen',
        description:
          'Welke mbo-keuzedelen al een herbruikbare module hebben in Bouwsteen, en welke nog niet.',
        canonicalPath: electiveListHref(state, { pageNumber: state.pageNumber }),
        section: 'kwalificaties',
        noindex: state.text !== '' || state.gapsOnly,
      },
      <ElectiveListContent state={state} overview={overview} reference={reference} />,
    );
  }
}

function ElectiveListContent(props: {
  state: ElectiveListState;
  overview: ElectiveOverviewPage;
  reference: boolean;
}): JSX.Element {
  const { state, overview } = props;
  const pages = Math.max(1, Math.ceil(overview.total / OVERVIEW_PAGE_SIZE));
  return (
    <>
      <h1 class="utrecht-heading-1">Keuzedelen</h1>
      <p class="utrecht-paragraph">
        Welke mbo-keuzedelen hebben al een herbruikbare module, en welke nog niet?{' '}
        <a class="utrecht-link" href="/kwalificaties">
          Naar de kwalificaties
        </a>
      </p>
      <ReferenceNotice shown={props.reference} />
      <OverviewControls
        action="/kwalificaties/keuzedelen"
        hidden={state.gapsOnly ? { alleen: 'zonder-module' } : {}}
        inputId="keuzedeel-q"
        label="Zoek op naam of code"
        placeholder="warmtepompen of K0771"
        text={state.text}
        maxLength={MAX_QUERY_LENGTH}
        tabsLabel="Welke keuzedelen"
        all={{ href: electiveListHref(state, { gapsOnly: false }), count: overview.matching }}
        gaps={{
          href: electiveListHref(state, { gapsOnly: true }),
          count: overview.matchingWithoutModule,
          label: 'Zonder module',
        }}
        gapsOnly={state.gapsOnly}
      />
      {overview.rows.length ? (
        <section aria-labelledby="keuzedelen-resultaten">
          <h2 class="visually-hidden" id="keuzedelen-resultaten">
            Keuzedelen
          </h2>
          <p class="utrecht-paragraph qualification-count" safe>
            {`${count(overview.total, 'keuzedeel', 'keuzedelen')}${state.text ? ` voor "${state.text}"` : ''}`}
          </p>
          <ul class="qualification-list">
            {overview.rows.map((row) => (
              <ElectiveCard row={row} />
            ))}
          </ul>
        </section>
      ) : (
        <NoElectives state={state} overview={overview} />
      )}
      <Pagination
        current={Math.min(state.pageNumber, pages)}
        total={pages}
        href={(n) => electiveListHref(state, { pageNumber: n })}
        label="Pagina's met keuzedelen"
      />
    </>
  );
}

function ElectiveCard(props: { row: ElectiveCoverage }): JSX.Element {
  const { row } = props;
  const facts = [
    row.studyLoadSbu === null ? '' : `${formatNumber(row.studyLoadSbu)} sbu`,
    row.certificate ? 'met mbo-certificaat' : 'zonder mbo-certificaat',
    row.current ? '' : 'niet meer geldig',
  ].filter(Boolean);
  return (
    <li class="qualification-card" data-keuzedeel={row.code}>
      <h3 class="qualification-card__title">
        <a class="utrecht-link" href={electivePath(row.code)} safe>
          {electiveName(row.title, row.code)}
        </a>
      </h3>
      <p class="site-muted" safe>
        {facts.join(' · ')}
      </p>
      <p class={isElectiveGap(row) ? 'qualification-card__gap' : ''} safe>
        {modulesText(row.modules)}
      </p>
    </li>
  );
}

function modulesText(modules: number): string {
  return modules ? count(modules, 'module', 'modules') : 'Nog geen herbruikbare module';
}

function NoElectives(props: {
  state: ElectiveListState;
  overview: ElectiveOverviewPage;
}): JSX.Element {
  const { state, overview } = props;
  if (!state.text && !state.gapsOnly && overview.matching === 0)
    return (
      <p class="utrecht-paragraph">
        Er is nog geen kwalificatiestructuur ingelezen. Een beheerder leest het bestand van SBB in
        via Beheer.
      </p>
    );
  const message =
    state.gapsOnly && overview.matching > 0
      ? 'Elk geldig keuzedeel dat hier past, heeft al een module.'
      : state.text
        ? `Geen keuzedeel gevonden voor "${state.text}". Zoek op een deel van de naam of op de code, zoals K0771.`
        : 'Op deze pagina staan geen keuzedelen meer.';
  return (
    <div class="qualification-none">
      <p class="utrecht-paragraph">{Html.escapeHtml(message)}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/kwalificaties/keuzedelen">
          Toon alle keuzedelen
        </a>
      </p>
    </div>
  );
}
