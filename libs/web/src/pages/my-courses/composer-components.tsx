import Html from '@kitajs/html';
import { licenseUrl } from '@bouwsteen/assets';
import { CourseDto, CreateCourseDto, ShareLinkDto, EmployerInputDto } from '@bouwsteen/courses';
import { SearchHitDto } from '@bouwsteen/search';
import { assetPath } from '../../components/asset-card';
import { FieldErrors } from '../../forms/field-errors';
import { Option, SelectField, TextArea, TextField } from '../../forms/fields';
import { FormTokenField } from '../../forms/form-token';
import { formatEuro, formatHours, formatPrice, labelRange } from '../../format/format';
import { LabelBook } from '../../format/labels';
import type { PageContext } from '../../http/page-context';
import { STATUS_LABELS } from './course-form';
import { maxLengths } from '../../forms/field-limits';

/** The composer's parts: the details form, the search results, totals and the share link. */

export type Form = Record<string, unknown>;

/** The API's limits for the details form (CreateCourseDto's MaxLength rules). */
export const COURSE_LIMITS = maxLengths(CreateCourseDto, { employer: EmployerInputDto });

/** What a search result means for this course: usable, or why not (licence before adding). */
export function licenceNote(nonCommercial: boolean, paid: boolean): string | undefined {
  if (nonCommercial && paid)
    return 'Niet te gebruiken in deze betaalde cursus: de licentie is niet-commercieel (NC).';
  if (nonCommercial) return 'Niet-commerciële licentie: de cursus mag dan niets kosten.';
  return undefined;
}

export function ItemButton(props: {
  action: string;
  label: string;
  title: string;
  disabled?: boolean;
}): JSX.Element {
  return (
    <button
      type="submit"
      name="actie"
      value={props.action}
      class="utrecht-button utrecht-button--secondary-action"
      disabled={props.disabled}
    >
      {Html.escapeHtml(props.label)}
      <span class="visually-hidden" safe>{`: ${props.title}`}</span>
    </button>
  );
}

export function DetailFields(props: {
  values: Form;
  errors: FieldErrors;
  labels: LabelBook;
  employers: Option[];
  withStatus: boolean;
}): JSX.Element {
  const { values, errors } = props;
  const schedule = (values.schedule ?? {}) as Form;
  const str = (value: unknown) =>
    value === undefined || value === null ? undefined : String(value);
  return (
    <>
      <TextField
        path="title"
        label="Titel"
        value={str(values.title)}
        maxlength={COURSE_LIMITS.title}
        errors={errors}
        required
      />
      <fieldset class="site-form__group" id="veld-employer">
        <legend>Werkgever</legend>
        {errors.at('employer').length ? (
          <p class="utrecht-form-field-error-message" safe>
            {errors.at('employer').join(' ')}
          </p>
        ) : (
          ''
        )}
        {props.employers.length ? (
          <SelectField
            path="employerId"
            label="Een werkgever van een eerdere cursus"
            options={props.employers}
            value={str(values.employerId)}
            empty="Kies…"
            errors={errors}
          />
        ) : (
          ''
        )}
        <TextField
          path="employerName"
          label={props.employers.length ? 'Of een nieuwe werkgever' : 'Naam van de werkgever'}
          value={str(values.employerName)}
          maxlength={COURSE_LIMITS['employer.name']}
          errors={errors}
          plainLabel
        />
      </fieldset>
      <SelectField
        path="audience"
        label="Doelgroep"
        options={props.labels
          .terms('audiences')
          .map((term) => ({ value: term.code, label: term.label }))}
        value={str(values.audience) ?? 'worker'}
        errors={errors}
        required
      />
      <TextArea
        path="goals"
        label="Doelen"
        rows={3}
        value={str(values.goals)}
        maxlength={COURSE_LIMITS.goals}
        errors={errors}
      />
      <fieldset class="site-form__group">
        <legend>Planning</legend>
        <div class="site-form__row">
          <TextField
            path="schedule.start"
            label="Begindatum"
            type="date"
            width="medium"
            value={str(schedule.start)}
            errors={errors}
          />
          <TextField
            path="schedule.end"
            label="Einddatum"
            type="date"
            width="medium"
            value={str(schedule.end)}
            errors={errors}
          />
          <TextField
            path="schedule.durationWeeks"
            label="Duur in weken"
            inputmode="numeric"
            width="small"
            value={str(schedule.durationWeeks)}
            errors={errors}
          />
        </div>
      </fieldset>
      <div class="site-form__row">
        <TextField
          path="extras"
          label="Extra kosten in euro, exclusief btw"
          hint="Bovenop de prijzen van de modules, bijvoorbeeld begeleiding op locatie."
          inputmode="decimal"
          width="medium"
          value={str(values.extras)}
          errors={errors}
        />
        <TextField
          path="extrasDescription"
          label="Waarvoor"
          value={str(values.extrasDescription)}
          maxlength={COURSE_LIMITS.extrasDescription}
          errors={errors}
        />
      </div>
      {props.withStatus ? (
        <SelectField
          path="status"
          label="Status"
          options={Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }))}
          value={str(values.status)}
          errors={errors}
          required
        />
      ) : (
        ''
      )}
    </>
  );
}

