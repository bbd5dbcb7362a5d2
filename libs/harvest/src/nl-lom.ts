import {
  OBK_SOURCE,
  SECTOR_SOURCE,
  obkDisciplinePath,
  obkLevelPath,
} from '@bouwsteen/taxonomy/pure';
import { isoHours } from './asset-json-ld';
import { RecordFacts } from './record-facts';
import { vcard } from './vcard';
import { XmlWriter } from './xml-writer';

export const LOM = {
  prefix: 'lom',
  schema: 'http://ltsc.ieee.org/xsd/lomv1.0/lomLoose.xsd',
  namespace: 'http://ltsc.ieee.org/xsd/LOM',
};

const CONTEXT_SOURCE = 'http://purl.edustandaard.nl/vdex_context_czp_20060628.xml';
const RESOURCE_TYPE_SOURCE =
  'http://purl.edustandaard.nl/vdex_learningresourcetype_czp_20060628.xml';
const LICENSE_SOURCE = 'https://purl.edustandaard.nl/copyrightsandotherrestrictions_nllom_20180530';
const PURPOSE_SOURCE = 'http://purl.edustandaard.nl/classification_purpose_nllom_20180530';
const ACCESS_SOURCE = 'http://purl.edustandaard.nl/classification_accessrights_nllom_20180530';
/** NL-LOM's relation kinds (as Edurep's own records name them): haspart, ispartof, isbasedon, … */
const RELATION_SOURCE = 'http://purl.edustandaard.nl/relation_kind_nllom_20131211';
/** Our relations as NL-LOM relation kinds, in the order the record lists them. */
const RELATION_KINDS: [keyof RecordFacts['relations'], string][] = [
  ['hasPart', 'haspart'],
  ['isPartOf', 'ispartof'],
  ['isBasedOn', 'isbasedon'],
  ['isBasisFor', 'isbasisfor'],
];
/**
 * The mbo qualification structure as classification systems. Purpose `competency` (LOMv1.0):
 * a crebo code names a qualification and a keuzedeel code an elective, both sets of
 * competences SBB describes; "educational level" is the OBK level above, and "discipline"
 * is the OBK vocabulary these codes are not part of.
 */
const QUALIFICATION_SOURCES = {
  crebo: 'Kwalificatiestructuur mbo (SBB): kwalificaties (crebo)',
  elective: 'Kwalificatiestructuur mbo (SBB): keuzedelen',
};
/** LOM aggregation: a module is a lesson-sized unit, a curriculum a whole course of study. */
const AGGREGATION: Record<string, string> = {
  infrastructure: '1',
  practice: '2',
  module: '2',
  curriculum: '4',
};

/** A place to practise with real equipment is a means of learning: a tool ("gereedschap"). */
const RESOURCE_TYPES: Record<string, string> = {
  module: 'informatiebron',
  curriculum: 'handleiding',
  infrastructure: 'gereedschap',
  practice: 'professionaliseringsmateriaal',
};

const END_USERS: Record<string, string[]> = {
  module: ['learner', 'teacher'],
  curriculum: ['teacher', 'manager'],
  infrastructure: ['teacher', 'manager'],
  practice: ['teacher', 'manager'],
};

const ROOT_ATTRIBUTES = {
  xmlns: LOM.namespace,
  'xsi:schemaLocation': `${LOM.namespace} ${LOM.schema}`,
};

