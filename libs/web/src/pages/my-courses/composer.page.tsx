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
import { FieldErrors } from '../../forms/field-errors';
import { Option } from '../../forms/fields';
import { isStale, submitForm } from '../../forms/form-submit';
import { fieldErrorsOf } from '../../forms/form-validation';
import { Labels } from '../../format/labels';
import type { PageContext } from '../../http/page-context';
import { PageAnswer } from '../../http/page-answer';
import { SiteRenderer } from '../../layout/site-renderer';
import { searchQuery } from '../search-queries';
import {
  applyItemAction,
  atFormFields,
  courseDetailsValues,
  currentItems,
  courseAmountProblems,
  readCourseDetails,
} from './course-form';
import { Form } from './composer-components';
import { ComposerView, CourseListView, NewCourseView } from './composer.view';

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
 * dragging, put the items in order. This page service gathers the data and answers the forms;
 * the markup is composer.view.tsx's.
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
      <CourseListView courses={courses.items} labels={labels} />,
    );
  }

  async newForm(
    page: PageContext,
    principal: Principal,
    state: ComposerState = {},
  ): Promise<string> {
    const [labels, employers] = await Promise.all([this.labels.book(), this.employers(principal)]);
    return this.site.page(
      page,
      {
        title: 'Nieuwe cursus',
        description: 'Een cursus voor een werkgever samenstellen.',
        canonicalPath: '/mijn-cursussen/nieuw',
        section: 'mijn-cursussen',
        noindex: true,
      },
      <NewCourseView
        page={page}
        values={state.values ?? {}}
        errors={state.errors ?? new FieldErrors()}
        labels={labels}
        employers={employers}
      />,
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
    const warnings = new Map<number, string[]>();
    for (const warning of course.warnings) {
      const index = Number(/^items\.(\d+)/.exec(warning.field)?.[1]);
      if (Number.isInteger(index))
        warnings.set(index, [...(warnings.get(index) ?? []), inDutch(warning, labels)]);
    }
    return this.site.page(
      page,
      {
        title: course.title,
        description: `Cursus voor ${course.employer.name}`,
        canonicalPath: `/mijn-cursussen/${id}`,
        section: 'mijn-cursussen',
        noindex: true,
      },
      <ComposerView
        page={page}
        course={course}
        labels={labels}
        employers={employers}
        results={results}
        nonCommercial={nonCommercial}
        warnings={warnings}
        outdated={course.items.filter((item) => item.state !== 'current').length}
        values={state.values ?? courseDetailsValues(course)}
        errors={state.errors ?? new FieldErrors()}
        itemErrors={state.itemErrors}
        share={state.share}
        notice={state.notice}
        stale={state.stale}
        q={state.q}
        places={state.places}
        absolute={(path) => this.site.absolute(path)}
      />,
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
