import {
  ASSET_KINDS,
  AssetKind,
  PRICE_MAX_CENTS,
  fieldLabel,
  fieldText,
} from '@bouwsteen/assets/pure';
import type { Vocabulary } from '@bouwsteen/taxonomy/pure';
import { FORMER_COLUMNS } from './former-columns';

/**
 * The file format of an import and an export, in one table: every column, how its cell is
 * written, and in which order a record's parts go. Column names are the API's field paths (a
 * file's header may give them, or the Dutch labels: see headers.ts), so a developer reads a
 * spreadsheet the way they read the JSON. A cell holds one value; a repeated
 * field holds values separated by `;`; a list of records (contacts, outcomes, offerings) holds
 * records separated by `;` whose parts are separated by `|` in the order given. What a column
 * is called, what it asks for, its vocabulary and limits and whether it is needed come from the
 * assets' field catalogue (by the same path), so a template never drifts from the form or API.
 */
export type ValueType =
  | { type: 'text' | 'number' | 'integer' | 'boolean' | 'date' | 'uuid' }
  /** A code from a vocabulary, given as code or label. */
  | { type: 'vocabulary'; vocabulary: Vocabulary }
  /** A fixed choice the API lists itself (not a vocabulary), code or Dutch label. */
  | { type: 'choice'; choices: Readonly<Record<string, string>> }
  /** Another building block: its Bouwsteen id or this PPS's own code for it. */
  | { type: 'reference' }
  /**
   * An amount the API keeps as `{ amountCents, currency: 'EUR' }`, written in a spreadsheet as
   * euros ("12,50", "€ 1.250,00"): see @bouwsteen/common euros.ts.
   */
  | { type: 'euro'; maxCents: number };

/** How a cell is read, where the catalogue does not decide it (vocabulary and choice do). */
type CellType = 'text' | 'number' | 'integer' | 'boolean' | 'date' | 'uuid' | 'reference';

export type Part = ValueType & {
  /** Where the value goes inside one record, e.g. `address.city`. */
  key: string;
  /** The part's name in the catalogue ("Rol"). */
  label: string;
  /** A list inside a record part, separated by `,`. */
  list?: boolean;
};

export type Column = ValueType & {
  /** The API's field path; the column's name. */
  name: string;
  /** The column's Dutch name: the catalogue's, standing alone ("Periode — Begindatum"). */
  label: string;
  /** The spreadsheet's own word on the cell (for an identity column, all there is to say). */
  note?: string;
  /** Several values separated by `;`. */
  list?: boolean;
  /** Records separated by `;`, their parts by `|`. */
  parts?: Part[];
  /** An identifying column of the row rather than content (id, sourceId, kind). */
  identity?: boolean;
  /** Fields the API wants beside this one that a spreadsheet need not spell out. */
  implies?: Record<string, string>;
  /**
   * A list the API requires but allows empty: a row that gives no values has the empty list
   * (an export writes an empty list as an empty cell), not a missing field.
   */
  emptyIsList?: boolean;
  /**
   * What every record of a records column holds even when its parts are empty: an object the
   * API requires that may itself be empty (an offering's period), so it reads back as written.
   */
  eachRecord?: Record<string, unknown>;
};

/** Catalogue fields no column holds on purpose, and why. */
export const NOT_IN_COLUMNS: Readonly<Record<string, string>> = {
  ppsId: 'the PPS the file is uploaded for (or exported from)',
};

/** The catalogue's word on a path's values: its vocabulary, its fixed options, or `type`. */
function valueType(path: string, type: CellType = 'text'): ValueType {
  const text = fieldText(path);
  if (text?.vocabulary) return { type: 'vocabulary', vocabulary: text.vocabulary };
  if (text?.options) return { type: 'choice', choices: text.options };
  return { type };
}

type PartSpec = string | { key: string; type?: CellType; list?: boolean };
type Encoding = Omit<Column, 'name' | 'label' | 'type' | 'parts'> & {
  type?: CellType;
  parts?: PartSpec[];
};

function column(name: string, { type, parts, ...encoding }: Encoding = {}): Column {
  const column: Column = { name, label: fieldLabel(name), ...valueType(name, type), ...encoding };
  if (parts)
    column.parts = parts.map((spec) => {
      const { key, type, list } = typeof spec === 'string' ? { key: spec } : spec;
      const path = `${name}.${key}`;
      return { key, label: fieldText(path)?.label ?? key, list, ...valueType(path, type) };
    });
  return column;
}

