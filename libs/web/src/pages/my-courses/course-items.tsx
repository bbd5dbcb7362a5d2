import Html from '@kitajs/html';
import { CourseDto } from '@bouwsteen/courses';
import { assetPath } from '../../components/asset-card';
import { FieldErrors } from '../../forms/field-errors';
import { TextField } from '../../forms/fields';
import { FormTokenField } from '../../forms/form-token';
import { formatHours, formatPrice } from '../../format/format';
import { LabelBook } from '../../format/labels';
import type { PageContext } from '../../http/page-context';
import { ItemButton } from './composer-components';

/** The composer's chosen list and its search box: the two halves a phone shows one above the other. */

/** Items with a newer version (or archived), and one button to bring them all up to date. */
export function OutdatedNotice(props: {
  page: PageContext;
  course: CourseDto;
  outdated: number;
}): JSX.Element {
  if (!props.outdated) return '';
  return (
    <div class="utrecht-alert utrecht-alert--warning">
      <div class="utrecht-alert__content">
        <p class="utrecht-paragraph">
          {Html.escapeHtml(
            props.outdated === 1
              ? 'Voor één onderdeel is er een nieuwere versie, of het is gearchiveerd.'
              : `Voor ${props.outdated} onderdelen is er een nieuwere versie, of ze zijn gearchiveerd.`,
          )}
        </p>
        <form method="post" action={`/mijn-cursussen/${props.course.id}/bijwerken`}>
          <FormTokenField page={props.page} />
          <input type="hidden" name="revisie" value={String(props.course.revision)} />
          <button type="submit" class="utrecht-button utrecht-button--secondary-action">
            Alles bijwerken naar de nieuwste versie
          </button>
        </form>
      </div>
    </div>
  );
}

/**
 * The course's items in order, each with its facts, the rules' errors and warnings beside it,
 * and buttons (not dragging) to move or remove it. One form: the search that was open is sent
 * along, so it is still open after the change.
 */
export function CourseItems(props: {
  page: PageContext;
  course: CourseDto;
  labels: LabelBook;
  /** Rule warnings by item index. */
  warnings: Map<number, string[]>;
  /** Errors of the last item change, by the asset they concern. */
  itemErrors?: Map<string, string[]>;
  q?: string;
  places?: boolean;
}): JSX.Element {
  const { course, labels } = props;
  if (!course.items.length)
    return (
      <p class="utrecht-paragraph">Nog geen onderdelen. Zoek hieronder modules en voeg ze toe.</p>
    );
  return (
    <form method="post" action={`/mijn-cursussen/${course.id}/onderdelen`} novalidate>
      <FormTokenField page={props.page} />
      <input type="hidden" name="revisie" value={String(course.revision)} />
      {props.q ? <input type="hidden" name="q" value={props.q} /> : ''}
      {props.places ? <input type="hidden" name="soort" value="infrastructure" /> : ''}
      <ol class="course-items">
        {course.items.map((item, index) => (
          <li id={`onderdeel-${item.assetId}`} tabindex="-1">
            <h3 class="utrecht-heading-3">
              <a class="utrecht-link" href={assetPath(item.assetId, item.version)} safe>
                {item.title}
              </a>
            </h3>
            <p class="utrecht-paragraph site-muted" safe>
              {[
                labels.kind(item.kind),
                item.ppsName,
                `versie ${item.version}`,
                formatHours(item.studyLoadHours),
                formatPrice(item.priceCents),
                labels.label('licenses', item.license),
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
            {[...(props.itemErrors?.get(item.assetId) ?? [])].map((message) => (
              <p class="utrecht-form-field-error-message" safe>
                {message}
              </p>
            ))}
            {(props.warnings.get(index) ?? []).map((message) => (
              <p class="course-warning" safe>{`Let op: ${message}`}</p>
            ))}
            {item.kind === 'infrastructure' ? (
              <TextField
                path={`locatie.${index}`}
                label={`Locatie voor ${item.title}`}
                value={item.location ?? ''}
                errors={new FieldErrors()}
                plainLabel
              />
            ) : (
              ''
            )}
            <div class="match-actions">
              <ItemButton
                action={`up:${index}`}
                label="Omhoog"
                title={item.title}
                disabled={index === 0}
              />
              <ItemButton
                action={`down:${index}`}
                label="Omlaag"
                title={item.title}
                disabled={index === course.items.length - 1}
              />
              <ItemButton action={`remove:${index}`} label="Verwijderen" title={item.title} />
            </div>
          </li>
        ))}
      </ol>
      {course.items.some((item) => item.kind === 'infrastructure') ? (
        <button
          type="submit"
          name="actie"
          value="save"
          class="utrecht-button utrecht-button--secondary-action"
        >
          Locaties opslaan
        </button>
      ) : (
        ''
      )}
    </form>
  );
}

/**
 * The search for modules or practice environments. A GET form: the search is an address
 * (bookmarkable, back button). On a phone the words get the full width and the kind and the
 * button go below them (work.css, .course-search).
 */
export function CourseSearchForm(props: {
  courseId: string;
  q?: string;
  places?: boolean;
}): JSX.Element {
  return (
    <form
      method="get"
      action={`/mijn-cursussen/${props.courseId}`}
      class="site-search course-search"
      role="search"
      aria-labelledby="zoek-titel"
    >
      <label class="utrecht-form-label" for="cursus-zoek">
        Zoekwoorden
      </label>
      <div class="site-search__row">
        <input
          class="utrecht-textbox utrecht-textbox--html-input"
          type="search"
          id="cursus-zoek"
          name="q"
          value={props.q ?? ''}
        />
        <label class="visually-hidden" for="cursus-soort">
          Wat zoekt u
        </label>
        <select class="utrecht-select utrecht-select--html-select" id="cursus-soort" name="soort">
          <option value="module" selected={!props.places}>
            Modules
          </option>
          <option value="infrastructure" selected={props.places}>
            Praktijkomgevingen
          </option>
        </select>
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          Zoeken
        </button>
      </div>
    </form>
  );
}
