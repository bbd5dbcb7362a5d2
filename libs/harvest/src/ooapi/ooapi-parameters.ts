import { isCalendarDate } from '@bouwsteen/common/pure';
import { OoapiProblem } from './ooapi-problems';

/**
 * The query parameters the spec documents for each endpoint we serve, read and checked in one
 * place: a value outside what the spec allows is a 400 (the spec's Problem), never ignored.
 * Values the spec allows but no item of ours can have (a level we do not teach, a consumer
 * we publish nothing for) are valid and simply match nothing.
 */

export type Query = Record<string, unknown>;

/** The spec's enumerations (components/schemas), checked against the bundled spec in a test. */
export const PAGE_SIZES = [10, 20, 50, 100, 250];
export const LEVELS = [
  'secondary vocational education',
  'secondary vocational education 1',
  'secondary vocational education 2',
  'secondary vocational education 3',
  'secondary vocational education 4',
  'associate degree',
  'bachelor',
  'master',
  'doctoral',
  'undefined',
  'undivided',
  'nt2-1',
  'nt2-2',
];
export const MODES_OF_DELIVERY = ['distance-learning', 'on campus', 'online', 'hybrid', 'situated'];
export const ORGANIZATION_TYPES = [
  'root',
  'institute',
  'department',
  'faculty',
  'branch',
  'academy',
  'school',
];
export const PROGRAM_TYPES = ['program', 'minor', 'honours', 'specialization', 'track'];
export const QUALIFICATIONS_AWARDED = ['AD', 'BA', 'BSc', 'LLB', 'MA', 'MSc', 'LLM', 'Phd', 'None'];
export const LEVELS_OF_QUALIFICATION = ['1', '2', '3', '4', '4+', '5', '6', '7', '8'];
export const SECTORS = [
  'secondary vocational education',
  'higher professional education',
  'university education',
];

/** What `expand` may name, per endpoint (parameters of each path in the spec). */
export const EXPANSIONS = {
  course: ['programs', 'coordinators', 'organization', 'educationSpecification'],
  offering: [
    'program',
    'programOffering',
    'course',
    'courseOffering',
    'component',
    'organization',
    'academicSession',
  ],
  organization: ['parent', 'children'],
  program: ['parent', 'children', 'coordinators', 'organization', 'educationSpecification'],
} as const;

/** The attributes each collection may be sorted by (`-` before one for descending). */
export const SORTS = {
  courses: ['courseId', 'name'],
  offerings: ['offeringId', 'name', 'startDate', 'endDate'],
  organizations: ['organizationId', 'name'],
  programs: ['programId', 'name'],
} as const;

/** The consumer keys of the spec's registry; unregistered keys start with `x-`. */
export const REGISTERED_CONSUMERS = ['rio', 'eduxchange', 'nl-test-admin'];
/** Our own key: every item we serve carries it in `consumers`, so it is meant for this one. */
export const OUR_CONSUMER = 'x-bouwsteen';

export interface Paging {
  pageSize: number;
  pageNumber: number;
}

export interface SortKey<F extends string = string> {
  field: F;
  descending: boolean;
}

/** What every collection takes: paging, the text filter, the consumer and the order. */
export interface ListQuery<F extends string> {
  paging: Paging;
  q?: string;
  /** False when a consumer was asked for that no item of ours is meant for. */
  forConsumer: boolean;
  sort: SortKey<F>[];
}

export interface CourseQuery extends ListQuery<(typeof SORTS.courses)[number]> {
  primaryCode?: string;
  teachingLanguage?: string;
  level?: string;
  modesOfDelivery?: string[];
}

export interface OfferingQuery extends ListQuery<(typeof SORTS.offerings)[number]> {
  teachingLanguage?: string;
  modesOfDelivery?: string[];
  resultExpected?: boolean;
  /** The earliest start date: today unless asked (the spec's default: future offerings). */
  since: string;
  until?: string;
}

