import { createHash } from 'node:crypto';
import { dutchAnalyser } from '@bouwsteen/language';
import { SimilarityFeatures, profile } from './similarity';
import { StoredProfile, toStoredProfile } from './stored-profile';

/** One published, non-archived asset as the index holds it: flat, with everything filters need. */
export interface SearchDocument {
  id: string;
  kind: string;
  version: number;
  title: string;
  summary: string;
  keywords: string[];
  learningOutcomes: string[];
  body: string;
  ppsId: string;
  ppsName: string;
  leadInstitutionId: string;
  leadInstitutionName: string;
  provinces: string[];
  themes: string[];
  challenges: string[];
  configurations: string[];
  buildingBlocks: string[];
  levels: string[];
  audiences: string[];
  deliveryModes: string[];
  learningMode: string | null;
  license: string;
  language: string;
  sectors: string[];
  moduleType: string | null;
  certification: string | null;
  certifiable: boolean;
  studyLoadHours: number | null;
  /** Price per participant in euro cents (modules that name one), for the LLO cards. */
  priceCents: number | null;
  creboCodes: string[];
  /**
   * The qualifications (crebos) it serves directly, the "kwalificatie" facet: a curriculum the
   * crebos it names (a dossier's as named), a module those its keuzedeel combines with.
   */
  qualificationCrebos: string[];
  locationNames: string[];
  /**
   * Other spellings of the text, searchable but never shown: Snowball stems of its words and the
   * parts of its compounds, so "wachtwoordbeheer" finds "sterke wachtwoorden" and back.
   */
  terms: string;
  /**
   * The text analysed as similarity compares it (stems, compound parts, thesaurus concepts),
   * never searched or shown: "similar building blocks" scores candidates without analysing
   * their texts again on every page.
   */
  similarityProfile: StoredProfile;
  reuseCount: number;
  updatedAt: number;
  _geo?: { lat: number; lng: number };
  /** A hash of everything above: the drift check compares it, so any stale field shows. */
  contentHash: string;
}

export interface DocumentRow {
  id: string;
  kind: string;
  version: number;
  published_at: Date;
  reuse_count: number;
  pps_id: string;
  pps_name: string;
  provinces: string[];
  pps_configurations: string[];
  pps_building_blocks: string[];
  lead_id: string;
  lead_name: string;
  title: string;
  summary: string;
  description: string | null;
  keywords: string[];
  language: string;
  sectors: string[];
  levels: string[];
  themes: string[];
  challenges: string[];
  license: string;
  crebo_codes: string[];
  elective_codes: string[];
  module_type: string | null;
  study_load_hours: string | null;
  price_cents: number | null;
  audiences: string[];
  learning_mode: string | null;
  delivery_modes: string[];
  certification: string | null;
  building_blocks: string[];
  configurations: string[];
  details: Record<string, unknown>;
}

const union = (...lists: string[][]): string[] => [...new Set(lists.flat())];

/**
 * The JSON of each document toSearchDocument built, written once for its hash and reused for
 * the request that sends it (a bulk load otherwise serialises every document twice). Built
 * documents are frozen, so the JSON cannot go stale.
 */
const serialised = new WeakMap<SearchDocument, string>();

/** Keuzedeel code → the crebos of the qualifications it combines with (the structure's). */
export type ElectiveCrebos = ReadonlyMap<string, readonly string[]>;

/**
 * The qualifications a block serves directly, sorted: a curriculum the crebos it names, a
 * module the crebos its keuzedelen combine with (none when the structure does not know them).
 */
export function qualificationCrebos(
  row: Pick<DocumentRow, 'kind' | 'crebo_codes' | 'elective_codes'>,
  electiveCrebos: ElectiveCrebos,
): string[] {
  const crebos =
    row.kind === 'curriculum'
      ? row.crebo_codes
      : row.kind === 'module'
        ? row.elective_codes.flatMap((code) => electiveCrebos.get(code) ?? [])
        : [];
  return [...new Set(crebos)].sort();
}

/** The keuzedeel codes of modules among these rows: what qualificationCrebos needs looked up. */
export function moduleElectiveCodes(rows: readonly DocumentRow[]): string[] {
  return [...new Set(rows.flatMap((row) => (row.kind === 'module' ? row.elective_codes : [])))];
}

