import { CourseDto, ShareLinkDto } from '@bouwsteen/courses';
import { SearchHitDto } from '@bouwsteen/search';
import { DataTable } from '../../components/data-table';
import { StaleNotice } from '../../components/stale-notice';
import { StatusNotice } from '../../components/status-notice';
import { FieldErrors } from '../../forms/field-errors';
import { ErrorSummary, Option } from '../../forms/fields';
import { FormTokenField } from '../../forms/form-token';
import { formatDate, formatEuro, formatHours } from '../../format/format';
import { LabelBook } from '../../format/labels';
import type { PageContext } from '../../http/page-context';
import { DetailFields, Form, Results, Share, Totals } from './composer-components';
import { CourseItems, CourseSearchForm, OutdatedNotice } from './course-items';
import { STATUS_LABELS } from './course-form';

/** The LLO office's pages as markup: the course list, a new course, and the composer. */

/** The details form's fields by the paths the rules name, for the error summary. */
const DETAIL_LABELS: Record<string, string> = {
  title: 'Titel',
  employer: 'Werkgever',
  'employer.name': 'Naam van de werkgever',
  employerName: 'Naam van de werkgever',
  employerId: 'Werkgever van een eerdere cursus',
  extras: 'Extra kosten',
  audience: 'Doelgroep',
  goals: 'Doelen',
  'schedule.start': 'Begindatum',
  'schedule.end': 'Einddatum',
  'schedule.durationWeeks': 'Duur in weken',
  extrasCents: 'Extra kosten',
  extrasDescription: 'Waarvoor zijn de extra kosten',
  status: 'Status',
};

const detailLabel = (path: string): string => DETAIL_LABELS[path] ?? 'Formulier';

/** /mijn-cursussen: the office's courses (on a phone, each row a card). */
export function CourseListView(props: {
  courses: readonly CourseDto[];
  labels: LabelBook;
}): JSX.Element {
  const { labels } = props;
  return (
    <>
      <h1 class="utrecht-heading-1" id="cursussen-titel">
        Mijn cursussen
      </h1>
      <p class="utrecht-paragraph">
        <a
          class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
          href="/mijn-cursussen/nieuw"
        >
          Nieuwe cursus samenstellen
        </a>
      </p>
      {props.courses.length ? (
        <DataTable
          labelledBy="cursussen-titel"
          rows={props.courses}
          columns={[
            {
              header: 'Cursus',
              render: (course) => (
                <a class="utrecht-link" href={`/mijn-cursussen/${course.id}`} safe>
                  {course.title}
                </a>
              ),
            },
            { header: 'Werkgever', text: (course) => course.employer.name },
            { header: 'Doelgroep', text: (course) => labels.label('audiences', course.audience) },
            { header: 'Status', text: (course) => STATUS_LABELS[course.status] ?? course.status },
            {
              header: 'Uren',
              numeric: true,
              text: (course) => formatHours(course.totals.studyLoadHours),
            },
            {
              header: 'Prijs',
              numeric: true,
              text: (course) => formatEuro(course.totals.priceCents),
            },
            { header: 'Gewijzigd', text: (course) => formatDate(course.updatedAt) },
          ]}
        />
      ) : (
        <p class="utrecht-paragraph">U heeft nog geen cursussen.</p>
      )}
    </>
  );
}

/** /mijn-cursussen/nieuw: the details first; modules are added on the composer after. */
export function NewCourseView(props: {
  page: PageContext;
  values: Form;
  errors: FieldErrors;
  labels: LabelBook;
  employers: Option[];
}): JSX.Element {
  return (
    <>
      <h1 class="utrecht-heading-1">Nieuwe cursus</h1>
      <ErrorSummary errors={props.errors} labelOf={detailLabel} />
      <p class="utrecht-paragraph">
        Begin met de gegevens; daarna zoekt u modules en zet u ze in volgorde.
      </p>
      <form method="post" action="/mijn-cursussen/nieuw" class="site-form" novalidate>
        <FormTokenField page={props.page} />
        <DetailFields
          values={props.values}
          errors={props.errors}
          labels={props.labels}
          employers={props.employers}
          withStatus={false}
        />
        <button type="submit" class="utrecht-button utrecht-button--primary-action">
          Cursus aanmaken
        </button>
      </form>
    </>
  );
}

