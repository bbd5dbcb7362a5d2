import Html from '@kitajs/html';
import { Injectable } from '@nestjs/common';
import { QualificationsService } from '@bouwsteen/qualifications';
import type { QualificationCoverage } from '@bouwsteen/qualifications';
import { withoutMaterial } from '@bouwsteen/qualifications/pure';
import type { OverviewOrder, OverviewPage } from '@bouwsteen/qualifications/pure';
import { Pagination } from '../../components/pagination';
import { count, formatDate } from '../../format/format';
import type { PageContext } from '../../http/page-context';
import { SiteRenderer } from '../../layout/site-renderer';
import { OverviewControls } from './overview-controls';
import {
  MAX_QUERY_LENGTH,
  OVERVIEW_PAGE_SIZE,
  OverviewState,
  overviewHref,
  readOverviewState,
} from './overview-state';
import {
  ReferenceNotice,
  dossierName,
  electivesText,
  levelText,
  materialText,
  qualificationName,
  qualificationPath,
} from './qualification-parts';

/** A keuzedeel code typed into the qualifications' search box ("k0771"). */
const ELECTIVE_TYPED = /^k\d{4}$/i;

/**
 * /kwalificaties: the mbo qualifications with their coverage — which have reusable material
 * and where the gaps are — narrowed by name or crebo, paged. Plain links and a GET form, so it
 * works without JavaScript and every view is an address to share.
 */
@Injectable()
export class QualificationListPage {
  constructor(
    private readonly site: SiteRenderer,
    private readonly qualifications: QualificationsService,
  ) {}

  async render(page: PageContext, query: Record<string, unknown>): Promise<string> {
    const state = readOverviewState(query);
    const [overview, reference] = await Promise.all([
      this.qualifications.overview(state, { number: state.pageNumber, size: OVERVIEW_PAGE_SIZE }),
      this.qualifications.onlyReference(),
    ]);
    const narrowed = state.text !== '' || state.gapsOnly || state.order !== 'dossier';
    return this.site.page(
      page,
      {
        title: state.gapsOnly ? 'Kwalificaties zonder materiaal' : 'Kwalificaties',
        description:
          'Welke mbo-kwalificaties en keuzedelen al herbruikbaar materiaal hebben in Bouwsteen, en waar de gaten zitten.',
        canonicalPath: overviewHref(state, { pageNumber: state.pageNumber }),
        section: 'kwalificaties',
        // Each filtered view is a page of its own for people, not for search engines.
        noindex: narrowed,
      },
      <OverviewContent state={state} overview={overview} reference={reference} />,
    );
  }
}

const ORDER_LABELS: [OverviewOrder, string][] = [
  ['dossier', 'per dossier'],
  ['naam', 'op naam'],
  ['minst-materiaal', 'minst materiaal eerst'],
];

function OverviewContent(props: {
  state: OverviewState;
  overview: OverviewPage;
  reference: boolean;
}): JSX.Element {
  const { state, overview } = props;
  const pages = Math.max(1, Math.ceil(overview.total / OVERVIEW_PAGE_SIZE));
  return (
    <>
      <h1 class="utrecht-heading-1">Kwalificaties</h1>
      <p class="utrecht-paragraph">
        Welke mbo-kwalificaties hebben al herbruikbare curricula en modules, en waar zitten de
        gaten?{' '}
        <a class="utrecht-link" href="/kwalificaties/keuzedelen">
          Bekijk ook de keuzedelen
        </a>
      </p>
      <ReferenceNotice shown={props.reference} />
      <OverviewControls
        action="/kwalificaties"
        hidden={{
          ...(state.gapsOnly ? { alleen: 'zonder-materiaal' } : {}),
          ...(state.order !== 'dossier' ? { sorteer: state.order } : {}),
        }}
        inputId="kwalificatie-q"
        label="Zoek op naam of crebocode"
        placeholder="monteur of 25831"
        text={state.text}
        maxLength={MAX_QUERY_LENGTH}
        tabsLabel="Welke kwalificaties"
        all={{ href: overviewHref(state, { gapsOnly: false }), count: overview.matching }}
        gaps={{
          href: overviewHref(state, { gapsOnly: true }),
          count: overview.matchingWithoutMaterial,
          label: 'Zonder materiaal',
        }}
        gapsOnly={state.gapsOnly}
      />
      <ElectiveHint state={state} />
      <Results state={state} overview={overview} />
      <Pagination
        current={Math.min(state.pageNumber, pages)}
        total={pages}
        href={(n) => overviewHref(state, { pageNumber: n })}
        label="Pagina's met kwalificaties"
      />
    </>
  );
}

/** Words that are a keuzedeel's code: its page lives with the keuzedelen. */
function ElectiveHint(props: { state: OverviewState }): JSX.Element {
  const { text } = props.state;
  if (!ELECTIVE_TYPED.test(text)) return '';
  const code = text.toUpperCase();
  return (
    <p class="utrecht-paragraph qualification-hint">
      {Html.escapeHtml(`Zoekt u een keuzedeel? ${code} staat bij de `)}
      <a class="utrecht-link" href={`/kwalificaties/keuzedelen?q=${encodeURIComponent(code)}`}>
        keuzedelen
      </a>
      .
    </p>
  );
}

