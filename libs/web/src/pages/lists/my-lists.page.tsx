import { Injectable } from '@nestjs/common';
import type { Principal } from '@bouwsteen/auth';
import type { FieldError } from '@bouwsteen/common';
import {
  CourseFromListDto,
  CreateListDto,
  ListPolicy,
  ListsService,
  ListCourses,
  ChangeItemDto,
  UpdateListDto,
} from '@bouwsteen/lists';
import { pageQuery } from '../search-queries';
import { FieldErrors } from '../../forms/field-errors';
import { isStale, submitForm } from '../../forms/form-submit';
import { validateForm } from '../../forms/form-validation';
import { Labels } from '../../format/labels';
import type { PageAnswer } from '../../http/page-answer';
import type { PageContext } from '../../http/page-context';
import { unlessNotFound } from '../../http/unless-not-found';
import { SiteRenderer } from '../../layout/site-renderer';
import { listPath } from './list-views';
import { CourseMade } from './list-extras';
import { ListBody, ListPageState, MyListsBody } from './my-lists-views';

type Form = Record<string, unknown>;

const NOTICES: Record<string, string> = {
  gemaakt: 'De lijst is gemaakt.',
  opgeslagen: 'De gegevens van de lijst zijn opgeslagen.',
  verplaatst: 'De volgorde is aangepast.',
  'verplaatst-en-notities': 'De volgorde is aangepast en uw notities zijn opgeslagen.',
  weg: 'De bouwsteen is van de lijst gehaald.',
  notitie: 'De notitie is opgeslagen.',
  gedeeld: 'Er is een deellink: iedereen met de link kan de lijst lezen, ook zonder in te loggen.',
  ingetrokken: 'De deellink is ingetrokken: wie hem heeft, ziet de lijst niet meer.',
  verwijderd: 'De lijst is verwijderd.',
};

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/**
 * "Mijn lijsten": a person's lists of building blocks (any signed-in person). Every change goes
 * through ListsService with the API's DTOs, so a form accepts nothing the API refuses.
 */
@Injectable()
export class MyListsPage {
  /** What the list page says after a redirect (?melding=…). */
  static readonly notices = NOTICES;

  constructor(
    private readonly site: SiteRenderer,
    private readonly lists: ListsService,
    private readonly courses: ListCourses,
    private readonly labels: Labels,
  ) {}

  async overview(
    page: PageContext,
    principal: Principal,
    code?: unknown,
    errors: FieldError[] = [],
    values: Form = {},
  ): Promise<string> {
    const lists = await this.lists.list(principal, pageQuery(100, 1));
    return this.site.page(
      page,
      {
        title: 'Mijn lijsten',
        description: 'Uw lijsten van bouwstenen: maken, ordenen, delen.',
        canonicalPath: '/mijn-lijsten',
        section: 'account',
        noindex: true,
      },
      <MyListsBody
        page={page}
        lists={lists.items}
        notice={typeof code === 'string' ? NOTICES[code] : undefined}
        fieldErrors={new FieldErrors(errors)}
        values={values}
      />,
    );
  }

  create(page: PageContext, principal: Principal, body: Form): Promise<PageAnswer> {
    return submitForm({
      dto: CreateListDto,
      input: { name: body.name, description: body.description },
      write: async (dto) => ({
        redirect: listPath((await this.lists.create(principal, dto)).id, 'gemaakt'),
      }),
      again: async (errors) => ({
        status: 400,
        html: await this.overview(page, principal, undefined, errors, body),
      }),
      conflicts: { 'too-many-lists': 'name' },
    });
  }

  async show(
    page: PageContext,
    principal: Principal,
    id: string,
    state: ListPageState = {},
  ): Promise<string> {
    const list = await this.lists.get(principal, id);
    const [link, book] = await Promise.all([
      this.lists.shareLink(principal, id),
      this.labels.book(),
    ]);
    const errors = new FieldErrors([...(state.detailErrors ?? []), ...(state.courseErrors ?? [])]);
    return this.site.page(
      page,
      {
        title: `Lijst: ${list.name}`,
        description: 'Een van uw lijsten van bouwstenen.',
        canonicalPath: listPath(id),
        section: 'account',
        noindex: true,
      },
      <ListBody
        page={page}
        list={list}
        state={state}
        errors={errors}
        link={link ? this.site.absolute(link.html) : undefined}
        mayMakePublic={ListPolicy.mayMakePublic(principal)}
        course={
          ListPolicy.mayStartCourse(principal)
            ? {
                errors,
                values: state.courseValues ?? {},
                audiences: book
                  .terms('audiences')
                  .map((term) => ({ value: term.code, label: term.label })),
              }
            : undefined
        }
      />,
    );
  }

  saveDetails(
    page: PageContext,
    principal: Principal,
    id: string,
    body: Form,
  ): Promise<PageAnswer> {
    const revision = Number(body.versie);
    return submitForm({
      dto: UpdateListDto,
      input: { name: body.name, description: body.description, visibility: body.visibility },
      write: async (dto) => {
        await this.lists.update(principal, id, revision, dto);
        return { redirect: listPath(id, 'opgeslagen') };
      },
      again: async (errors, stale) => ({
        status: stale ? 409 : 400,
        html: await this.show(page, principal, id, {
          detailErrors: errors,
          detailValues: stale ? {} : body,
          stale,
        }),
      }),
    });
  }

