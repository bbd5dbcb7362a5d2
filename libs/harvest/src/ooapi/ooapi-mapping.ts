import { createHash } from 'node:crypto';
import { CourseRow, OrganizationRow, ProgramRow } from './ooapi-records.repository';
import { NO_QUALIFICATION_NAMES, QualificationNames, namedCodes } from '../qualification-names';

/**
 * Bouwsteen → OOAPI v5. Absent fields are left out, never null or empty: v5 consumers reject
 * both. Our own data (licence, module type, PPS, page) goes in a `consumers` entry keyed
 * `x-bouwsteen`, as the spec asks of unregistered extensions.
 */

/** A UUID that always comes out the same for the same name (RFC 4122 version 5 layout). */
export function stableUuid(name: string): string {
  const hex = createHash('sha1').update(name).digest('hex').slice(0, 32).split('');
  hex[12] = '5';
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** ISO 639-1 (ours) → ISO 639-2 (OOAPI's teachingLanguage). */
const LANGUAGES: Record<string, string> = {
  nl: 'nld',
  en: 'eng',
  de: 'deu',
  fr: 'fra',
  pl: 'pol',
  tr: 'tur',
  ar: 'ara',
};

const MODES: Record<string, string> = {
  online: 'online',
  'on-site': 'on campus',
  hybrid: 'hybrid',
  workplace: 'situated',
};

/** The code type of a keuzedeel (elective) code, K + 4 digits. */
export const KEUZEDEEL_CODE = 'x-keuzedeel';

const text = (language: string, value: string) => [{ language, value }];

/** The root organisation's primary code. */
export const ROOT_CODE = 'bouwsteen';

/** Our languages that show as this teachingLanguage; `others` when unknown ones show as it too. */
export function languagesShownAs(teachingLanguage: string): { codes: string[]; others: boolean } {
  return {
    codes: Object.keys(LANGUAGES).filter((code) => LANGUAGES[code] === teachingLanguage),
    others: teachingLanguage === 'nld',
  };
}

/** Every language code we name in OOAPI's terms. */
export const KNOWN_LANGUAGES = Object.keys(LANGUAGES);

/** Our delivery modes that show as any of these modeOfDelivery values. */
export function deliveryModesShownAs(modes: string[]): string[] {
  return Object.keys(MODES).filter((code) => modes.includes(MODES[code]));
}

/**
 * Which education levels show as this OOAPI level (the inverse of ooapiLevel): how many mbo
 * levels a block has (entree counts as level 1), and which codes when it has one.
 */
export type LevelMatch =
  | { mbo: 'one'; codes: string[] }
  | { mbo: 'several' }
  | { mbo: 'none'; associateDegree: boolean }
  | { mbo: 'never' };

export const MBO_LEVEL_CODE = /^mbo-(\d)$/;

export function levelShownAs(level: string): LevelMatch {
  const one = /^secondary vocational education (\d)$/.exec(level)?.[1];
  if (one) return { mbo: 'one', codes: one === '1' ? ['mbo-1', 'entree'] : [`mbo-${one}`] };
  if (level === 'secondary vocational education') return { mbo: 'several' };
  if (level === 'associate degree') return { mbo: 'none', associateDegree: true };
  if (level === 'undefined') return { mbo: 'none', associateDegree: false };
  return { mbo: 'never' };
}

/** The mbo levels (1–4; entree is 1) among education level codes. */
function mboLevels(levels: string[]): string[] {
  return levels
    .map((code) => (code === 'entree' ? '1' : MBO_LEVEL_CODE.exec(code)?.[1]))
    .filter((level): level is string => level !== undefined);
}

/** One mbo level names it; several, or none of mbo, say what is known. */
export function ooapiLevel(levels: string[]): string {
  const mbo = mboLevels(levels);
  if (mbo.length === 1) return `secondary vocational education ${mbo[0]}`;
  if (mbo.length > 1) return 'secondary vocational education';
  if (levels.includes('ad')) return 'associate degree';
  return 'undefined';
}

export interface OoapiContext {
  /** The public page of a building block. */
  page(id: string): string;
  rootId: string;
  /** The names of the page's crebo and keuzedeel codes (one look-up per page); none: codes only. */
  names?: QualificationNames;
}

export function toCourse(row: CourseRow, context: OoapiContext): Record<string, unknown> {
  const language = row.language === 'nl' ? 'nl-NL' : row.language;
  const hours = row.study_load_hours === null ? undefined : Number(row.study_load_hours);
  const modes = [...new Set(row.delivery_modes.map((mode) => MODES[mode]).filter(Boolean))];
  const outcomes = (row.details.learningOutcomes ?? []).map((outcome) =>
    text(language, outcome.text),
  );
  const starts = (row.details.offerings ?? []).map((offering) => offering.period.start).sort();
  return {
    courseId: row.id,
    primaryCode: { codeType: 'identifier', code: row.id },
    name: text(language, row.title),
    abbreviation: row.title.slice(0, 256),
    // A falsy test, not `??`: an empty description says nothing and the summary does.
    description: text(language, row.description || row.summary),
    teachingLanguage: LANGUAGES[row.language] ?? 'nld',
    level: ooapiLevel(row.levels),
    // The keuzedeel a module is: a code of SBB's, not ours, so with a custom code type (the
    // spec's codeType is an extensible enumeration: "use x- to prefix custom values").
    ...(row.elective_codes.length
      ? { otherCodes: row.elective_codes.map((code) => ({ codeType: KEUZEDEEL_CODE, code })) }
      : {}),
    ...(hours && hours > 0 ? { studyLoad: { studyLoadUnit: 'hour', value: hours } } : {}),
    ...(modes.length ? { modeOfDelivery: modes } : {}),
    ...(starts.length ? { firstStartDate: starts[0] } : {}),
    ...(outcomes.length ? { learningOutcomes: outcomes } : {}),
    link: context.page(row.id),
    organization: row.pps_id,
    consumers: [
      {
        consumerKey: 'x-bouwsteen',
        license: row.license,
        ...(row.module_type ? { moduleType: row.module_type } : {}),
        // The keuzedeel by name: OOAPI's identifier entries hold a code only.
        ...(row.elective_codes.length
          ? {
              electives: namedCodes(
                row.elective_codes,
                (context.names ?? NO_QUALIFICATION_NAMES).electives,
              ),
            }
          : {}),
        pps: { id: row.pps_id, name: row.pps_name },
        page: context.page(row.id),
      },
    ],
  };
}

/** NLQF level of a curriculum: its one mbo level (entree is level 1). */
function levelOfQualification(levels: string[]): string | undefined {
  const mbo = mboLevels(levels);
  return mbo.length === 1 ? mbo[0] : undefined;
}

/** A curriculum is a program (opleiding): crebo code as its primary code when it has one. */
export function toProgram(row: ProgramRow, context: OoapiContext): Record<string, unknown> {
  const language = row.language === 'nl' ? 'nl-NL' : row.language;
  const qualification = levelOfQualification(row.levels);
  const months = row.details.durationMonths;
  const otherCodes = [
    ...row.crebo_codes.slice(1).map((code) => ({ codeType: 'crohoCreboCode', code })),
    ...row.elective_codes.map((code) => ({ codeType: KEUZEDEEL_CODE, code })),
  ];
  const names = context.names ?? NO_QUALIFICATION_NAMES;
  return {
    programId: row.id,
    primaryCode: row.crebo_codes.length
      ? { codeType: 'crohoCreboCode', code: row.crebo_codes[0] }
      : { codeType: 'identifier', code: row.id },
    programType: 'program',
    name: text(language, row.title),
    abbreviation: row.title.slice(0, 256),
    description: text(language, row.description || row.summary),
    teachingLanguage: LANGUAGES[row.language] ?? 'nld',
    ...(months ? { duration: `P${months}M` } : {}),
    ...(qualification ? { levelOfQualification: qualification } : {}),
    level: ooapiLevel(row.levels),
    // Further qualifications, then the keuzedelen it offers, with the code type courses use.
    ...(otherCodes.length ? { otherCodes } : {}),
    link: context.page(row.id),
    organization: row.pps_id,
    consumers: [
      {
        consumerKey: 'x-bouwsteen',
        license: row.license,
        ...(row.learning_paths.length ? { learningPaths: row.learning_paths } : {}),
        // The qualifications of primaryCode and otherCodes by name, which those cannot carry.
        ...(row.crebo_codes.length
          ? { qualifications: namedCodes(row.crebo_codes, names.crebos) }
          : {}),
        ...(row.elective_codes.length
          ? { electives: namedCodes(row.elective_codes, names.electives) }
          : {}),
        pps: { id: row.pps_id, name: row.pps_name },
        page: context.page(row.id),
      },
    ],
  };
}

type Offering = NonNullable<CourseRow['details']['offerings']>[number];

export function toOffering(
  row: CourseRow,
  offering: Offering & { id: string },
  context: OoapiContext,
): Record<string, unknown> {
  const course = toCourse(row, context);
  const id = offering.id;
  const price = row.price_cents ?? 0;
  return {
    offeringId: id,
    primaryCode: { codeType: 'offeringCode', code: id },
    offeringType: 'course',
    name: course.name,
    description: course.description,
    teachingLanguage: course.teachingLanguage,
    ...(course.modeOfDelivery ? { modeOfDelivery: course.modeOfDelivery } : {}),
    ...(offering.seats ? { maxNumberStudents: offering.seats } : {}),
    resultExpected: false,
    startDate: offering.period.start,
    endDate: offering.period.end,
    ...(price > 0
      ? {
          priceInformation: [
            {
              costType: 'total costs',
              amount: (price / 100).toFixed(2),
              currency: 'EUR',
              displayAmount: text('nl-NL', `€ ${(price / 100).toFixed(2).replace('.', ',')}`),
            },
          ],
        }
      : {}),
    link: context.page(row.id),
    course: row.id,
    consumers: [
      {
        consumerKey: 'x-bouwsteen',
        ...(offering.location ? { location: offering.location } : {}),
      },
    ],
  };
}

export function rootOrganization(rootId: string, name: string): Record<string, unknown> {
  return {
    organizationId: rootId,
    primaryCode: { codeType: 'identifier', code: ROOT_CODE },
    organizationType: 'root',
    name: text('nl-NL', name),
    shortName: 'Bouwsteen',
  };
}

export function toOrganization(row: OrganizationRow, rootId: string): Record<string, unknown> {
  return {
    organizationId: row.id,
    primaryCode: { codeType: 'identifier', code: row.id },
    organizationType: row.type,
    name: text('nl-NL', row.name),
    shortName: row.name.slice(0, 256),
    parent: row.parent_id ?? rootId,
  };
}
