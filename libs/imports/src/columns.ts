import {
  ASSET_KINDS,
  AssetKind,
  LINK_TYPES,
  PRICE_MAX_CENTS,
  STUDY_LOAD_UNITS,
} from '@bouwsteen/assets/pure';
import { KIND_LABELS, Vocabulary } from '@bouwsteen/taxonomy/pure';
import { FORMER_COLUMNS } from './former-columns';

/**
 * The file format of an import and an export, in one table: every column, its type, and what
 * the template's explanation sheet says about it. Column names are the API's field paths (a
 * file's header may give them, or the Dutch labels: see headers.ts), so a developer reads a
 * spreadsheet the way they read the JSON. A cell holds one value; a repeated
 * field holds values separated by `;`; a list of records (contacts, outcomes, offerings) holds
 * records separated by `;` whose parts are separated by `|` in the order given.
 */
export type ValueType =
  | { type: 'text' | 'number' | 'integer' | 'boolean' | 'date' | 'uuid' }
  /**
   * An amount the API keeps as `{ amountCents, currency: 'EUR' }`, written in a spreadsheet as
   * euros ("12,50", "€ 1.250,00"): see euros.ts.
   */
  | { type: 'euro'; maxCents: number }
  /** A code from a vocabulary, given as code or label. */
  | { type: 'vocabulary'; vocabulary: Vocabulary }
  /** A fixed choice the API lists itself (not a vocabulary), code or Dutch label. */
  | { type: 'choice'; choices: Record<string, string> }
  /** Another building block: its Bouwsteen id or this PPS's own code for it. */
  | { type: 'reference' };

export type Part = ValueType & {
  /** Where the value goes inside one record, e.g. `address.city`. */
  key: string;
  label: string;
  /** A list inside a record part, separated by `,`. */
  list?: boolean;
};

