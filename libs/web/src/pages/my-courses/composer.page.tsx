import Html from '@kitajs/html';
import { Injectable } from '@nestjs/common';
import { Licenses } from '@bouwsteen/assets';
import { Principal } from '@bouwsteen/auth';
import { PageQueryDto, ValidationFailedError, unsafeTextFields } from '@bouwsteen/common';
import {
  CourseListQueryDto,
  CoursesService,
  CreateCourseDto,
  ShareLinkDto,
  UpdateCourseDto,
} from '@bouwsteen/courses';
import { SearchHitDto, SearchService, SearchUnavailableError } from '@bouwsteen/search';
import { inDutch } from '@bouwsteen/taxonomy/pure';
import { assetPath } from '../../components/asset-card';
import { DataTable } from '../../components/data-table';
import { StaleNotice } from '../../components/stale-notice';
import { FieldErrors } from '../../forms/field-errors';
import { ErrorSummary, Option, TextField } from '../../forms/fields';
import { FormTokenField } from '../../forms/form-token';
import { isStale, submitForm } from '../../forms/form-submit';
import { fieldErrorsOf } from '../../forms/form-validation';
import { formatDate, formatEuro, formatHours } from '../../format/format';
import { Labels } from '../../format/labels';
import type { PageContext } from '../../http/page-context';
import { PageAnswer } from '../../http/page-answer';
import { SiteRenderer } from '../../layout/site-renderer';
import { searchQuery } from '../search-queries';
import {
  STATUS_LABELS,
  applyItemAction,
  atFormFields,
  courseDetailsValues,
  currentItems,
  courseAmountProblems,
  readCourseDetails,
} from './course-form';
import { StatusNotice } from '../../components/status-notice';
import { DetailFields, Form, ItemButton, Results, Share, Totals } from './composer-components';

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

const SEARCH_SIZE = 10;

interface ComposerState {
  values?: Form;
  errors?: FieldErrors;
  /** Errors of the last item change, by the asset they concern. */
  itemErrors?: Map<string, string[]>;
  share?: ShareLinkDto;
  notice?: string;
  q?: string;
  /** Search practice environments instead of the LLO modules. */
  places?: boolean;
  stale?: boolean;
}

/**
 * /mijn-cursussen: an LLO office composes a course for an employer from published modules
 * (and practice environments). Every change is one CoursesService call, as the API makes it:
 * its rules (published only, no duplicates, no NC in a paid course) refuse, its warnings advise,
 * and both are shown next to the item they concern. Works without JavaScript; buttons, not
 * dragging, put the items in order.
 */
@Injectable()
export class ComposerPage {
  constructor(
    private readonly site: SiteRenderer,
    private readonly labels: Labels,
    private readonly courses: CoursesService,
    private readonly search: SearchService,
    private readonly licenses: Licenses,
  ) {}