/**
 * What a similarity check compares of an indexed block: its texts and facts, its body as the
 * longer text. The one mapping for the profile stored with the document, for a candidate whose
 * profile is read again from its texts, and for a block checked from its document (reports).
 */
export function documentFeatures(
  document: Pick<
    SearchDocument,
    'title' | 'summary' | 'learningOutcomes' | 'keywords' | 'levels' | 'creboCodes' | 'body'
  >,
): SimilarityFeatures {
  return {
    title: document.title,
    summary: document.summary,
    learningOutcomes: document.learningOutcomes,
    keywords: document.keywords,
    levels: document.levels,
    creboCodes: document.creboCodes,
    description: document.body,
  };
}

export function toSearchDocument(
  row: DocumentRow,
  electiveCrebos: ElectiveCrebos = new Map(),
): SearchDocument {
  const fields = documentFields(row, electiveCrebos);
  // Documents are built with a fixed key order, so their JSON is a stable input for the hash.
  const json = JSON.stringify(fields);
  const hash = createHash('sha256').update(json).digest('base64url').slice(0, 22);
  const document: SearchDocument = Object.assign(fields, { contentHash: hash });
  serialised.set(document, `${json.slice(0, -1)},"contentHash":"${hash}"}`);
  return Object.freeze(document);
}

/** Documents as one JSON array, the body Meilisearch takes; equal to JSON.stringify(documents). */
export function documentsJson(documents: readonly SearchDocument[]): string {
  return `[${documents.map((document) => serialised.get(document) ?? JSON.stringify(document)).join(',')}]`;
}

function documentFields(
  row: DocumentRow,
  electiveCrebos: ElectiveCrebos,
): Omit<SearchDocument, 'contentHash'> {
  const details = row.details as {
    learningOutcomes?: { text: string }[];
    locations?: { name: string; lat: number; lng: number }[];
    problem?: string;
    approach?: string;
    results?: string;
    context?: string;
    qualificationDossier?: string;
  };
  const location = details.locations?.[0];
  const body = [
    row.description,
    details.context,
    details.problem,
    details.approach,
    details.results,
    details.qualificationDossier,
  ]
    .filter(Boolean)
    .join('\n');
  const learningOutcomes = (details.learningOutcomes ?? []).map((outcome) => outcome.text);
  const fields: Omit<SearchDocument, 'contentHash'> = {
    id: row.id,
    kind: row.kind,
    version: row.version,
    title: row.title,
    summary: row.summary,
    keywords: row.keywords,
    learningOutcomes,
    body,
    ppsId: row.pps_id,
    ppsName: row.pps_name,
    leadInstitutionId: row.lead_id,
    leadInstitutionName: row.lead_name,
    provinces: row.provinces,
    themes: row.themes,
    challenges: row.challenges,
    configurations: union(row.configurations, row.pps_configurations),
    buildingBlocks: union(row.building_blocks, row.pps_building_blocks),
    levels: row.levels,
    audiences: row.audiences,
    deliveryModes: row.delivery_modes,
    learningMode: row.learning_mode,
    license: row.license,
    language: row.language,
    sectors: row.sectors,
    moduleType: row.module_type,
    certification: row.certification,
    certifiable: row.certification !== null && row.certification !== 'none',
    studyLoadHours: row.study_load_hours === null ? null : Number(row.study_load_hours),
    priceCents: row.price_cents ?? null,
    creboCodes: row.crebo_codes,
    qualificationCrebos: qualificationCrebos(row, electiveCrebos),
    locationNames: (details.locations ?? []).map((place) => place.name),
    terms: dutchAnalyser().indexTerms([
      row.title,
      row.summary,
      ...row.keywords,
      ...learningOutcomes,
      body,
    ]),
    similarityProfile: toStoredProfile(
      profile(
        documentFeatures({
          title: row.title,
          summary: row.summary,
          learningOutcomes,
          keywords: row.keywords,
          levels: row.levels,
          creboCodes: row.crebo_codes,
          body,
        }),
      ),
    ),
    reuseCount: row.reuse_count,
    updatedAt: Math.floor(row.published_at.getTime() / 1000),
  };
  if (location) fields._geo = { lat: location.lat, lng: location.lng };
  return fields;
}