export type Column = ValueType & {
  /** The API's field path; the column's name. */
  name: string;
  label: string;
  help: string;
  /** Needed for a draft (kind and title); what publishing needs comes from the assets' rule. */
  required?: boolean;
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

export const KIND_CHOICES = Object.fromEntries(
  ASSET_KINDS.map((kind) => [kind, KIND_LABELS[kind].one]),
);
const LINK_TYPE_LABELS: Record<(typeof LINK_TYPES)[number], string> = {
  website: 'Website',
  document: 'Document',
  video: 'Video',
  elearning: 'E-learning',
  repository: 'Opslagplaats',
  other: 'Anders',
};
const STUDY_LOAD_LABELS: Record<(typeof STUDY_LOAD_UNITS)[number], string> = {
  hour: 'uur',
  sbu: 'sbu',
  ects: 'ects',
};

const text = { type: 'text' } as const;
const vocab = (vocabulary: Vocabulary) => ({ type: 'vocabulary', vocabulary }) as const;

const SHARED: Column[] = [
  {
    name: 'id',
    type: 'uuid',
    identity: true,
    label: 'Bouwsteen-id',
    help: 'Leeg voor een nieuwe bouwsteen. Een export vult het in; laat het dan staan.',
  },
  {
    name: 'sourceId',
    type: 'text',
    identity: true,
    label: 'Eigen code',
    help: 'Uw eigen code voor deze bouwsteen (uniek binnen de PPS). Een tweede import met dezelfde code werkt dezelfde bouwsteen bij in plaats van een nieuwe te maken.',
  },
  {
    name: 'kind',
    type: 'choice',
    choices: KIND_CHOICES,
    identity: true,
    required: true,
    label: 'Soort',
    help: 'Module, Curriculum, Praktijkomgeving of Goede praktijk.',
  },
  { name: 'title', ...text, required: true, label: 'Titel', help: '3 tot 200 tekens.' },
  {
    name: 'summary',
    ...text,
    label: 'Samenvatting',
    help: '10 tot 1000 tekens: wat het is en voor wie.',
  },
  {
    name: 'description',
    ...text,
    label: 'Beschrijving',
    help: 'Langere tekst, tot 20.000 tekens.',
  },
  {
    name: 'keywords',
    ...text,
    list: true,
    label: 'Trefwoorden',
    help: 'Gescheiden door ; (hoogstens 30).',
  },
  { name: 'language', ...vocab('languages'), label: 'Taal', help: 'Leeg is Nederlands.' },
  { name: 'sectors', ...vocab('sectors'), list: true, label: 'Sectoren', help: 'Hoogstens 5.' },
  {
    name: 'levels',
    ...vocab('educationLevels'),
    list: true,
    label: 'Onderwijsniveaus',
    help: 'Bijvoorbeeld mbo niveau 3; mbo niveau 4.',
  },
  {
    name: 'themes',
    ...vocab('provincialThemes'),
    list: true,
    label: 'Provinciale thema’s',
    help: 'Hoogstens 5.',
  },
  {
    name: 'challenges',
    ...vocab('societalChallenges'),
    list: true,
    label: 'Maatschappelijke opgaven',
    help: 'Hoogstens 5.',
  },
  {
    name: 'license',
    ...vocab('licenses'),
    label: 'Licentie',
    help: 'Bijvoorbeeld CC BY-SA 4.0, of Alle rechten voorbehouden.',
  },
  {
    name: 'contacts',
    ...text,
    label: 'Contactpersonen',
    help: 'Per contact: rol | naam | e-mail | telefoon | organisatie-id. Gebruik een teamadres, geen persoonlijk adres.',
    parts: [
      { key: 'role', ...text, label: 'rol' },
      { key: 'name', ...text, label: 'naam' },
      { key: 'email', ...text, label: 'e-mail' },
      { key: 'phone', ...text, label: 'telefoon' },
      { key: 'organisationId', type: 'uuid', label: 'organisatie-id' },
    ],
  },
  {
    name: 'links',
    ...text,
    label: 'Links',
    help: `Per link: titel | https://… | soort (${Object.values(LINK_TYPE_LABELS).join(', ')}).`,
    parts: [
      { key: 'title', ...text, label: 'titel' },
      { key: 'url', ...text, label: 'url' },
      { key: 'type', type: 'choice', choices: LINK_TYPE_LABELS, label: 'soort' },
    ],
  },
];

const studyLoad = (kind: AssetKind): Column[] => [
  {
    name: `${kind}.studyLoad.value`,
    type: 'number',
    label: 'Studielast',
    help: 'Een getal, bijvoorbeeld 40 of 1,5.',
  },
  {
    name: `${kind}.studyLoad.unit`,
    type: 'choice',
    choices: STUDY_LOAD_LABELS,
    label: 'Eenheid studielast',
    help: 'uur, sbu (1 uur) of ects (28 uur).',
  },
];

const period = (kind: AssetKind): Column[] => [
  {
    name: `${kind}.period.start`,
    type: 'date',
    label: 'Begindatum',
    help: 'JJJJ-MM-DD of DD-MM-JJJJ.',
  },
  {
    name: `${kind}.period.end`,
    type: 'date',
    label: 'Einddatum',
    help: 'Niet vóór de begindatum.',
  },
];

const KIND_COLUMNS: Record<AssetKind, Column[]> = {
  module: [
    {
      name: 'module.moduleType',
      ...vocab('moduleTypes'),
      label: 'Soort module',
      help: 'Bijvoorbeeld E-learning.',
    },
    {
      name: 'module.learningOutcomes',
      ...text,
      label: 'Leeruitkomsten',
      help: 'Per leeruitkomst: tekst | ESCO-URI (optioneel), gescheiden door ;.',
      parts: [
        { key: 'text', ...text, label: 'tekst' },
        { key: 'escoUri', ...text, label: 'ESCO-URI' },
      ],
    },
    ...studyLoad('module'),
    {
      name: 'module.audiences',
      ...vocab('audiences'),
      list: true,
      label: 'Doelgroepen',
      help: 'Eén of meer, gescheiden door ;.',
    },
    {
      name: 'module.learningMode',
      ...vocab('learningModes'),
      label: 'Leervorm',
      help: 'Formeel leren of Non-formeel leren.',
    },
    {
      name: 'module.deliveryModes',
      ...vocab('deliveryModes'),
      list: true,
      label: 'Uitvoeringsvormen',
      help: 'Eén of meer, gescheiden door ;.',
    },
    {
      name: 'module.assessment.type',
      ...text,
      label: 'Toetsvorm',
      help: 'Bijvoorbeeld praktijkopdracht.',
    },
    {
      name: 'module.assessment.description',
      ...text,
      label: 'Toelichting toetsing',
      help: 'Tot 2000 tekens.',
    },
    {
      name: 'module.certification',
      ...vocab('certifications'),
      label: 'Certificering',
      help: 'Bijvoorbeeld Microcredential.',
    },
    { name: 'module.stackable', type: 'boolean', label: 'Stapelbaar', help: 'ja of nee.' },
    {
      name: 'module.prerequisites.moduleIds',
      type: 'reference',
      list: true,
      label: 'Voorkennis: modules',
      help: 'Bouwsteen-id’s of eigen codes van modules, gescheiden door ;. Een eigen code moet al bestaan of eerder in het bestand staan.',
    },
    {
      name: 'module.prerequisites.description',
      ...text,
      label: 'Voorkennis',
      help: 'Tot 2000 tekens.',
    },
    {
      name: 'module.electiveCode',
      ...text,
      label: 'Keuzedeelcode',
      help: 'K en 4 cijfers, bijvoorbeeld K0080.',
    },
    {
      name: 'module.price',
      type: 'euro',
      maxCents: PRICE_MAX_CENTS,
      label: 'Prijs (euro)',
      help: 'Prijs per deelnemer in euro, exclusief btw: 395, 12,50 of € 1.250,00.',
    },
    {
      name: 'module.offerings',
      ...text,
      label: 'Uitvoeringen',
      help: 'Per uitvoering: begindatum | einddatum | plaats | aantal plaatsen.',
      eachRecord: { period: {} },
      parts: [
        { key: 'period.start', type: 'date', label: 'begindatum' },
        { key: 'period.end', type: 'date', label: 'einddatum' },
        { key: 'location', ...text, label: 'plaats' },
        { key: 'seats', type: 'integer', label: 'aantal plaatsen' },
      ],
    },
    {
      name: 'module.microCredential.awardingBody',
      ...text,
      label: 'Microcredential: uitgever',
      help: 'Wie het certificaat afgeeft.',
    },
    {
      name: 'module.microCredential.qualityAssurance',
      ...text,
      label: 'Microcredential: kwaliteitsborging',
      help: 'Tot 500 tekens.',
    },
    {
      name: 'module.microCredential.assessmentType',
      ...text,
      label: 'Microcredential: beoordeling',
      help: 'Bijvoorbeeld praktijkexamen.',
    },
    {
      name: 'module.microCredential.participation',
      ...text,
      label: 'Microcredential: deelname',
      help: 'Bijvoorbeeld hybride.',
    },
  ],
  curriculum: [
    {
      name: 'curriculum.creboCodes',
      ...text,
      list: true,
      emptyIsList: true,
      label: 'Crebocodes',
      help: 'Vijf cijfers elk, gescheiden door ;. Leeg mag.',
    },
    {
      name: 'curriculum.qualificationDossier',
      ...text,
      label: 'Kwalificatiedossier',
      help: 'Tot 200 tekens.',
    },
    {
      name: 'curriculum.qualifications',
      ...text,
      list: true,
      label: 'Kwalificaties',
      help: 'Gescheiden door ;.',
    },
    {
      name: 'curriculum.learningPaths',
      ...vocab('learningPaths'),
      list: true,
      label: 'Leerwegen',
      help: 'bol; bbl.',
    },
    {
      name: 'curriculum.durationMonths',
      type: 'integer',
      label: 'Duur (maanden)',
      help: '1 tot 72.',
    },
    ...studyLoad('curriculum'),
    {
      name: 'curriculum.coreTasks',
      ...text,
      label: 'Kerntaken',
      help: 'Per kerntaak: code | titel | werkprocessen (gescheiden door ,).',
      parts: [
        { key: 'code', ...text, label: 'code' },
        { key: 'title', ...text, label: 'titel' },
        { key: 'workProcesses', ...text, list: true, label: 'werkprocessen' },
      ],
    },
    {
      name: 'curriculum.electiveCodes',
      ...text,
      list: true,
      label: 'Keuzedelen',
      help: 'K en 4 cijfers elk, gescheiden door ;.',
    },
    {
      name: 'curriculum.moduleIds',
      type: 'reference',
      list: true,
      label: 'Modules',
      help: 'Bouwsteen-id’s of eigen codes van modules, gescheiden door ;.',
    },
    {
      name: 'curriculum.admissionRequirements',
      ...text,
      label: 'Toelatingseisen',
      help: 'Tot 2000 tekens.',
    },
    {
      name: 'curriculum.credential',
      ...text,
      label: 'Diploma of certificaat',
      help: 'Tot 200 tekens.',
    },
  ],
  infrastructure: [
    {
      name: 'infrastructure.model',
      ...vocab('infrastructureModels'),
      label: 'Model',
      help: 'Centraal, hub of verspreid.',
    },
    {
      name: 'infrastructure.natures',
      ...vocab('infrastructureNature'),
      list: true,
      label: 'Aard',
      help: 'Fysiek; digitaal.',
    },
    {
      name: 'infrastructure.locations',
      ...text,
      label: 'Locaties',
      help: 'Per locatie: naam | straat | postcode | plaats | land | breedtegraad | lengtegraad.',
      parts: [
        { key: 'name', ...text, label: 'naam' },
        { key: 'address.street', ...text, label: 'straat' },
        { key: 'address.postalCode', ...text, label: 'postcode' },
        { key: 'address.city', ...text, label: 'plaats' },
        { key: 'address.country', ...text, label: 'land' },
        { key: 'lat', type: 'number', label: 'breedtegraad' },
        { key: 'lng', type: 'number', label: 'lengtegraad' },
      ],
    },
    {
      name: 'infrastructure.equipment',
      ...text,
      label: 'Uitrusting',
      help: 'Per onderdeel: naam | organisatie-id eigenaar | eigenaar | capaciteit | beschrijving.',
      parts: [
        { key: 'name', ...text, label: 'naam' },
        { key: 'ownerOrganisationId', type: 'uuid', label: 'organisatie-id eigenaar' },
        { key: 'owner', ...text, label: 'eigenaar' },
        { key: 'capacity', type: 'integer', label: 'capaciteit' },
        { key: 'description', ...text, label: 'beschrijving' },
      ],
    },
    {
      name: 'infrastructure.software',
      ...text,
      label: 'Organisatie ("software")',
      help: 'Per onderdeel: soort | beschrijving.',
      parts: [
        { key: 'code', ...vocab('infrastructureSoftware'), label: 'soort' },
        { key: 'description', ...text, label: 'beschrijving' },
      ],
    },
    {
      name: 'infrastructure.contributions',
      ...text,
      label: 'Bijdragen van partners',
      help: 'Per bijdrage: organisatie-id | partner | bijdrage.',
      parts: [
        { key: 'organisationId', type: 'uuid', label: 'organisatie-id' },
        { key: 'partner', ...text, label: 'partner' },
        { key: 'contribution', ...text, label: 'bijdrage' },
      ],
    },
    {
      name: 'infrastructure.uses',
      ...vocab('infrastructureUses'),
      list: true,
      label: 'Gebruik',
      help: 'Gescheiden door ;.',
    },
    { name: 'infrastructure.access', ...text, label: 'Toegang', help: 'Tot 2000 tekens.' },
    { name: 'infrastructure.booking', ...text, label: 'Reserveren', help: 'Tot 2000 tekens.' },
    {
      name: 'infrastructure.openingHours',
      ...text,
      label: 'Openingstijden',
      help: 'Tot 500 tekens.',
    },
    { name: 'infrastructure.costModel', ...text, label: 'Kostenmodel', help: 'Tot 2000 tekens.' },
    {
      name: 'infrastructure.usedByIds',
      type: 'reference',
      list: true,
      label: 'Gebruikt door',
      help: 'Bouwsteen-id’s of eigen codes van modules en curricula, gescheiden door ;.',
    },
  ],
  practice: [
    { name: 'practice.context', ...text, label: 'Context', help: 'Tot 5000 tekens.' },
    {
      name: 'practice.problem',
      ...text,
      label: 'Probleem',
      help: 'Tot 5000 tekens.',
    },
    {
      name: 'practice.approach',
      ...text,
      label: 'Aanpak',
      help: 'Tot 5000 tekens.',
    },
    { name: 'practice.results', ...text, label: 'Resultaten', help: 'Tot 5000 tekens.' },
    {
      name: 'practice.successConditions',
      ...text,
      list: true,
      label: 'Succesfactoren',
      help: 'Gescheiden door ;.',
    },
    {
      name: 'practice.pitfalls',
      ...text,
      list: true,
      label: 'Valkuilen',
      help: 'Gescheiden door ;.',
    },
    {
      name: 'practice.buildingBlocks',
      ...vocab('buildingBlocks'),
      list: true,
      label: 'Bouwstenen',
      help: 'Gescheiden door ;.',
    },
    {
      name: 'practice.configurations',
      ...vocab('configurations'),
      list: true,
      label: 'Configuraties',
      help: 'Gescheiden door ;.',
    },
    {
      name: 'practice.partnerOrganisationIds',
      type: 'uuid',
      list: true,
      label: 'Partnerorganisaties',
      help: 'Organisatie-id’s, gescheiden door ;.',
    },
    ...period('practice'),
    { name: 'practice.region', ...text, label: 'Regio', help: 'Tot 200 tekens.' },
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