  async list(page: PageContext, principal: Principal): Promise<string> {
    const [courses, labels] = await Promise.all([
      this.courses.list(principal, Object.assign(new CourseListQueryDto(), { pageSize: 100 })),
      this.labels.book(),
    ]);
    return this.site.page(
      page,
      {
        title: 'Mijn cursussen',
        description: 'Cursussen voor werkgevers, samengesteld uit modules van de PPS.',
        canonicalPath: '/mijn-cursussen',
        section: 'mijn-cursussen',
        noindex: true,
      },
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
        {courses.items.length ? (
          <DataTable
            labelledBy="cursussen-titel"
            rows={courses.items}
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
      </>,
    );
  }

  async newForm(
    page: PageContext,
    principal: Principal,
    state: ComposerState = {},
  ): Promise<string> {
    const [labels, employers] = await Promise.all([this.labels.book(), this.employers(principal)]);
    const errors = state.errors ?? new FieldErrors();
    return this.site.page(
      page,
      {
        title: 'Nieuwe cursus',
        description: 'Een cursus voor een werkgever samenstellen.',
        canonicalPath: '/mijn-cursussen/nieuw',
        section: 'mijn-cursussen',
        noindex: true,
      },
      <>
        <h1 class="utrecht-heading-1">Nieuwe cursus</h1>
        <ErrorSummary errors={errors} labelOf={(path) => DETAIL_LABELS[path] ?? 'Formulier'} />
        <p class="utrecht-paragraph">
          Begin met de gegevens; daarna zoekt u modules en zet u ze in volgorde.
        </p>
        <form method="post" action="/mijn-cursussen/nieuw" class="site-form" novalidate>
          <FormTokenField page={page} />
          <DetailFields
            values={state.values ?? {}}
            errors={errors}
            labels={labels}
            employers={employers}
            withStatus={false}
          />
          <button type="submit" class="utrecht-button utrecht-button--primary-action">
            Cursus aanmaken
          </button>
        </form>
      </>,
    );
  }

  async create(page: PageContext, principal: Principal, body: Form): Promise<PageAnswer> {
    const input = { ...readCourseDetails(body), items: [] };
    delete (input as Form).status;
    return submitForm({
      dto: CreateCourseDto,
      input,
      problems: courseAmountProblems(body),
      write: async (value) => {
        const course = await this.courses.create(principal, value);
        return { redirect: `/mijn-cursussen/${course.id}` };
      },
      again: async (errors) => ({
        status: 400,
        html: await this.newForm(page, principal, {
          values: body,
          errors: new FieldErrors(atFormFields(errors)),
        }),
      }),
    });
  }

  async render(
    page: PageContext,
    principal: Principal,
    id: string,
    state: ComposerState = {},
  ): Promise<string> {
    const course = await this.courses.get(principal, id);
    const paid = course.totals.priceCents > 0;
    const [labels, employers, results] = await Promise.all([
      this.labels.book(),
      this.employers(principal),
      this.results(state.q, state.places),
    ]);
    const nonCommercial = new Map(
      await Promise.all(
        [
          ...new Set([
            ...course.items.map((item) => item.license),
            ...(results.hits ?? []).map((hit) => hit.license),
          ]),
        ].map(async (code) => [code, (await this.licenses.terms(code)).nonCommercial] as const),
      ),
    );
    const errors = state.errors ?? new FieldErrors();
    const warnings = new Map<number, string[]>();
    for (const warning of course.warnings) {
      const index = Number(/^items\.(\d+)/.exec(warning.field)?.[1]);
      if (Number.isInteger(index))
        warnings.set(index, [...(warnings.get(index) ?? []), inDutch(warning)]);
    }
    const outdated = course.items.filter((item) => item.state !== 'current').length;
    return this.site.page(
      page,
      {
        title: course.title,
        description: `Cursus voor ${course.employer.name}`,
        canonicalPath: `/mijn-cursussen/${id}`,
        section: 'mijn-cursussen',
        noindex: true,
      },
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
        <StatusNotice text={state.notice} />
        <StaleNotice what="deze cursus" show={state.stale} />
        <div class="work-layout">
          <div>
            <section aria-labelledby="onderdelen-titel" id="onderdelen">
              <h2 class="utrecht-heading-2" id="onderdelen-titel">
                Onderdelen
              </h2>
              {outdated ? (
                <div class="utrecht-alert utrecht-alert--warning">
                  <div class="utrecht-alert__content">
                    <p class="utrecht-paragraph">
                      {Html.escapeHtml(
                        outdated === 1
                          ? 'Voor één onderdeel is er een nieuwere versie, of het is gearchiveerd.'
                          : `Voor ${outdated} onderdelen is er een nieuwere versie, of ze zijn gearchiveerd.`,
                      )}
                    </p>
                    <form method="post" action={`/mijn-cursussen/${id}/bijwerken`}>
                      <FormTokenField page={page} />
                      <input type="hidden" name="revisie" value={String(course.revision)} />
                      <button type="submit" class="utrecht-button utrecht-button--secondary-action">
                        Alles bijwerken naar de nieuwste versie
                      </button>
                    </form>
                  </div>
                </div>
              ) : (
                ''
              )}
              {course.items.length ? (
                <form method="post" action={`/mijn-cursussen/${id}/onderdelen`} novalidate>
                  <FormTokenField page={page} />
                  <input type="hidden" name="revisie" value={String(course.revision)} />
                  {state.q ? <input type="hidden" name="q" value={state.q} /> : ''}
                  {state.places ? <input type="hidden" name="soort" value="infrastructure" /> : ''}
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
                            item.priceCents === null
                              ? 'geen prijs opgegeven'
                              : formatEuro(item.priceCents),
                            labels.label('licenses', item.license),
                          ]
                            .filter(Boolean)
                            .join(' · ')}
                        </p>
                        {[...(state.itemErrors?.get(item.assetId) ?? [])].map((message) => (
                          <p class="utrecht-form-field-error-message" safe>
                            {message}
                          </p>
                        ))}
                        {(warnings.get(index) ?? []).map((message) => (
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
                          <ItemButton
                            action={`remove:${index}`}
                            label="Verwijderen"
                            title={item.title}
                          />
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
              ) : (
                <p class="utrecht-paragraph">
                  Nog geen onderdelen. Zoek hieronder modules en voeg ze toe.
                </p>
              )}
            </section>
            <section aria-labelledby="zoek-titel" id="zoeken">
              <h2 class="utrecht-heading-2" id="zoek-titel">
                Modules zoeken
              </h2>
              <p class="utrecht-paragraph">
                Modules voor werkenden (het LLO-aanbod), of praktijkomgevingen waar de cursus kan
                plaatsvinden. Bij elke bouwsteen staat de licentie, vóór u hem toevoegt.
              </p>
              <form method="get" action={`/mijn-cursussen/${id}`} class="site-search" role="search">
                <label class="utrecht-form-label" for="cursus-zoek">
                  Zoekwoorden
                </label>
                <div class="site-search__row">
                  <input
                    class="utrecht-textbox utrecht-textbox--html-input"
                    type="search"
                    id="cursus-zoek"
                    name="q"
                    value={state.q ?? ''}
                  />
                  <label class="visually-hidden" for="cursus-soort">
                    Wat zoekt u
                  </label>
                  <select
                    class="utrecht-select utrecht-select--html-select"
                    id="cursus-soort"
                    name="soort"
                  >
                    <option value="module" selected={!state.places}>
                      Modules
                    </option>
                    <option value="infrastructure" selected={state.places}>
                      Praktijkomgevingen
                    </option>
                  </select>
                  <button class="utrecht-button utrecht-button--primary-action" type="submit">
                    Zoeken
                  </button>
                </div>
              </form>
              <Results
                page={page}
                course={course}
                hits={results.hits}
                unavailable={results.unavailable}
                q={state.q}
                labels={labels}
                nonCommercial={nonCommercial}
                paid={paid}
                itemErrors={state.itemErrors}
                places={state.places}
              />
            </section>
          </div>
          <aside class="work-aside" aria-labelledby="totalen-titel">
            <Totals course={course} labels={labels} />
            <Share
              page={page}
              course={course}
              share={state.share}
              absolute={(path) => this.site.absolute(path)}
            />
          </aside>
        </div>
        <section aria-labelledby="gegevens-titel">
          <h2 class="utrecht-heading-2" id="gegevens-titel">
            Gegevens van de cursus
          </h2>
          <ErrorSummary errors={errors} labelOf={(path) => DETAIL_LABELS[path] ?? 'Formulier'} />
          <form method="post" action={`/mijn-cursussen/${id}`} class="site-form" novalidate>
            <FormTokenField page={page} />
            <input type="hidden" name="revisie" value={String(course.revision)} />
            <DetailFields
              values={state.values ?? courseDetailsValues(course)}
              errors={errors}
              labels={labels}
              employers={employers}
              withStatus
            />
            <button type="submit" class="utrecht-button utrecht-button--primary-action">
              Gegevens opslaan
            </button>
          </form>
        </section>
      </>,
    );
  }

  /** Details saved: the same update as PATCH /courses/:id, without touching the items. */
  async saveDetails(
    page: PageContext,
    principal: Principal,
    id: string,
    body: Form,
  ): Promise<PageAnswer> {
    return submitForm({
      dto: UpdateCourseDto,
      input: readCourseDetails(body),
      problems: courseAmountProblems(body),
      write: async (value) => {
        await this.courses.update(principal, id, Number(body.revisie), value);
        return { redirect: `/mijn-cursussen/${id}?melding=opgeslagen` };
      },
      again: async (errors, stale) => ({
        status: stale ? 409 : 400,
        html: await this.render(page, principal, id, {
          values: body,
          errors: new FieldErrors(atFormFields(errors)),
          stale,
        }),
      }),
    });
  }

  /** Add, move, remove or relocate items: the whole list is sent, as PATCH { items } does. */
  async changeItems(
    page: PageContext,
    principal: Principal,
    id: string,
    body: Form,
  ): Promise<PageAnswer> {
    const course = await this.courses.get(principal, id);
    const q = typeof body.q === 'string' && body.q.trim() ? body.q.trim().slice(0, 200) : undefined;
    const places = body.soort === 'infrastructure';
    const items = applyItemAction(currentItems(course, body), body.actie);
    if (!items) return { redirect: `/mijn-cursussen/${id}` };
    const search = q ? `?q=${encodeURIComponent(q)}${places ? '&soort=infrastructure' : ''}` : '';
    const back = `/mijn-cursussen/${id}${search}#onderdelen`;
    try {
      // This form's text (the places) reaches the service without the form validation: what
      // cannot be stored is named per item here, as validation would.
      const unsafe = unsafeTextFields({ items });
      if (unsafe.length > 0) throw new ValidationFailedError(unsafe);
      await this.courses.update(
        principal,
        id,
        Number(body.revisie),
        Object.assign(new UpdateCourseDto(), { items }),
      );
      return { redirect: back };
    } catch (error) {
      if (isStale(error))
        return {
          status: 409,
          html: await this.render(page, principal, id, { q, places, stale: true }),
        };
      const errors = fieldErrorsOf(error);
      if (!errors) throw error;
      const itemErrors = new Map<string, string[]>();
      for (const problem of errors) {
        const index = Number(/^items\.(\d+)/.exec(problem.field)?.[1]);
        const assetId = Number.isInteger(index) ? items[index]?.assetId : undefined;
        if (assetId)
          itemErrors.set(assetId, [...(itemErrors.get(assetId) ?? []), inDutch(problem)]);
      }
      return {
        status: 400,
        html: await this.render(page, principal, id, { q, places, itemErrors }),
      };
    }
  }

  async updateAll(principal: Principal, id: string, body: Form): Promise<PageAnswer> {
    await this.courses.updateItems(principal, id, Number(body.revisie));
    return { redirect: `/mijn-cursussen/${id}?melding=bijgewerkt#onderdelen` };
  }

  async share(page: PageContext, principal: Principal, id: string): Promise<PageAnswer> {
    const { link, created } = await this.courses.share(principal, id);
    return {
      html: await this.render(page, principal, id, {
        share: link,
        notice: created ? 'Er is een deellink gemaakt.' : 'Dit is de deellink die al actief is.',
      }),
    };
  }

  async replaceShare(page: PageContext, principal: Principal, id: string): Promise<PageAnswer> {
    const { link } = await this.courses.replaceShare(principal, id);
    return {
      html: await this.render(page, principal, id, {
        share: link,
        notice: 'Er is een nieuwe deellink gemaakt. De vorige link werkt niet meer.',
      }),
    };
  }

  async unshare(principal: Principal, id: string): Promise<PageAnswer> {
    await this.courses.unshare(principal, id);
    return { redirect: `/mijn-cursussen/${id}?melding=ingetrokken` };
  }

  private async results(
    q: string | undefined,
    places = false,
  ): Promise<{ hits?: SearchHitDto[]; unavailable?: boolean }> {
    if (q === undefined) return {};
    try {
      const result = await this.search.search(
        searchQuery(
          places
            ? { q: q || undefined, kind: ['infrastructure'], pageSize: SEARCH_SIZE }
            : { q: q || undefined, preset: 'llo', pageSize: SEARCH_SIZE },
        ),
      );
      return { hits: result.hits };
    } catch (error) {
      if (error instanceof SearchUnavailableError) return { unavailable: true };
      throw error;
    }
  }

  /** Employers of this office's earlier courses: the picker (a new one is typed). */
  private async employers(principal: Principal): Promise<Option[]> {
    const courses = await this.courses.list(
      principal,
      Object.assign(new PageQueryDto(), { pageSize: 100 }),
    );
    const byId = new Map(courses.items.map((course) => [course.employer.id, course.employer.name]));
    return [...byId]
      .map(([value, label]) => ({ value, label }))
      .sort((a, b) => a.label.localeCompare(b.label, 'nl'));
  }
}
