import { AssetKind, fieldText } from '@bouwsteen/assets/pure';

/**
 * The building-block form as data: one spec per field the API accepts, by its API path. The
 * same specs render the form, turn a posted form back into the API's JSON shape, and walk the
 * answers for the check page. A spec holds only what is the form's own — order, grouping,
 * input type, rows, widths; label, help, vocabulary, limits and needs come from the assets'
 * field catalogue (ASSET_FIELDS, by the same path), so the form cannot drift from the import
 * templates or the API.
 */
export type FieldSpec =
  | {
      type: 'text';
      path: string;
      /** Rows: a textarea. */
      rows?: number;
      input?: 'email' | 'url' | 'tel' | 'date';
      width?: 'small' | 'medium';
      /** The known places offered while typing (the place picker, place-lookup.ts). */
      places?: boolean;
    }
  | {
      type: 'number';
      path: string;
      step?: string;
      /** Shown folded away under this summary (with the specs beside it that have the same). */
      tucked?: string;
    }
  /** An amount typed in euros, sent as `{ amountCents, currency: 'EUR' }`. */
  | { type: 'euro'; path: string }
  /** A select (`choice`) or checkboxes (`choices`) of the catalogue's vocabulary or options. */
  | {
      type: 'choice' | 'choices';
      path: string;
      /** Partners and lead institution of the PPS. */ organisations?: boolean;
      /** Countries by their Dutch names (the value is the two-letter code). */
      countries?: boolean;
    }
  /** A list of texts, one per line. */
  /** One entry per line; `commas`: a comma or semicolon also separates (words and codes). */
  | { type: 'lines'; path: string; commas?: boolean }
  | { type: 'yesno'; path: string }
  | { type: 'assets'; path: string; kinds: AssetKind[] }
  | {
      type: 'list';
      path: string;
      /** Paths relative to one entry. */
      item: FieldSpec[];
      /** Empty entries offered at the end (more on request, without JavaScript). */
      blank: number;
    }
  | { type: 'group'; path: string; fields: FieldSpec[] };

/** Catalogue fields the form leaves out on purpose, and why. */
export const NOT_IN_FORM: Readonly<Record<string, string>> = {
  kind: 'chosen before the form opens (?soort=) and fixed after',
  ppsId: 'the PPS the person works for (the PPS picker of Mijn PPS)',
};

/**
 * API fields inside a list the form shows that the form does not carry: the write path keeps
 * them (an offering keeps its id by its dates and place: identifyOfferings in libs/assets).
 */
export const KEPT_BY_WRITE_PATH: readonly string[] = ['module.offerings.id'];

const text = (
  path: string,
  more: Omit<Extract<FieldSpec, { type: 'text' }>, 'type' | 'path'> = {},
): FieldSpec => ({
  type: 'text',
  path,
  ...more,
});
const choice = (path: string): FieldSpec => ({ type: 'choice', path });
const choices = (path: string): FieldSpec => ({ type: 'choices', path });
const lines = (path: string): FieldSpec => ({ type: 'lines', path });
const words = (path: string): FieldSpec => ({ type: 'lines', path, commas: true });
const group = (path: string, fields: FieldSpec[]): FieldSpec => ({ type: 'group', path, fields });
const list = (path: string, blank: number, item: FieldSpec[]): FieldSpec => ({
  type: 'list',
  path,
  blank,
  item,
});
const organisation = (path: string): FieldSpec => ({ type: 'choice', path, organisations: true });

const PERIOD = (path: string): FieldSpec =>
  group(path, [
    text('start', { input: 'date', width: 'medium' }),
    text('end', { input: 'date', width: 'medium' }),
  ]);

/** Both parts once either is given; whether the whole is needed is the publish check's call. */
const STUDY_LOAD = (path: string): FieldSpec =>
  group(path, [{ type: 'number', path: 'value', step: '0.25' }, choice('unit')]);

const COMMON_FIELDS: FieldSpec[] = [
  text('title'),
  text('summary', { rows: 3 }),
  text('description', { rows: 8 }),
  words('keywords'),
  choice('language'),
  choices('levels'),
  choices('sectors'),
  choices('themes'),
  choices('challenges'),
  choice('license'),
];

const MODULE_FIELDS: FieldSpec[] = [
  choice('module.moduleType'),
  list('module.learningOutcomes', 2, [
    text('text', { rows: 2 }),
    text('escoUri', { input: 'url' }),
  ]),
  STUDY_LOAD('module.studyLoad'),
  choices('module.audiences'),
  choice('module.learningMode'),
  choices('module.deliveryModes'),
  choice('module.certification'),
  { type: 'yesno', path: 'module.stackable' },
  group('module.assessment', [text('type', { width: 'medium' }), text('description', { rows: 2 })]),
  group('module.prerequisites', [
    { type: 'assets', path: 'moduleIds', kinds: ['module'] },
    text('description', { rows: 2 }),
  ]),
  text('module.electiveCode', { width: 'small' }),
  { type: 'euro', path: 'module.price' },
  list('module.offerings', 1, [
    PERIOD('period'),
    text('location'),
    { type: 'number', path: 'seats' },
  ]),
  group('module.microCredential', [
    text('awardingBody'),
    text('qualityAssurance'),
    text('assessmentType', { width: 'medium' }),
    text('participation', { width: 'medium' }),
  ]),
];