export function Results(props: {
  page: PageContext;
  course: CourseDto;
  hits?: SearchHitDto[];
  unavailable?: boolean;
  q?: string;
  labels: LabelBook;
  nonCommercial: Map<string, boolean>;
  paid: boolean;
  itemErrors?: Map<string, string[]>;
  places?: boolean;
}): JSX.Element {
  if (props.unavailable)
    return (
      <p class="utrecht-paragraph">
        Zoeken lukt nu niet (de zoekdienst reageert niet). Probeer het zo opnieuw.
      </p>
    );
  if (!props.hits) return '';
  if (!props.hits.length)
    return <p class="utrecht-paragraph">Niets gevonden. Probeer andere woorden.</p>;
  const inCourse = new Set(props.course.items.map((item) => item.assetId));
  return (
    <ul class="match-list" id="zoekresultaten">
      {props.hits.map((hit) => {
        const note = licenceNote(props.nonCommercial.get(hit.license) ?? false, props.paid);
        const errors = props.itemErrors?.get(hit.id) ?? [];
        return (
          <li>
            <h3 class="utrecht-heading-3">
              <a class="utrecht-link" href={assetPath(hit.id)} safe>
                {hit.title}
              </a>
            </h3>
            <p class="utrecht-paragraph site-muted" safe>
              {[
                props.labels.kind(hit.kind),
                hit.pps.name,
                formatHours(hit.studyLoadHours),
                props.labels.labels('educationLevels', hit.levels).join(', '),
                // What the module costs per participant, as the course's items say it.
                hit.kind === 'module' ? formatPrice(hit.priceCents) : '',
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
            <p class="utrecht-paragraph">
              {'Licentie: '}
              {licenseUrl(hit.license) ? (
                <a class="utrecht-link" href={licenseUrl(hit.license)!} safe>
                  {props.labels.label('licenses', hit.license)}
                </a>
              ) : (
                Html.escapeHtml(props.labels.label('licenses', hit.license))
              )}
            </p>
            {note ? (
              <p class={props.paid ? 'utrecht-form-field-error-message' : 'course-warning'} safe>
                {note}
              </p>
            ) : (
              ''
            )}
            {errors.map((message) => (
              <p class="utrecht-form-field-error-message" safe>
                {message}
              </p>
            ))}
            {inCourse.has(hit.id) ? (
              <p class="utrecht-paragraph">Staat al in de cursus.</p>
            ) : props.paid && props.nonCommercial.get(hit.license) ? (
              // Offered only what may succeed: the note above says why this one cannot be added.
              ''
            ) : (
              <form method="post" action={`/mijn-cursussen/${props.course.id}/onderdelen`}>
                <FormTokenField page={props.page} />
                <input type="hidden" name="revisie" value={String(props.course.revision)} />
                {props.q ? <input type="hidden" name="q" value={props.q} /> : ''}
                {props.places ? <input type="hidden" name="soort" value="infrastructure" /> : ''}
                <button
                  type="submit"
                  name="actie"
                  value={`add:${hit.id}`}
                  class="utrecht-button utrecht-button--secondary-action"
                >
                  Toevoegen<span class="visually-hidden" safe>{`: ${hit.title}`}</span>
                </button>
              </form>
            )}
          </li>
        );
      })}
    </ul>
  );
}

export function Totals({ course, labels }: { course: CourseDto; labels: LabelBook }): JSX.Element {
  const { totals } = course;
  const unpriced = course.items.filter(
    (item) => item.kind === 'module' && item.priceCents === null,
  ).length;
  const modes = Object.entries(totals.deliveryModes)
    .map(([mode, count]) => `${labels.label('deliveryModes', mode)} (${count})`)
    .join(', ');
  return (
    <section aria-labelledby="totalen-titel">
      <h2 class="utrecht-heading-2" id="totalen-titel">
        Totaal
      </h2>
      <dl class="facts" id="cursus-totalen">
        <dt>Studiebelasting</dt>
        <dd safe>{formatHours(totals.studyLoadHours) || '0 uur'}</dd>
        <dt>Prijs per deelnemer</dt>
        <dd safe>
          {`${formatEuro(totals.priceCents)} excl. btw${unpriced ? ` (${unpriced === 1 ? 'één module heeft' : `${unpriced} modules hebben`} geen prijs)` : ''}`}
        </dd>
        <dt>Certificaten</dt>
        <dd>
          {Html.escapeHtml(
            totals.certificates.length
              ? `${totals.certificates.map((c) => labels.label('certifications', c.certification)).join(', ')}${totals.certificatesStack ? ' (stapelbaar)' : ''}`
              : 'geen',
          )}
        </dd>
        <dt>Vorm</dt>
        <dd safe>{modes || '—'}</dd>
        <dt>Niveau</dt>
        <dd>
          {Html.escapeHtml(
            totals.levelRange
              ? labelRange(
                  labels.label('educationLevels', totals.levelRange.lowest),
                  labels.label('educationLevels', totals.levelRange.highest),
                )
              : '—',
          )}
        </dd>
      </dl>
    </section>
  );
}

export function Share(props: {
  page: PageContext;
  course: CourseDto;
  share?: ShareLinkDto;
  absolute: (path: string) => string;
}): JSX.Element {
  const { course, page } = props;
  const action = (path: string, label: string, primary = false) => (
    <form method="post" action={`/mijn-cursussen/${course.id}/${path}`}>
      <FormTokenField page={page} />
      <button
        type="submit"
        class={`utrecht-button utrecht-button--${primary ? 'primary' : 'secondary'}-action`}
      >
        {Html.escapeHtml(label)}
      </button>
    </form>
  );
  return (
    <section aria-labelledby="delen-titel">
      <h2 class="utrecht-heading-2" id="delen-titel">
        Delen met de werkgever
      </h2>
      {props.share ? (
        <div class="share-link">
          <label class="utrecht-form-label" for="deellink">
            Deellink (kopieer hem voor de werkgever)
          </label>
          <input
            class="utrecht-textbox utrecht-textbox--html-input utrecht-textbox--read-only"
            id="deellink"
            value={props.absolute(props.share.html)}
            readonly
          />
          <button
            type="button"
            class="utrecht-button utrecht-button--secondary-action"
            data-copy-target="deellink"
            data-copy-status="deellink-status"
            hidden
          >
            Kopieer link
          </button>
          <span id="deellink-status" class="copy-status" role="status"></span>
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={props.share.html}>
              Bekijk en druk af zoals de werkgever het ziet
            </a>
          </p>
        </div>
      ) : course.shared ? (
        <p class="utrecht-paragraph">
          Er is een deellink actief. Kwijt? Toon hem opnieuw. Bij de verkeerde persoon beland? Maak
          een nieuwe: de oude werkt dan niet meer.
        </p>
      ) : (
        <p class="utrecht-paragraph">
          Met een deellink kan de werkgever het voorstel bekijken en afdrukken, zonder account.
        </p>
      )}
      <div class="match-actions">
        {action('delen', course.shared ? 'Deellink tonen' : 'Deellink maken', !course.shared)}
        {course.shared ? action('delen-vervangen', 'Nieuwe link maken') : ''}
        {course.shared ? action('delen-intrekken', 'Link intrekken') : ''}
      </div>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/mijn-cursussen/${course.id}/afdrukken`}>
          Afdrukversie
        </a>
      </p>
    </section>
  );
}
