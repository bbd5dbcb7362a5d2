import Html from '@kitajs/html';
import type { FieldError } from '@bouwsteen/common';
import { LIST_DESCRIPTION_MAX, LIST_NAME_MAX, type ListDto } from '@bouwsteen/lists';
import { StaleNotice } from '../../components/stale-notice';
import { StatusNotice } from '../../components/status-notice';
import { ErrorSummary, type Option, SelectField, TextArea, TextField } from '../../forms/fields';
import type { FieldErrors } from '../../forms/field-errors';
import { FormTokenField } from '../../forms/form-token';
import type { PageContext } from '../../http/page-context';
import { ListExtras } from './list-extras';
import { EditableItems, ListOverview, VISIBILITY_LABELS, listPath } from './list-views';

type Form = Record<string, unknown>;

/** The fields of the forms on "Mijn lijsten", as the error summary names them. */
const LABELS: Record<string, string> = {
  name: 'Naam van de lijst',
  description: 'Beschrijving',
  visibility: 'Wie ziet de lijst?',
  title: 'Titel van de cursus',
  'employer.name': 'Werkgever',
  employer: 'Werkgever',
  audience: 'Doelgroep',
};
const labelOf = (path: string) => LABELS[path] ?? path;
const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** What the list page shows besides the list: a form's errors and what was typed. */
export interface ListPageState {
  notice?: string;
  detailErrors?: FieldError[];
  detailValues?: Form;
  stale?: boolean;
  noteErrors?: Map<string, string>;
  noteValues?: Map<string, string>;
  courseErrors?: FieldError[];
  courseValues?: Form;
}

/** /mijn-lijsten: the person's lists and the form for a new one (kept as typed when refused). */
export function MyListsBody(props: {
  page: PageContext;
  lists: ListDto[];
  notice?: string;
  fieldErrors: FieldErrors;
  values: Form;
}): JSX.Element {
  const { page, lists, fieldErrors, values } = props;
  return (
    <>
      <h1 class="utrecht-heading-1">Mijn lijsten</h1>
      <ErrorSummary errors={fieldErrors} labelOf={labelOf} />
      <StatusNotice text={props.notice} />
      <p class="utrecht-paragraph">
        Verzamel bouwstenen die u wilt gebruiken, met een notitie per bouwsteen. Een lijst is privé,
        tenzij u hem deelt met een link of openbaar maakt. Zie ook{' '}
        <a class="utrecht-link" href="/mijn-zoekopdrachten">
          Mijn zoekopdrachten
        </a>
        .
      </p>
      <ListOverview lists={lists} />
      <section aria-labelledby="nieuwe-lijst-titel" class="list-section">
        <h2 class="utrecht-heading-2" id="nieuwe-lijst-titel">
          Nieuwe lijst
        </h2>
        <form method="post" action="/mijn-lijsten" class="site-form" novalidate>
          <FormTokenField page={page} />
          <TextField
            path="name"
            label={LABELS.name}
            value={text(values.name)}
            errors={fieldErrors}
            maxlength={LIST_NAME_MAX}
            required
          />
          <TextArea
            path="description"
            label={LABELS.description}
            value={text(values.description)}
            errors={fieldErrors}
            maxlength={LIST_DESCRIPTION_MAX}
            rows={3}
          />
          <button type="submit" class="utrecht-button utrecht-button--primary-action">
            Lijst maken
          </button>
        </form>
      </section>
    </>
  );
}

/**
 * One of the person's lists: its blocks (order, notes, off the list), its name, description and
 * who sees it, and ListExtras (share link, a course from it, removing it).
 */
export function ListBody(props: {
  page: PageContext;
  list: ListDto;
  state: ListPageState;
  errors: FieldErrors;
  /** The share link in force, as a full address. */
  link?: string;
  /** An LLO office's form for a course from the list (absent for others). */
  course?: { errors: FieldErrors; values: Form; audiences: Option[] };
  /** Whether "public" is offered (ListPolicy.mayMakePublic: the account has an organisation). */
  mayMakePublic: boolean;
}): JSX.Element {
  const { page, list, state, errors } = props;
  const values = state.detailValues ?? {};
  const id = list.id;
  return (
    <>
      <nav class="utrecht-breadcrumb-nav" aria-label="Kruimelpad">
        <ol class="breadcrumb-list">
          <li>
            <a class="utrecht-link" href="/mijn-lijsten">
              Mijn lijsten
            </a>
          </li>
        </ol>
      </nav>
      <h1 class="utrecht-heading-1" safe>
        {list.name}
      </h1>
      <ErrorSummary errors={errors} labelOf={labelOf} />
      <StatusNotice text={state.notice} />
      <StaleNotice what="deze lijst" show={state.stale} />
      {list.description ? (
        <p class="utrecht-paragraph site-lines" safe>
          {list.description}
        </p>
      ) : (
        ''
      )}
      <section aria-labelledby="bouwstenen-titel" class="list-section">
        <h2 class="utrecht-heading-2" id="bouwstenen-titel">
          {Html.escapeHtml(`Bouwstenen (${list.itemCount})`)}
        </h2>
        <EditableItems
          page={page}
          list={list}
          noteErrors={state.noteErrors ?? new Map()}
          noteValues={state.noteValues ?? new Map()}
        />
      </section>
      <section aria-labelledby="gegevens-titel" class="list-section">
        <h2 class="utrecht-heading-2" id="gegevens-titel">
          Naam, beschrijving en wie de lijst ziet
        </h2>
        <form method="post" action={listPath(id)} class="site-form" novalidate>
          <FormTokenField page={page} />
          <input type="hidden" name="versie" value={String(list.revision)} />
          <TextField
            path="name"
            label={LABELS.name}
            value={text(values.name) ?? list.name}
            errors={errors}
            maxlength={LIST_NAME_MAX}
            required
          />
          <TextArea
            path="description"
            label={LABELS.description}
            value={text(values.description) ?? list.description}
            errors={errors}
            maxlength={LIST_DESCRIPTION_MAX}
            rows={3}
          />
          <SelectField
            path="visibility"
            label={LABELS.visibility}
            options={visibilities(props.mayMakePublic).map((value) => ({
              value,
              label: VISIBILITY_LABELS[value],
            }))}
            value={text(values.visibility) ?? list.visibility}
            hint={props.mayMakePublic ? undefined : noPublicHint(list)}
            errors={errors}
            required
          />
          <button type="submit" class="utrecht-button utrecht-button--primary-action">
            Opslaan
          </button>
        </form>
      </section>
      <ListExtras page={page} list={list} link={props.link} course={props.course} />
    </>
  );
}

function visibilities(mayMakePublic: boolean): ListDto['visibility'][] {
  return mayMakePublic ? ['private', 'public'] : ['private'];
}

/** Why "public" is not offered to an account without an organisation (and what saving does). */
function noPublicHint(list: ListDto): string {
  const now =
    list.visibility === 'public'
      ? ' Deze lijst staat nu op openbaar, maar op geen enkele pagina; opslaan maakt hem privé.'
      : '';
  return `Openbaar maken kan als uw account bij een organisatie hoort: de lijst staat dan op de pagina van die organisatie. De beheerder van Bouwsteen kan uw organisatie toevoegen.${now}`;
}
