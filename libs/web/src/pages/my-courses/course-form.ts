import { normaliseText } from '@bouwsteen/common/pure';
import type { FieldError } from '@bouwsteen/common/pure';
import type { CourseDto } from '@bouwsteen/courses';
import { PRICE_MAX_CENTS } from '@bouwsteen/assets/pure';
import { amountProblem, euroCents } from '../../forms/amounts';

type Form = Record<string, unknown>;

export const STATUS_LABELS: Record<string, string> = {
  draft: 'Concept',
  offered: 'Aangeboden aan de werkgever',
  running: 'Loopt',
  archived: 'Gearchiveerd',
};

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** A one-line field: what pasting put on several lines is one line again (see normaliseText). */
function line(value: unknown): string | undefined {
  const typed = text(value);
  return typed === undefined ? undefined : normaliseText(typed, { singleLine: true }).trim();
}

/** Fields of the form each API field is typed in (the rest are named the same). */
const FORM_FIELD: Record<string, string> = {
  'employer.name': 'employerName',
  'employer.organisationId': 'employerId',
  extrasCents: 'extras',
};

/** The API's field errors at the fields the details form shows. */
export function atFormFields(errors: FieldError[]): FieldError[] {
  return errors.map((error) => {
    const field = FORM_FIELD[error.field];
    return field ? { ...error, field } : error;
  });
}

function whole(value: unknown): number | string | undefined {
  const typed = text(value);
  if (typed === undefined) return undefined;
  return /^\d+$/.test(typed) ? Number(typed) : typed;
}

/**
 * The course details form in the API's shape (CreateCourseDto / UpdateCourseDto). The employer
 * is one picked from earlier courses, or a new name; amounts are typed in euros.
 */
export function readCourseDetails(body: Form): Form {
  const result: Form = {};
  for (const field of ['title', 'audience', 'extrasDescription'] as const) {
    const value = line(body[field]);
    if (value !== undefined) result[field] = value;
  }
  const goals = text(body.goals);
  if (goals !== undefined) result.goals = goals;
  const newEmployer = line(body.employerName);
  const knownEmployer = text(body.employerId);
  result.employer = newEmployer
    ? { name: newEmployer }
    : knownEmployer
      ? { organisationId: knownEmployer }
      : {};
  const schedule = (body.schedule ?? {}) as Form;
  const plan: Form = {};
  if (text(schedule.start)) plan.start = text(schedule.start);
  if (text(schedule.end)) plan.end = text(schedule.end);
  if (whole(schedule.durationWeeks) !== undefined)
    plan.durationWeeks = whole(schedule.durationWeeks);
  result.schedule = plan;
  const extras = text(body.extras);
  result.extrasCents = extras === undefined ? 0 : euroCents(extras, PRICE_MAX_CENTS);
  const status = text(body.status);
  if (status) result.status = status;
  return result;
}

/** What is wrong with the amounts as typed, in the API's field names (see atFormFields). */
export function courseAmountProblems(body: Form): FieldError[] {
  const extras = text(body.extras);
  const problem =
    extras === undefined ? undefined : amountProblem('extrasCents', extras, PRICE_MAX_CENTS);
  return problem ? [problem] : [];
}

/** What the details form shows for a saved course. */
export function courseDetailsValues(course: CourseDto): Form {
  return {
    title: course.title,
    employerId: course.employer.id,
    audience: course.audience,
    goals: course.goals ?? '',
    extras: course.extrasCents ? (course.extrasCents / 100).toFixed(2).replace('.', ',') : '',
    extrasDescription: course.extrasDescription ?? '',
    status: course.status,
    schedule: {
      start: course.schedule.start ?? '',
      end: course.schedule.end ?? '',
      durationWeeks: course.schedule.durationWeeks ?? '',
    },
  };
}

export interface ItemInput {
  assetId: string;
  version?: number;
  location?: string;
}

/** The course's items as the API takes them, with the locations typed on the page. */
export function currentItems(course: CourseDto, body: Form): ItemInput[] {
  const locations = (body.locatie ?? {}) as Record<string, unknown>;
  return course.items.map((item, index) => {
    const typed = locations[String(index)];
    const location = typeof typed === 'string' ? typed.trim() : (item.location ?? '');
    return {
      assetId: item.assetId,
      version: item.version,
      ...(location ? { location } : {}),
    };
  });
}

/** An item action ("up:2", "down:0", "remove:1", "add:<id>") applied to the list. */
export function applyItemAction(items: ItemInput[], action: unknown): ItemInput[] | undefined {
  if (typeof action !== 'string') return items;
  const [verb, argument] = action.split(':');
  const index = Number(argument);
  const list = [...items];
  switch (verb) {
    case 'add':
      return /^[0-9a-f-]{36}$/i.test(argument) ? [...list, { assetId: argument }] : undefined;
    case 'remove':
      if (!list[index]) return undefined;
      list.splice(index, 1);
      return list;
    case 'up':
    case 'down': {
      const other = verb === 'up' ? index - 1 : index + 1;
      if (!list[index] || !list[other]) return undefined;
      [list[index], list[other]] = [list[other], list[index]];
      return list;
    }
    case 'save':
      return list;
    default:
      return undefined;
  }
}