/** NL-LOM 1.0.1 in the IEEE LOM XML binding: what Edurep requires, nothing made up. */
export function writeLom(xml: XmlWriter, facts: RecordFacts): void {
  const { row } = facts;
  /** `<name><string language="…">value</string></name>` */
  const text = (name: string, value: string, language = row.language) =>
    xml.start(name).text('string', value, { language }).end();
  const vocab = (name: string, source: string, value: string) =>
    xml.start(name).text('source', source).text('value', value).end();
  const identifier = (entry: string) =>
    xml.start('identifier').text('catalog', 'URI').text('entry', entry).end();

  xml.start('lom', ROOT_ATTRIBUTES);
  xml.start('general');
  identifier(facts.pageUrl);
  text('title', row.title);
  xml.text('language', row.language);
  text('description', row.summary);
  if (row.description) text('description', row.description);
  for (const keyword of row.keywords) text('keyword', keyword);
  vocab('aggregationLevel', 'LOMv1.0', AGGREGATION[row.kind]);
  xml.end();

  xml.start('lifeCycle').start('contribute');
  vocab('role', 'LOMv1.0', 'publisher');
  // Escaped text, never CDATA: a name may hold "]]>", which no CDATA section can carry.
  xml.text('entity', vcard(row.pps_name, row.lead_name));
  xml.start('date').text('dateTime', row.first_published_at.toISOString().slice(0, 10)).end();
  xml.end().end();

  xml.start('metaMetadata');
  identifier(facts.oaiIdentifier);
  xml
    .text('metadataSchema', 'LOMv1.0')
    .text('metadataSchema', 'nl_lom_v1p0')
    .text('language', 'nl');
  xml.end();

  xml.start('technical').text('format', 'text/html').text('location', facts.pageUrl).end();

  xml.start('educational');
  if (RESOURCE_TYPES[row.kind])
    vocab('learningResourceType', RESOURCE_TYPE_SOURCE, RESOURCE_TYPES[row.kind]);
  for (const role of END_USERS[row.kind]) vocab('intendedEndUserRole', 'LOMv1.0', role);
  vocab('context', CONTEXT_SOURCE, 'BVE');
  const learningTime = typicalLearningTime(row);
  if (learningTime) xml.start('typicalLearningTime').text('duration', learningTime).end();
  xml.text('language', row.language);
  xml.end();

  xml.start('rights');
  vocab('cost', 'LOMv1.0', facts.paid ? 'yes' : 'no');
  vocab('copyrightAndOtherRestrictions', LICENSE_SOURCE, facts.nlLomLicense);
  // A licence by its URI; with copyright "yes" (all rights reserved) what that means, in words.
  if (facts.licenseUrl) text('description', facts.licenseUrl, 'x-none');
  else
    text(
      'description',
      `Alle rechten voorbehouden. Vraag ${row.pps_name} om toestemming voordat u dit gebruikt, deelt of aanpast: ${facts.pageUrl}`,
      'nl',
    );
  xml.end();

  // Related blocks by the same catalog and entry as the record's own general/identifier.
  for (const [relation, kind] of RELATION_KINDS)
    for (const related of facts.relations[relation]) {
      xml.start('relation');
      vocab('kind', RELATION_SOURCE, kind);
      xml.start('resource');
      identifier(facts.pageOf(related.id));
      text('description', related.title);
      xml.end().end();
    }

  /** One taxonPath: its source, then each taxon's id and Dutch entry. */
  const taxonPath = (
    source: string,
    sourceLanguage: string,
    taxa: { id: string; label: string }[],
  ) => {
    xml.start('taxonPath');
    text('source', source, sourceLanguage);
    for (const taxon of taxa) {
      xml.start('taxon').text('id', taxon.id);
      text('entry', taxon.label, 'nl');
      xml.end();
    }
    xml.end();
  };
  const levels = row.levels.map(obkLevelPath).filter((path) => path.length > 0);
  if (levels.length) {
    xml.start('classification');
    vocab('purpose', 'LOMv1.0', 'educational level');
    for (const path of levels) taxonPath(OBK_SOURCE, 'x-none', path);
    xml.end();
  }
  // Discipline: the OBK path of each sector (one path once), then the sectors themselves in
  // our own vocabulary, since OBK's ids of the mbo disciplines are not known (obk-disciplines.ts).
  if (facts.disciplines.length) {
    const unique = new Map(
      facts.disciplines
        .map(({ code }) => obkDisciplinePath(code))
        .map((path) => [path.map((concept) => concept.id).join('/'), path] as const),
    );
    xml.start('classification');
    vocab('purpose', 'LOMv1.0', 'discipline');
    for (const path of unique.values()) taxonPath(OBK_SOURCE, 'x-none', path);
    for (const sector of facts.disciplines)
      taxonPath(SECTOR_SOURCE, 'nl', [{ id: sector.code, label: sector.label }]);
    xml.end();
  }
  // Each code's entry is its name in the qualification structure; a code it lacks, the code.
  for (const [codes, source, label] of [
    [facts.qualifications.crebos, QUALIFICATION_SOURCES.crebo, 'crebo'],
    [facts.qualifications.electives, QUALIFICATION_SOURCES.elective, 'keuzedeel'],
  ] as const) {
    if (!codes.length) continue;
    xml.start('classification');
    vocab('purpose', 'LOMv1.0', 'competency');
    for (const { code, name } of codes)
      taxonPath(source, 'nl', [{ id: code, label: name ?? `${label} ${code}` }]);
    xml.end();
  }
  xml.start('classification');
  vocab('purpose', PURPOSE_SOURCE, 'access rights');
  taxonPath(ACCESS_SOURCE, 'x-none', [
    facts.openAccess
      ? { id: 'OpenAccess', label: 'open toegang' }
      : { id: 'RestrictedAccess', label: 'beperkte toegang' },
  ]);
  xml.end();

  xml.end();
}

/**
 * How long learning with it takes, as an ISO 8601 duration: the study load in hours where the
 * block states one (modules, curricula), else a curriculum's duration in months.
 */
function typicalLearningTime(row: RecordFacts['row']): string | undefined {
  const hours = Number(row.study_load_hours ?? 0);
  if (hours > 0) return isoHours(hours);
  const months = Number(row.duration_months ?? 0);
  return Number.isInteger(months) && months > 0 ? `P${months}M` : undefined;
}
