import type { CourseFromListResultDto, ListDto } from '@bouwsteen/lists';
import { StatusNotice } from '../../components/status-notice';
import type { Option } from '../../forms/fields';
import { SelectField, TextField } from '../../forms/fields';
import type { FieldErrors } from '../../forms/field-errors';
import { FormTokenField } from '../../forms/form-token';
import type { PageContext } from '../../http/page-context';
import { listPath } from './list-views';

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/**
 * The rest of a list's page: its share link, a course from it (LLO offices), and removing it.
 */
export function ListExtras(props: {
  page: PageContext;
  list: ListDto;
  /** The share link in force, as a full address. */
  link?: string;
  course?: { errors: FieldErrors; values: Record<string, unknown>; audiences: Option[] };
}): JSX.Element {
  const { page, list, link, course } = props;
  const employer = (course?.values.employer ?? {}) as Record<string, unknown>;
  return (
    <>
      <section aria-labelledby="delen-titel" class="list-section">
        <h2 class="utrecht-heading-2" id="delen-titel">
          Delen
        </h2>
        {link ? (
          <>
            <p class="utrecht-paragraph">
              Iedereen met deze link kan de lijst lezen, ook zonder in te loggen. Intrekken kan
              altijd.
            </p>
            <p class="utrecht-paragraph">
              <label class="utrecht-form-label" for="deellink">
                Deellink
              </label>
              <input
                class="utrecht-textbox utrecht-textbox--html-input"
                id="deellink"
                type="text"
                readonly
                value={link}
              />
            </p>
            <form method="post" action={`${listPath(list.id)}/delen-intrekken`}>
              <FormTokenField page={page} />
              <button type="submit" class="utrecht-button utrecht-button--secondary-action">
                Deellink intrekken
              </button>
            </form>
          </>
        ) : (
          <>
            <p class="utrecht-paragraph">
              Met een deellink kan iedereen die hem krijgt de lijst lezen (niet wijzigen).
            </p>
            <form method="post" action={`${listPath(list.id)}/delen`}>
              <FormTokenField page={page} />
              <button type="submit" class="utrecht-button utrecht-button--secondary-action">
                Deellink maken
              </button>
            </form>
          </>
        )}
      </section>
      {course ? (
        <section aria-labelledby="cursus-titel" class="list-section">
          <h2 class="utrecht-heading-2" id="cursus-titel">
            Maak een cursus van deze lijst
          </h2>
          <p class="utrecht-paragraph">
            Een conceptcursus met de gepubliceerde modules en praktijkomgevingen van de lijst, in
            deze volgorde. Andere soorten en gearchiveerde bouwstenen gaan niet mee; u ziet welke.
          </p>
          <form method="post" action={`${listPath(list.id)}/cursus`} class="site-form" novalidate>
            <FormTokenField page={page} />
            <TextField
              path="title"
              label="Titel van de cursus"
              hint="Leeg: de naam van de lijst."
              value={text(course.values.title)}
              errors={course.errors}
              maxlength={200}
            />
            <TextField
              path="employer.name"
              label="Werkgever"
              hint="De naam van het bedrijf waarvoor de cursus is; een nieuwe naam wordt vastgelegd."
              value={text(employer.name)}
              errors={course.errors}
              maxlength={200}
              required
            />
            <SelectField
              path="audience"
              label="Doelgroep"
              options={course.audiences}
              value={text(course.values.audience) ?? 'worker'}
              errors={course.errors}
              required
            />
            <button type="submit" class="utrecht-button utrecht-button--primary-action">
              Maak een cursus van deze lijst
            </button>
          </form>
        </section>
      ) : (
        ''
      )}
      <section aria-labelledby="verwijderen-titel" class="list-section">
        <h2 class="utrecht-heading-2" id="verwijderen-titel">
          Lijst verwijderen
        </h2>
        <form method="post" action={`${listPath(list.id)}/verwijderen`}>
          <FormTokenField page={page} />
          <input type="hidden" name="versie" value={String(list.revision)} />
          <button type="submit" class="utrecht-button utrecht-button--secondary-action">
            Lijst verwijderen
          </button>
        </form>
      </section>
    </>
  );
}

const LEFT_OUT: Record<CourseFromListResultDto['leftOut'][number]['reason'], string> = {
  kind: 'een cursus kan deze soort niet bevatten',
  unavailable: 'gearchiveerd',
  full: 'een cursus heeft ten hoogste 40 onderdelen',
};

/** After "Maak een cursus van deze lijst": what went in, what stayed out and why. */
export function CourseMade(props: { list: ListDto; made: CourseFromListResultDto }): JSX.Element {
  const { list, made } = props;
  return (
    <>
      <h1 class="utrecht-heading-1">Cursus gemaakt</h1>
      <StatusNotice
        text={`Er is een conceptcursus gemaakt met ${made.itemCount} ${made.itemCount === 1 ? 'onderdeel' : 'onderdelen'} van de lijst "${list.name}", in de volgorde van de lijst.`}
      />
      {made.leftOut.length ? (
        <>
          <h2 class="utrecht-heading-2">Niet in de cursus</h2>
          <ul class="utrecht-unordered-list">
            {made.leftOut.map((item) => (
              <li safe>{`${item.title}: ${LEFT_OUT[item.reason]}`}</li>
            ))}
          </ul>
        </>
      ) : (
        <p class="utrecht-paragraph">Alle bouwstenen van de lijst staan in de cursus.</p>
      )}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/mijn-cursussen/${made.courseId}`}>
          Naar de cursus
        </a>
        {' · '}
        <a class="utrecht-link" href={listPath(list.id)}>
          Terug naar de lijst
        </a>
      </p>
    </>
  );
}
