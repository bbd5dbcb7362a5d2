import type { AssetKind } from '@bouwsteen/assets';
import type { Vocabulary } from '@bouwsteen/taxonomy';
import type { Option } from '../../../forms/fields';

/**
 * The building-block form as data: one spec per field the API accepts, by its API path. The
 * same specs render the form, turn a posted form back into the API's JSON shape, and name each
 * field in the error summary, so a field added to the API is added here once.
 */
export type FieldSpec =
  | {
      type: 'text';
      path: string;
      label: string;
      hint?: string;
      required?: boolean;
      /** Rows: a textarea. */
      rows?: number;
      input?: 'email' | 'url' | 'tel' | 'date';
      width?: 'small' | 'medium';
    }
  | {
      type: 'number';
      path: string;
      label: string;
      hint?: string;
      required?: boolean;
      step?: string;
    }
  | { type: 'euro'; path: string; label: string; hint?: string }
  | {
      type: 'choice';
      path: string;
      label: string;
      hint?: string;
      required?: boolean;
      vocabulary?: Vocabulary;
      options?: Option[];
      /** Organisations of this PPS (partners and lead institution). */
      organisations?: boolean;
    }
  | {
      type: 'choices';
      path: string;
      label: string;
      hint?: string;
      required?: boolean;
      vocabulary?: Vocabulary;
      options?: Option[];
      organisations?: boolean;
    }
  | { type: 'lines'; path: string; label: string; hint?: string; required?: boolean }
  | { type: 'yesno'; path: string; label: string; hint?: string }
  | { type: 'assets'; path: string; label: string; hint?: string; kinds: AssetKind[] }
  | {
      type: 'list';
      path: string;
      label: string;
      hint?: string;
      required?: boolean;
      /** Paths relative to one entry. */
      item: FieldSpec[];
      /** Empty entries offered at the end (more on request, without JavaScript). */
      blank: number;
      itemLabel: string;
    }
  | { type: 'group'; path: string; label: string; hint?: string; fields: FieldSpec[] };

const LINK_TYPES: Option[] = [
  { value: 'website', label: 'Website' },
  { value: 'document', label: 'Document' },
  { value: 'video', label: 'Video' },
  { value: 'elearning', label: 'E-learning' },
  { value: 'repository', label: 'Opslagplaats (repository)' },
  { value: 'other', label: 'Anders' },
];

export const STUDY_LOAD_UNITS: Option[] = [
  { value: 'hour', label: 'uur' },
  { value: 'sbu', label: 'studiebelastingsuren (sbu)' },
  { value: 'ects', label: 'EC (28 uur per EC)' },
];

const PERIOD = (path: string, label: string): FieldSpec => ({
  type: 'group',
  path,
  label,
  fields: [
    { type: 'text', path: 'start', label: 'Begindatum', input: 'date', width: 'medium' },
    { type: 'text', path: 'end', label: 'Einddatum', input: 'date', width: 'medium' },
  ],
});

/** Both parts once either is given; whether the whole is needed is the publish check's call. */
const STUDY_LOAD = (path: string): FieldSpec => ({
  type: 'group',
  path,
  label: 'Studiebelasting',
  fields: [
    { type: 'number', path: 'value', label: 'Hoeveel', step: '0.25' },
    { type: 'choice', path: 'unit', label: 'Eenheid', options: STUDY_LOAD_UNITS },
  ],
});

export const COMMON_FIELDS: FieldSpec[] = [
  {
    type: 'text',
    path: 'title',
    label: 'Titel',
    hint: 'Zoals een docent hem zou zoeken: wat leer of doe je ermee? 3 tot 200 tekens.',
    required: true,
  },
  {
    type: 'text',
    path: 'summary',
    label: 'Samenvatting',
    hint: 'Twee of drie zinnen: voor wie, wat, hoe lang. 10 tot 1000 tekens.',
    rows: 3,
  },
  { type: 'text', path: 'description', label: 'Beschrijving', rows: 8 },
  {
    type: 'lines',
    path: 'keywords',
    label: 'Trefwoorden',
    hint: 'Eén per regel, hoogstens 30.',
  },
  { type: 'choice', path: 'language', label: 'Taal', vocabulary: 'languages' },
  { type: 'choices', path: 'levels', label: 'Niveau', vocabulary: 'educationLevels' },
  { type: 'choices', path: 'sectors', label: 'Sector', vocabulary: 'sectors' },
  { type: 'choices', path: 'themes', label: 'Provinciaal thema', vocabulary: 'provincialThemes' },
  {
    type: 'choices',
    path: 'challenges',
    label: 'Maatschappelijke opgave',
    vocabulary: 'societalChallenges',
  },
  {
    type: 'choice',
    path: 'license',
    label: 'Licentie',
    hint: 'Onder welke voorwaarden mogen anderen dit hergebruiken? CC BY en CC BY-SA laten het meeste toe.',
    vocabulary: 'licenses',
  },
];