export interface OrganizationQuery extends ListQuery<(typeof SORTS.organizations)[number]> {
  primaryCode?: string;
  organizationType?: string;
}

export interface ProgramQuery extends ListQuery<(typeof SORTS.programs)[number]> {
  primaryCode?: string;
  teachingLanguage?: string;
  programType?: string;
  qualificationAwarded?: string;
  levelOfQualification?: string;
  sector?: string;
  fieldsOfStudy?: string;
}

/** A parameter given once, as text; a repeated or nested one is refused. */
function single(query: Query, name: string): string | undefined {
  const raw = query[name];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string') throw new OoapiProblem(400, `${name} must be given once`);
  return raw;
}

function oneOf(query: Query, name: string, allowed: readonly string[]): string | undefined {
  const value = single(query, name);
  if (value !== undefined && !allowed.includes(value))
    throw new OoapiProblem(400, `${name} must be one of: ${allowed.join(', ')}`);
  return value;
}

function text(query: Query, name: string, max: number): string | undefined {
  const value = single(query, name);
  if (value !== undefined && value.length > max)
    throw new OoapiProblem(400, `${name} must be at most ${max} characters`);
  return value === '' ? undefined : value;
}

function wholeNumber(query: Query, name: string, fallback: number): number {
  const value = single(query, name);
  if (value === undefined) return fallback;
  if (!/^\d{1,9}$/.test(value)) throw new OoapiProblem(400, `${name} must be a whole number`);
  return Number(value);
}

function boolean(query: Query, name: string): boolean | undefined {
  const value = single(query, name);
  if (value === undefined) return undefined;
  if (value !== 'true' && value !== 'false')
    throw new OoapiProblem(400, `${name} must be true or false`);
  return value === 'true';
}

function date(query: Query, name: string): string | undefined {
  const value = single(query, name);
  if (value !== undefined && !isCalendarDate(value))
    throw new OoapiProblem(400, `${name} must be a date (YYYY-MM-DD)`);
  return value;
}

/** An array parameter: repeated (the spec's default style) or comma-separated. */
function list(query: Query, name: string, allowed: readonly string[]): string[] | undefined {
  const raw = query[name];
  if (raw === undefined) return undefined;
  const parts = Array.isArray(raw) ? raw : [raw];
  if (!parts.every((part) => typeof part === 'string'))
    throw new OoapiProblem(400, `${name} must be text`);
  const values = (parts as string[]).flatMap((part) => part.split(','));
  if (!values.every((value) => allowed.includes(value)))
    throw new OoapiProblem(400, `${name} must be one or more of: ${allowed.join(', ')}`);
  return [...new Set(values)];
}

export function paging(query: Query): Paging {
  const pageSize = wholeNumber(query, 'pageSize', 10);
  const pageNumber = wholeNumber(query, 'pageNumber', 1);
  if (!PAGE_SIZES.includes(pageSize))
    throw new OoapiProblem(400, `pageSize must be one of ${PAGE_SIZES.join(', ')}`);
  if (pageNumber < 1) throw new OoapiProblem(400, 'pageNumber starts at 1');
  return { pageSize, pageNumber };
}

/** `sort=name,-courseId` (comma-separated, the spec's `explode: false`); each field once. */
function sort<F extends string>(query: Query, allowed: readonly F[], fallback: F): SortKey<F>[] {
  const value = single(query, 'sort');
  if (value === undefined) return [{ field: fallback, descending: false }];
  const keys = value.split(',').map((item) => {
    const field = item.replace(/^-/, '') as F;
    if (!allowed.includes(field))
      throw new OoapiProblem(
        400,
        `sort takes ${allowed.join(', ')}, each with - before it for descending`,
      );
    return { field, descending: item.startsWith('-') };
  });
  if (new Set(keys.map((key) => key.field)).size !== keys.length)
    throw new OoapiProblem(400, 'sort names each attribute once');
  return keys;
}