/**
 * "19 kwalificaties · per dossier · op naam · minst materiaal eerst": the count and the orders
 * on one line; "volgorde:" is heard, not seen, after a separator (so no text reading puts a
 * space before a comma).
 */
function CountAndOrder(props: { state: OverviewState; total: number }): JSX.Element {
  const { state } = props;
  return (
    <>
      {Html.escapeHtml(
        `${count(props.total, 'kwalificatie', 'kwalificaties')}${state.text ? ` voor "${state.text}"` : ''}`,
      )}
      <span class="qualification-order">
        {' · '}
        <span class="visually-hidden">volgorde: </span>
        {ORDER_LABELS.map(([order, label], index) => (
          <>
            {index > 0 ? ' · ' : ''}
            {order === state.order ? (
              <strong aria-current="true" safe>
                {label}
              </strong>
            ) : (
              <a class="utrecht-link" href={overviewHref(state, { order })} safe>
                {label}
              </a>
            )}
          </>
        ))}
      </span>
    </>
  );
}

function Results(props: { state: OverviewState; overview: OverviewPage }): JSX.Element {
  const { state, overview } = props;
  if (overview.rows.length === 0) return <NoResults state={state} overview={overview} />;
  if (state.order !== 'dossier')
    return (
      <section aria-labelledby="resultaten-titel">
        <h2 class="visually-hidden" id="resultaten-titel">
          Kwalificaties
        </h2>
        <p class="utrecht-paragraph qualification-count">
          <CountAndOrder state={state} total={overview.total} />
        </p>
        <ul class="qualification-list">
          {overview.rows.map((row) => (
            <QualificationCard row={row} withDossier />
          ))}
        </ul>
      </section>
    );
  const dossiers: { crebo: string; title: string; rows: QualificationCoverage[] }[] = [];
  for (const row of overview.rows) {
    const last = dossiers.at(-1);
    if (last?.crebo === row.dossierCrebo) last.rows.push(row);
    else dossiers.push({ crebo: row.dossierCrebo, title: row.dossierTitle, rows: [row] });
  }
  return (
    <>
      <p class="utrecht-paragraph qualification-count">
        <CountAndOrder state={state} total={overview.total} />
      </p>
      {dossiers.map((dossier) => (
        <section aria-labelledby={`dossier-${dossier.crebo}`}>
          <h2 class="utrecht-heading-2 qualification-dossier" id={`dossier-${dossier.crebo}`}>
            {Html.escapeHtml(dossierName(dossier.title, dossier.crebo))}{' '}
            <span class="site-muted" safe>{`dossier ${dossier.crebo}`}</span>
          </h2>
          <ul class="qualification-list">
            {dossier.rows.map((row) => (
              <QualificationCard row={row} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

function QualificationCard(props: {
  row: QualificationCoverage;
  withDossier?: boolean;
}): JSX.Element {
  const { row } = props;
  const facts = [
    `crebo ${row.crebo}`,
    levelText(row.level),
    props.withDossier ? `dossier ${dossierName(row.dossierTitle, row.dossierCrebo)}` : '',
  ].filter(Boolean);
  return (
    <li class="qualification-card" data-crebo={row.crebo}>
      <h3 class="qualification-card__title">
        <a class="utrecht-link" href={qualificationPath(row.crebo)} safe>
          {qualificationName(row.title, row.crebo)}
        </a>
      </h3>
      <p class="site-muted" safe>
        {facts.join(' · ')}
      </p>
      {row.current ? (
        ''
      ) : (
        <p class="qualification-card__closed" safe>
          {closedText(row.intakeEnds)}
        </p>
      )}
      <p class={withoutMaterial(row) ? 'qualification-card__gap' : ''} safe>
        {materialText(row.curricula, row.modules)}
      </p>
      <p safe>{electivesText(row.electives, row.electivesWithModule)}</p>
    </li>
  );
}

/** "Instroom gesloten sinds 31 juli 2020". */
function closedText(intakeEnds: string | null | undefined): string {
  return intakeEnds ? `Instroom gesloten sinds ${formatDate(intakeEnds)}` : 'Instroom gesloten';
}

function NoResults(props: { state: OverviewState; overview: OverviewPage }): JSX.Element {
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
      ? 'Elke kwalificatie die hier past, heeft al materiaal.'
      : state.text
        ? `Geen kwalificatie gevonden voor "${state.text}". Zoek op een deel van de naam of op de vijf cijfers van de crebocode.`
        : 'Op deze pagina staan geen kwalificaties meer.';
  return (
    <div class="qualification-none">
      <p class="utrecht-paragraph" safe>
        {message}
      </p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/kwalificaties">
          Toon alle kwalificaties
        </a>
      </p>
    </div>
  );
}