const MODULE_FIELDS: FieldSpec[] = [
  {
    type: 'choice',
    path: 'module.moduleType',
    label: 'Soort module',
    vocabulary: 'moduleTypes',
  },
  {
    type: 'list',
    path: 'module.learningOutcomes',
    label: 'Leeruitkomsten',
    hint: 'Wat kan de deelnemer na afloop? Eén per veld; minstens één.',
    blank: 2,
    itemLabel: 'Leeruitkomst',
    item: [
      { type: 'text', path: 'text', label: 'Leeruitkomst', rows: 2 },
      {
        type: 'text',
        path: 'escoUri',
        label: 'ESCO-vaardigheid (adres)',
        input: 'url',
        hint: 'Bijvoorbeeld http://data.europa.eu/esco/skill/…',
      },
    ],
  },
  STUDY_LOAD('module.studyLoad'),
  {
    type: 'choices',
    path: 'module.audiences',
    label: 'Doelgroep',
    vocabulary: 'audiences',
  },
  {
    type: 'choice',
    path: 'module.learningMode',
    label: 'Leervorm',
    vocabulary: 'learningModes',
  },
  {
    type: 'choices',
    path: 'module.deliveryModes',
    label: 'Vorm van uitvoering',
    vocabulary: 'deliveryModes',
  },
  {
    type: 'choice',
    path: 'module.certification',
    label: 'Certificaat',
    vocabulary: 'certifications',
  },
  { type: 'yesno', path: 'module.stackable', label: 'Stapelbaar tot een groter geheel' },
  {
    type: 'group',
    path: 'module.assessment',
    label: 'Toetsing',
    fields: [
      { type: 'text', path: 'type', label: 'Soort toets', width: 'medium' },
      { type: 'text', path: 'description', label: 'Toelichting', rows: 2 },
    ],
  },
  {
    type: 'group',
    path: 'module.prerequisites',
    label: 'Voorkennis',
    fields: [
      { type: 'assets', path: 'moduleIds', label: 'Eerst te volgen modules', kinds: ['module'] },
      { type: 'text', path: 'description', label: 'Beschrijving van de voorkennis', rows: 2 },
    ],
  },
  {
    type: 'text',
    path: 'module.electiveCode',
    label: 'Keuzedeelcode',
    hint: 'Een K met vier cijfers, zoals K0080.',
    width: 'small',
  },
  {
    type: 'euro',
    path: 'module.price',
    label: 'Prijs per deelnemer in euro, exclusief btw',
    hint: 'Leeg laten als er geen prijs is.',
  },
  {
    type: 'list',
    path: 'module.offerings',
    label: 'Uitvoeringen',
    blank: 1,
    itemLabel: 'Uitvoering',
    item: [
      PERIOD('period', 'Periode'),
      { type: 'text', path: 'location', label: 'Locatie' },
      { type: 'number', path: 'seats', label: 'Aantal plaatsen' },
    ],
  },
  {
    type: 'group',
    path: 'module.microCredential',
    label: 'Microcredential',
    hint: 'Alleen invullen als de module een microcredential oplevert.',
    fields: [
      { type: 'text', path: 'awardingBody', label: 'Uitgevende instelling' },
      { type: 'text', path: 'qualityAssurance', label: 'Kwaliteitsborging' },
      { type: 'text', path: 'assessmentType', label: 'Soort beoordeling', width: 'medium' },
      { type: 'text', path: 'participation', label: 'Deelname', width: 'medium' },
    ],
  },
];