/** A registered key or an `x-` one; we publish items for our own key only. */
function forConsumer(query: Query): boolean {
  const value = single(query, 'consumer');
  if (value === undefined) return true;
  if (!REGISTERED_CONSUMERS.includes(value) && !/^x-[a-z0-9][a-z0-9-]{0,62}$/.test(value))
    throw new OoapiProblem(
      400,
      `consumer must be a registered key (${REGISTERED_CONSUMERS.join(', ')}) or start with x-`,
    );
  return value === OUR_CONSUMER;
}

function teachingLanguage(query: Query): string | undefined {
  const value = single(query, 'teachingLanguage');
  if (value !== undefined && !/^[a-z]{3}$/.test(value))
    throw new OoapiProblem(400, 'teachingLanguage is three lowercase letters (ISO 639-2)');
  return value;
}

function listQuery<F extends string>(query: Query, sorts: readonly F[], fallback: F) {
  return {
    paging: paging(query),
    q: text(query, 'q', 200),
    forConsumer: forConsumer(query),
    sort: sort(query, sorts, fallback),
  };
}

/** /courses (sorted by name unless asked), or a program's courses (by courseId, no primaryCode). */
export function courseQuery(query: Query, of: 'courses' | 'program' = 'courses'): CourseQuery {
  return {
    ...listQuery(query, SORTS.courses, of === 'courses' ? 'name' : 'courseId'),
    primaryCode: of === 'courses' ? text(query, 'primaryCode', 256) : undefined,
    teachingLanguage: teachingLanguage(query),
    level: oneOf(query, 'level', LEVELS),
    modesOfDelivery: list(query, 'modeOfDelivery', MODES_OF_DELIVERY),
  };
}

/** `today` is the calendar date where we are: the default `since`. */
export function offeringQuery(query: Query, today: string): OfferingQuery {
  return {
    ...listQuery(query, SORTS.offerings, 'startDate'),
    teachingLanguage: teachingLanguage(query),
    modesOfDelivery: list(query, 'modeOfDelivery', MODES_OF_DELIVERY),
    resultExpected: boolean(query, 'resultExpected'),
    since: date(query, 'since') ?? today,
    until: date(query, 'until'),
  };
}

export function organizationQuery(query: Query): OrganizationQuery {
  return {
    ...listQuery(query, SORTS.organizations, 'name'),
    primaryCode: text(query, 'primaryCode', 256),
    organizationType: oneOf(query, 'organizationType', ORGANIZATION_TYPES),
  };
}

export function programQuery(query: Query): ProgramQuery {
  return {
    ...listQuery(query, SORTS.programs, 'name'),
    primaryCode: text(query, 'primaryCode', 256),
    teachingLanguage: teachingLanguage(query),
    programType: oneOf(query, 'programType', PROGRAM_TYPES),
    qualificationAwarded: oneOf(query, 'qualificationAwarded', QUALIFICATIONS_AWARDED),
    levelOfQualification: oneOf(query, 'levelOfQualification', LEVELS_OF_QUALIFICATION),
    sector: oneOf(query, 'sector', SECTORS),
    fieldsOfStudy: text(query, 'fieldsOfStudy', 256),
  };
}

/**
 * `expand` of an instance (comma-separated) with the names its path allows, and the
 * `returnTimelineOverrides` flag where the path has one (we keep no timeline: checked only).
 */
export function expansions<E extends string>(
  query: Query,
  allowed: readonly E[],
  timeline = false,
): E[] {
  if (timeline) boolean(query, 'returnTimelineOverrides');
  const value = single(query, 'expand');
  if (value === undefined || value === '') return [];
  const names = value.split(',').map((name) => name.trim());
  if (!names.every((name) => (allowed as readonly string[]).includes(name)))
    throw new OoapiProblem(400, `expand takes: ${allowed.join(', ')}`);
  return names as E[];
}