  /**
   * The items' one form: every note as typed and the button pressed (up, down, off the list, or
   * a note's "opslaan"). Changed notes are saved first, whichever button it was, so no button
   * loses what was typed in another note; a note that is refused brings the form back with
   * every note as typed.
   */
  async changeItem(
    page: PageContext,
    principal: Principal,
    id: string,
    body: Form,
  ): Promise<PageAnswer> {
    const list = await this.lists.get(principal, id);
    const typed = typedNotes(body.notitie, list.items);
    const errors = new Map<string, string>();
    const changed: [string, ChangeItemDto][] = [];
    for (const item of list.items) {
      const note = typed.get(item.assetId);
      if (note === undefined || note === item.note) continue;
      const valid = await validateForm(ChangeItemDto, { note });
      if (valid.ok) changed.push([item.assetId, valid.value]);
      else
        errors.set(item.assetId, new FieldErrors(valid.errors).all()[0]?.messages.join(' ') ?? '');
    }
    if (errors.size > 0)
      return {
        status: 400,
        html: await this.show(page, principal, id, { noteErrors: errors, noteValues: typed }),
      };
    // An item taken off meanwhile (in another window) has no note to keep.
    for (const [assetId, dto] of changed)
      await unlessNotFound(this.lists.updateItem(principal, id, assetId, dto));
    const [action, assetId] = (text(body.actie) ?? '').split(':');
    const index = list.items.findIndex((item) => item.assetId === assetId);
    if (index >= 0 && action === 'weg') {
      await unlessNotFound(this.lists.removeItem(principal, id, assetId));
      return { redirect: listPath(id, 'weg') };
    }
    if (index >= 0 && (action === 'omhoog' || action === 'omlaag')) {
      const position = action === 'omhoog' ? index : index + 2;
      await unlessNotFound(
        this.lists.updateItem(
          principal,
          id,
          assetId,
          Object.assign(new ChangeItemDto(), { position }),
        ),
      );
      return {
        redirect: listPath(id, changed.length > 0 ? 'verplaatst-en-notities' : 'verplaatst'),
      };
    }
    return changed.length > 0 ? { redirect: listPath(id, 'notitie') } : { redirect: listPath(id) };
  }

  async share(principal: Principal, id: string): Promise<PageAnswer> {
    await this.lists.share(principal, id);
    return { redirect: listPath(id, 'gedeeld') };
  }

  async unshare(principal: Principal, id: string): Promise<PageAnswer> {
    await this.lists.unshare(principal, id);
    return { redirect: listPath(id, 'ingetrokken') };
  }

  async remove(
    page: PageContext,
    principal: Principal,
    id: string,
    body: Form,
  ): Promise<PageAnswer> {
    try {
      await this.lists.remove(principal, id, Number(body.versie));
    } catch (error) {
      if (!isStale(error)) throw error;
      return { status: 409, html: await this.show(page, principal, id, { stale: true }) };
    }
    return { redirect: '/mijn-lijsten?melding=verwijderd' };
  }

  /** After "Maak een cursus van deze lijst": the course made, and what the list has that it lacks. */
  async courseMade(
    page: PageContext,
    principal: Principal,
    id: string,
    courseId: string,
  ): Promise<string> {
    const [list, made] = await Promise.all([
      this.lists.get(principal, id),
      this.courses.made(principal, id, courseId),
    ]);
    return this.site.page(
      page,
      {
        title: 'Cursus gemaakt',
        description: 'Een conceptcursus van een lijst.',
        canonicalPath: `${listPath(id)}/cursus/${courseId}`,
        section: 'account',
        noindex: true,
      },
      <CourseMade list={list} made={made} />,
    );
  }

  /** An LLO office's draft course from the list; the page after says what was left out. */
  startCourse(
    page: PageContext,
    principal: Principal,
    id: string,
    body: Form,
  ): Promise<PageAnswer> {
    const employer = (body.employer ?? {}) as Form;
    return submitForm({
      dto: CourseFromListDto,
      input: {
        ...(text(body.title)?.trim() ? { title: body.title } : {}),
        employer: { name: employer.name },
        audience: body.audience,
      },
      // Its own page after the POST, so a reload does not make a second course.
      write: async (dto) => ({
        redirect: `${listPath(id)}/cursus/${(await this.courses.start(principal, id, dto)).courseId}`,
      }),
      again: async (errors) => ({
        status: 400,
        html: await this.show(page, principal, id, {
          // The form asks for the employer by name: an error about the employer is that field's.
          courseErrors: errors.map((error) =>
            error.field === 'employer' ? { ...error, field: 'employer.name' } : error,
          ),
          courseValues: body,
        }),
      }),
      conflicts: { 'list-nothing-for-a-course': 'title' },
    });
  }
}

/** The notes the form sent, by block (only the list's own items; text only). */
function typedNotes(sent: unknown, items: { assetId: string }[]): Map<string, string> {
  const notes = new Map<string, string>();
  if (!sent || typeof sent !== 'object' || Array.isArray(sent)) return notes;
  for (const item of items) {
    const note = (sent as Form)[item.assetId];
    if (typeof note === 'string') notes.set(item.assetId, note);
  }
  return notes;
}