const CURRICULUM_FIELDS: FieldSpec[] = [
  {
    type: 'lines',
    path: 'curriculum.creboCodes',
    label: 'Crebocodes',
    hint: 'Vijf cijfers, één per regel.',
  },
  { type: 'text', path: 'curriculum.qualificationDossier', label: 'Kwalificatiedossier' },
  {
    type: 'lines',
    path: 'curriculum.qualifications',
    label: 'Kwalificaties',
    hint: 'Eén per regel.',
  },
  {
    type: 'choices',
    path: 'curriculum.learningPaths',
    label: 'Leerweg',
    vocabulary: 'learningPaths',
  },
  { type: 'number', path: 'curriculum.durationMonths', label: 'Duur in maanden' },
  STUDY_LOAD('curriculum.studyLoad'),
  {
    type: 'list',
    path: 'curriculum.coreTasks',
    label: 'Kerntaken',
    blank: 1,
    itemLabel: 'Kerntaak',
    item: [
      { type: 'text', path: 'code', label: 'Code', width: 'small' },
      { type: 'text', path: 'title', label: 'Naam van de kerntaak' },
      { type: 'lines', path: 'workProcesses', label: 'Werkprocessen', hint: 'Eén per regel.' },
    ],
  },
  {
    type: 'lines',
    path: 'curriculum.electiveCodes',
    label: 'Keuzedelen',
    hint: 'Codes als K0080, één per regel.',
  },
  {
    type: 'assets',
    path: 'curriculum.moduleIds',
    label: 'Modules in dit curriculum',
    kinds: ['module'],
  },
  { type: 'text', path: 'curriculum.admissionRequirements', label: 'Toelatingseisen', rows: 3 },
  { type: 'text', path: 'curriculum.credential', label: 'Diploma of certificaat' },
];

const INFRASTRUCTURE_FIELDS: FieldSpec[] = [
  {
    type: 'choice',
    path: 'infrastructure.model',
    label: 'Model',
    vocabulary: 'infrastructureModels',
  },
  {
    type: 'choices',
    path: 'infrastructure.natures',
    label: 'Aard',
    vocabulary: 'infrastructureNature',
  },
  {
    type: 'list',
    path: 'infrastructure.locations',
    label: 'Locaties',
    hint: 'Een fysieke omgeving heeft minstens één locatie. Coördinaten in graden (WGS84).',
    blank: 1,
    itemLabel: 'Locatie',
    item: [
      { type: 'text', path: 'name', label: 'Naam' },
      {
        type: 'group',
        path: 'address',
        label: 'Adres',
        fields: [
          { type: 'text', path: 'street', label: 'Straat en huisnummer' },
          { type: 'text', path: 'postalCode', label: 'Postcode', width: 'small' },
          { type: 'text', path: 'city', label: 'Plaats', width: 'medium' },
          { type: 'text', path: 'country', label: 'Land (code)', width: 'small' },
        ],
      },
      { type: 'number', path: 'lat', label: 'Breedtegraad', step: 'any' },
      { type: 'number', path: 'lng', label: 'Lengtegraad', step: 'any' },
    ],
  },
  {
    type: 'list',
    path: 'infrastructure.equipment',
    label: 'Apparatuur',
    blank: 1,
    itemLabel: 'Apparaat',
    item: [
      { type: 'text', path: 'name', label: 'Naam' },
      {
        type: 'choice',
        path: 'ownerOrganisationId',
        label: 'Eigenaar (partner)',
        organisations: true,
      },
      { type: 'text', path: 'owner', label: 'Eigenaar (andere)' },
      { type: 'number', path: 'capacity', label: 'Capaciteit' },
      { type: 'text', path: 'description', label: 'Opmerkingen', rows: 2 },
    ],
  },
  {
    type: 'list',
    path: 'infrastructure.software',
    label: 'Software',
    blank: 1,
    itemLabel: 'Software',
    item: [
      {
        type: 'choice',
        path: 'code',
        label: 'Soort software',
        vocabulary: 'infrastructureSoftware',
      },
      { type: 'text', path: 'description', label: 'Toelichting', rows: 2 },
    ],
  },
  {
    type: 'list',
    path: 'infrastructure.contributions',
    label: 'Bijdragen van partners',
    blank: 1,
    itemLabel: 'Bijdrage',
    item: [
      { type: 'choice', path: 'organisationId', label: 'Partner', organisations: true },
      { type: 'text', path: 'partner', label: 'Naam partner' },
      { type: 'text', path: 'contribution', label: 'Bijdrage', rows: 2 },
    ],
  },
  {
    type: 'choices',
    path: 'infrastructure.uses',
    label: 'Gebruik',
    vocabulary: 'infrastructureUses',
  },
  { type: 'text', path: 'infrastructure.access', label: 'Toegang', rows: 2 },
  { type: 'text', path: 'infrastructure.booking', label: 'Reserveren', rows: 2 },
  { type: 'text', path: 'infrastructure.openingHours', label: 'Openingstijden' },
  { type: 'text', path: 'infrastructure.costModel', label: 'Kosten', rows: 2 },
  {
    type: 'assets',
    path: 'infrastructure.usedByIds',
    label: 'Gebruikt door (modules en curricula)',
    kinds: ['module', 'curriculum'],
  },
];