/** What the composer shows: the course, what the page service found for it, and the last outcome. */
export interface ComposerViewProps {
  page: PageContext;
  course: CourseDto;
  labels: LabelBook;
  employers: Option[];
  /** The search's results (undefined: no search yet), or that search is down. */
  results: { hits?: SearchHitDto[]; unavailable?: boolean };
  /** Whether each licence (of the items and the results) forbids commercial use. */
  nonCommercial: Map<string, boolean>;
  /** Rule warnings by item index. */
  warnings: Map<number, string[]>;
  /** Items with a newer version or archived. */
  outdated: number;
  /** The details form as typed (after a refusal), else the course's own. */
  values: Form;
  errors: FieldErrors;
  itemErrors?: Map<string, string[]>;
  share?: ShareLinkDto;
  notice?: string;
  stale?: boolean;
  q?: string;
  places?: boolean;
  absolute: (path: string) => string;
}

/**
 * /mijn-cursussen/:id. On a phone everything is one column: the chosen items, the search with
 * its results, the totals and the share link, then the details; from 64rem the totals stand
 * beside the items (work.css, .work-layout).
 */
export function ComposerView(props: ComposerViewProps): JSX.Element {
  const { page, course, labels } = props;
  const paid = course.totals.priceCents > 0;
  return (
    <>
      <nav aria-label="Kruimelpad">
        <ol class="breadcrumb-list">
          <li>
            <a class="utrecht-link" href="/mijn-cursussen">
              Mijn cursussen
            </a>
          </li>
        </ol>
      </nav>
      <h1 class="utrecht-heading-1" safe>
        {course.title}
      </h1>
      <p class="utrecht-paragraph utrecht-paragraph--lead" safe>
        {`Voor ${course.employer.name} · ${STATUS_LABELS[course.status] ?? course.status}`}
      </p>
      <StatusNotice text={props.notice} />
      <StaleNotice what="deze cursus" show={props.stale} />
      <div class="work-layout">
        <div class="composer-main">
          <section aria-labelledby="onderdelen-titel" id="onderdelen">
            <h2 class="utrecht-heading-2" id="onderdelen-titel">
              Onderdelen
            </h2>
            <OutdatedNotice page={page} course={course} outdated={props.outdated} />
            <CourseItems
              page={page}
              course={course}
              labels={labels}
              warnings={props.warnings}
              itemErrors={props.itemErrors}
              q={props.q}
              places={props.places}
            />
          </section>
          <section aria-labelledby="zoek-titel" id="zoeken">
            <h2 class="utrecht-heading-2" id="zoek-titel">
              Modules zoeken
            </h2>
            <p class="utrecht-paragraph">
              Modules voor werkenden (het LLO-aanbod), of praktijkomgevingen waar de cursus kan
              plaatsvinden. Bij elke bouwsteen staat de licentie, vóór u hem toevoegt.
            </p>
            <CourseSearchForm courseId={course.id} q={props.q} places={props.places} />
            <Results
              page={page}
              course={course}
              hits={props.results.hits}
              unavailable={props.results.unavailable}
              q={props.q}
              labels={labels}
              nonCommercial={props.nonCommercial}
              paid={paid}
              itemErrors={props.itemErrors}
              places={props.places}
            />
          </section>
        </div>
        <aside class="work-aside" aria-labelledby="totalen-titel">
          <Totals course={course} labels={labels} />
          <Share page={page} course={course} share={props.share} absolute={props.absolute} />
        </aside>
      </div>
      <section aria-labelledby="gegevens-titel">
        <h2 class="utrecht-heading-2" id="gegevens-titel">
          Gegevens van de cursus
        </h2>
        <ErrorSummary errors={props.errors} labelOf={detailLabel} />
        <form method="post" action={`/mijn-cursussen/${course.id}`} class="site-form" novalidate>
          <FormTokenField page={page} />
          <input type="hidden" name="revisie" value={String(course.revision)} />
          <DetailFields
            values={props.values}
            errors={props.errors}
            labels={labels}
            employers={props.employers}
            withStatus
          />
          <button type="submit" class="utrecht-button utrecht-button--primary-action">
            Gegevens opslaan
          </button>
        </form>
      </section>
    </>
  );
}