const CURRICULUM_FIELDS: FieldSpec[] = [
  words('curriculum.creboCodes'),
  text('curriculum.qualificationDossier'),
  lines('curriculum.qualifications'),
  choices('curriculum.learningPaths'),
  { type: 'number', path: 'curriculum.durationMonths' },
  STUDY_LOAD('curriculum.studyLoad'),
  list('curriculum.coreTasks', 1, [
    text('code', { width: 'small' }),
    text('title'),
    lines('workProcesses'),
  ]),
  words('curriculum.electiveCodes'),
  { type: 'assets', path: 'curriculum.moduleIds', kinds: ['module'] },
  text('curriculum.admissionRequirements', { rows: 3 }),
  text('curriculum.credential'),
];

const COORDINATES = 'Coördinaten zelf invullen';

const INFRASTRUCTURE_FIELDS: FieldSpec[] = [
  choice('infrastructure.model'),
  choices('infrastructure.natures'),
  list('infrastructure.locations', 1, [
    text('name'),
    group('address', [
      text('street'),
      text('postalCode', { width: 'small' }),
      text('city', { width: 'medium', places: true }),
      { type: 'choice', path: 'country', countries: true },
    ]),
    // The town or postcode places the location (place-lookup.ts); coordinates only by choice.
    { type: 'number', path: 'lat', step: 'any', tucked: COORDINATES },
    { type: 'number', path: 'lng', step: 'any', tucked: COORDINATES },
  ]),
  list('infrastructure.equipment', 1, [
    text('name'),
    organisation('ownerOrganisationId'),
    text('owner'),
    { type: 'number', path: 'capacity' },
    text('description', { rows: 2 }),
  ]),
  list('infrastructure.software', 1, [choice('code'), text('description', { rows: 2 })]),
  list('infrastructure.contributions', 1, [
    organisation('organisationId'),
    text('partner'),
    text('contribution', { rows: 2 }),
  ]),
  choices('infrastructure.uses'),
  text('infrastructure.access', { rows: 2 }),
  text('infrastructure.booking', { rows: 2 }),
  text('infrastructure.openingHours'),
  text('infrastructure.costModel', { rows: 2 }),
  { type: 'assets', path: 'infrastructure.usedByIds', kinds: ['module', 'curriculum'] },
];

const PRACTICE_FIELDS: FieldSpec[] = [
  text('practice.context', { rows: 3 }),
  text('practice.problem', { rows: 3 }),
  text('practice.approach', { rows: 4 }),
  text('practice.results', { rows: 3 }),
  lines('practice.successConditions'),
  lines('practice.pitfalls'),
  choices('practice.buildingBlocks'),
  choices('practice.configurations'),
  { type: 'choices', path: 'practice.partnerOrganisationIds', organisations: true },
  PERIOD('practice.period'),
  text('practice.region', { width: 'medium' }),
];

const CONTACTS_AND_LINKS: FieldSpec[] = [
  list('contacts', 1, [
    text('role', { width: 'medium' }),
    text('name'),
    text('email', { input: 'email' }),
    text('phone', { input: 'tel', width: 'medium' }),
    organisation('organisationId'),
  ]),
  list('links', 1, [text('title'), text('url', { input: 'url' }), choice('type')]),
];

export interface FormSection {
  id: string;
  title: string;
  fields: FieldSpec[];
}

/** A kind's own section, titled as the catalogue names the kind's object ("Over de module"). */
const kindSection = (kind: AssetKind, id: string, fields: FieldSpec[]): FormSection => ({
  id,
  title: fieldText(kind)!.label,
  fields,
});

const KIND_SECTIONS: Record<AssetKind, FormSection> = {
  module: kindSection('module', 'module', MODULE_FIELDS),
  curriculum: kindSection('curriculum', 'curriculum', CURRICULUM_FIELDS),
  infrastructure: kindSection('infrastructure', 'praktijkomgeving', INFRASTRUCTURE_FIELDS),
  practice: kindSection('practice', 'praktijk', PRACTICE_FIELDS),
};

/** The form of one kind, in the order it is shown. */
export function formSections(kind: AssetKind): FormSection[] {
  return [
    { id: 'algemeen', title: 'Algemeen', fields: COMMON_FIELDS },
    KIND_SECTIONS[kind],
    { id: 'contact', title: 'Contact en links', fields: CONTACTS_AND_LINKS },
  ];
}