const listOf = (name: string, more: Encoding = {}) => column(name, { list: true, ...more });
const references = (name: string) => column(name, { type: 'reference', list: true });

export const KIND_CHOICES = fieldText('kind')!.options!;

const SHARED: Column[] = [
  {
    name: 'id',
    type: 'uuid',
    identity: true,
    label: 'Bouwsteen-id',
    note: 'Leeg voor een nieuwe bouwsteen. Een export vult het in; laat het dan staan.',
  },
  {
    name: 'sourceId',
    type: 'text',
    identity: true,
    label: 'Eigen code',
    note: 'Uw eigen code voor deze bouwsteen (uniek binnen de PPS). Een tweede import met dezelfde code werkt dezelfde bouwsteen bij in plaats van een nieuwe te maken.',
  },
  column('kind', { identity: true }),
  column('title'),
  column('summary'),
  column('description'),
  listOf('keywords'),
  column('language'),
  listOf('sectors'),
  listOf('levels'),
  listOf('themes'),
  listOf('challenges'),
  column('license'),
  column('contacts', {
    parts: ['role', 'name', 'email', 'phone', { key: 'organisationId', type: 'uuid' }],
  }),
  column('links', { parts: ['title', 'url', 'type'] }),
];

const studyLoad = (kind: AssetKind): Column[] => [
  column(`${kind}.studyLoad.value`, { type: 'number' }),
  column(`${kind}.studyLoad.unit`),
];

const KIND_COLUMNS: Record<AssetKind, Column[]> = {
  module: [
    column('module.moduleType'),
    column('module.learningOutcomes', { parts: ['text', 'escoUri'] }),
    ...studyLoad('module'),
    listOf('module.audiences'),
    column('module.learningMode'),
    listOf('module.deliveryModes'),
    column('module.assessment.type'),
    column('module.assessment.description'),
    column('module.certification'),
    column('module.stackable', { type: 'boolean' }),
    references('module.prerequisites.moduleIds'),
    column('module.prerequisites.description'),
    column('module.electiveCode'),
    { ...column('module.price'), type: 'euro', maxCents: PRICE_MAX_CENTS },
    column('module.offerings', {
      eachRecord: { period: {} },
      parts: [
        { key: 'period.start', type: 'date' },
        { key: 'period.end', type: 'date' },
        'location',
        { key: 'seats', type: 'integer' },
      ],
    }),
    column('module.microCredential.awardingBody'),
    column('module.microCredential.qualityAssurance'),
    column('module.microCredential.assessmentType'),
    column('module.microCredential.participation'),
  ],
  curriculum: [
    listOf('curriculum.creboCodes', { emptyIsList: true }),
    column('curriculum.qualificationDossier'),
    listOf('curriculum.qualifications'),
    listOf('curriculum.learningPaths'),
    column('curriculum.durationMonths', { type: 'integer' }),
    ...studyLoad('curriculum'),
    column('curriculum.coreTasks', {
      parts: ['code', 'title', { key: 'workProcesses', list: true }],
    }),
    listOf('curriculum.electiveCodes'),
    references('curriculum.moduleIds'),
    column('curriculum.admissionRequirements'),
    column('curriculum.credential'),
  ],
  infrastructure: [
    column('infrastructure.model'),
    listOf('infrastructure.natures'),
    column('infrastructure.locations', {
      parts: [
        'name',
        'address.street',
        'address.postalCode',
        'address.city',
        'address.country',
        { key: 'lat', type: 'number' },
        { key: 'lng', type: 'number' },
      ],
    }),
    column('infrastructure.equipment', {
      parts: [
        'name',
        { key: 'ownerOrganisationId', type: 'uuid' },
        'owner',
        { key: 'capacity', type: 'integer' },
        'description',
      ],
    }),
    column('infrastructure.software', { parts: ['code', 'description'] }),
    column('infrastructure.contributions', {
      parts: [{ key: 'organisationId', type: 'uuid' }, 'partner', 'contribution'],
    }),
    listOf('infrastructure.uses'),
    column('infrastructure.access'),
    column('infrastructure.booking'),
    column('infrastructure.openingHours'),
    column('infrastructure.costModel'),
    references('infrastructure.usedByIds'),
  ],
  practice: [
    column('practice.context'),
    column('practice.problem'),
    column('practice.approach'),
    column('practice.results'),
    listOf('practice.successConditions'),
    listOf('practice.pitfalls'),
    listOf('practice.buildingBlocks'),
    listOf('practice.configurations'),
    listOf('practice.partnerOrganisationIds', { type: 'uuid' }),
    column('practice.period.start', { type: 'date' }),
    column('practice.period.end', { type: 'date' }),
    column('practice.region'),
  ],
};