const PRACTICE_FIELDS: FieldSpec[] = [
  { type: 'text', path: 'practice.context', label: 'Context', rows: 3 },
  { type: 'text', path: 'practice.problem', label: 'Vraagstuk', rows: 3 },
  { type: 'text', path: 'practice.approach', label: 'Aanpak', rows: 4 },
  { type: 'text', path: 'practice.results', label: 'Resultaten', rows: 3 },
  {
    type: 'lines',
    path: 'practice.successConditions',
    label: 'Succesfactoren',
    hint: 'Eén per regel.',
  },
  { type: 'lines', path: 'practice.pitfalls', label: 'Valkuilen', hint: 'Eén per regel.' },
  {
    type: 'choices',
    path: 'practice.buildingBlocks',
    label: 'Bouwstenen van de PPS die dit laat zien',
    vocabulary: 'buildingBlocks',
  },
  {
    type: 'choices',
    path: 'practice.configurations',
    label: 'Samenwerkingsvormen',
    vocabulary: 'configurations',
  },
  {
    type: 'choices',
    path: 'practice.partnerOrganisationIds',
    label: 'Betrokken partners',
    organisations: true,
  },
  PERIOD('practice.period', 'Periode'),
  { type: 'text', path: 'practice.region', label: 'Regio', width: 'medium' },
];

const CONTACTS_AND_LINKS: FieldSpec[] = [
  {
    type: 'list',
    path: 'contacts',
    label: 'Contact',
    hint: 'Een rol en een teamadres, geen privégegevens.',
    blank: 1,
    itemLabel: 'Contact',
    item: [
      { type: 'text', path: 'role', label: 'Rol', width: 'medium' },
      { type: 'text', path: 'name', label: 'Naam (team)' },
      { type: 'text', path: 'email', label: 'E-mailadres', input: 'email' },
      { type: 'text', path: 'phone', label: 'Telefoon', input: 'tel', width: 'medium' },
      { type: 'choice', path: 'organisationId', label: 'Organisatie', organisations: true },
    ],
  },
  {
    type: 'list',
    path: 'links',
    label: 'Links naar het materiaal',
    blank: 1,
    itemLabel: 'Link',
    item: [
      { type: 'text', path: 'title', label: 'Titel van de link' },
      { type: 'text', path: 'url', label: 'Webadres', input: 'url' },
      { type: 'choice', path: 'type', label: 'Soort', options: LINK_TYPES },
    ],
  },
];

export interface FormSection {
  id: string;
  title: string;
  fields: FieldSpec[];
}

const KIND_SECTIONS: Record<AssetKind, FormSection> = {
  module: { id: 'module', title: 'Over de module', fields: MODULE_FIELDS },
  curriculum: { id: 'curriculum', title: 'Over het curriculum', fields: CURRICULUM_FIELDS },
  infrastructure: {
    id: 'praktijkomgeving',
    title: 'Over de praktijkomgeving',
    fields: INFRASTRUCTURE_FIELDS,
  },
  practice: { id: 'praktijk', title: 'Over de goede praktijk', fields: PRACTICE_FIELDS },
};

/** The form of one kind, in the order it is shown. */
export function formSections(kind: AssetKind): FormSection[] {
  return [
    { id: 'algemeen', title: 'Algemeen', fields: COMMON_FIELDS },
    KIND_SECTIONS[kind],
    { id: 'contact', title: 'Contact en links', fields: CONTACTS_AND_LINKS },
  ];
}