/** How a cell of the column is written, from its type and shape (the spreadsheet's own rules). */
export function writingHelp(column: Column): string {
  if (column.parts) {
    const parts = column.parts.map((part) => {
      const label = part.type === 'uuid' ? `id van ${lowerFirst(part.label)}` : part.label;
      return part.list ? `${label} (gescheiden door ,)` : label;
    });
    const entry = lowerFirst(fieldText(column.name)?.entry ?? 'waarde');
    return `Per ${entry}: ${parts.join(' | ')}. Meer dan één gescheiden door ;.`;
  }
  const [one, many] = CELL_HELP[column.type] ?? ['', 'Gescheiden door ;.'];
  if (!column.list) return one;
  return [many, column.emptyIsList ? 'Leeg mag.' : ''].filter(Boolean).join(' ');
}

/** "Eigenaar (partner)" → "eigenaar (partner)"; "ESCO-vaardigheid" stays as it is. */
function lowerFirst(text: string): string {
  return /^\p{Lu}\p{Ll}/u.test(text) ? text[0].toLowerCase() + text.slice(1) : text;
}

/** What a cell of one value says, and a cell of several. */
const CELL_HELP: Partial<Record<ValueType['type'], [string, string]>> = {
  number: ['Een getal, zoals 40 of 1,5.', 'Getallen, gescheiden door ;.'],
  integer: ['Een geheel getal.', 'Gehele getallen, gescheiden door ;.'],
  boolean: ['ja of nee.', 'ja of nee, gescheiden door ;.'],
  euro: [
    'Een bedrag in euro, zoals 395, 12,50 of € 1.250,00.',
    'Bedragen in euro, gescheiden door ;.',
  ],
  date: ['JJJJ-MM-DD of DD-MM-JJJJ.', 'Data als JJJJ-MM-DD of DD-MM-JJJJ, gescheiden door ;.'],
  uuid: ['Een id uit Bouwsteen.', 'Id’s uit Bouwsteen, gescheiden door ;.'],
  reference: [
    'Een Bouwsteen-id of eigen code.',
    'Bouwsteen-id’s of eigen codes, gescheiden door ;. Een eigen code moet al bestaan of eerder in het bestand staan.',
  ],
};

/** The columns of a file for one kind (a template, an export sheet). */
const COLUMNS_BY_KIND = new Map(
  ASSET_KINDS.map((kind) => [kind, [...SHARED, ...KIND_COLUMNS[kind]]] as const),
);

/** A kind's columns, shared and its own (one array per kind: read-only). */
export function columnsFor(kind: AssetKind): readonly Column[] {
  return COLUMNS_BY_KIND.get(kind)!;
}

/** Every column any kind has: a file may mix kinds, each row filling its own kind's columns. */
export const ALL_COLUMNS: Column[] = [
  ...SHARED,
  ...ASSET_KINDS.flatMap((kind) => KIND_COLUMNS[kind]),
];

const BY_NAME = new Map(
  [...ALL_COLUMNS, ...FORMER_COLUMNS].map((column) => [column.name.toLowerCase(), column]),
);

/** A header cell's column by its API path (names compare without case or surrounding spaces). */
export function columnNamed(header: string): Column | undefined {
  return BY_NAME.get(header.trim().toLowerCase());
}

/** The kind a column belongs to, or undefined for the shared ones. */
export function kindOfColumn(column: Column): AssetKind | undefined {
  const prefix = column.name.split('.')[0];
  return (ASSET_KINDS as readonly string[]).includes(prefix) ? (prefix as AssetKind) : undefined;
}
