import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import {
  OBK_SOURCE,
  ObkConcept,
  SECTOR_SOURCE,
  obkDisciplinePath,
  obkLevelPath,
} from '@bouwsteen/taxonomy/pure';
import { isoHours } from './asset-json-ld';
import { RecordFacts } from './record-facts';
import { vcard } from './vcard';

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

/** NL-LOM 1.0.1 in the IEEE LOM XML binding: what Edurep requires, nothing made up. */
export function writeLom(parent: XMLBuilder, facts: RecordFacts): void {
  const { row } = facts;
  const lom = parent.ele(LOM.namespace, 'lom', {
    'xsi:schemaLocation': `${LOM.namespace} ${LOM.schema}`,
  });
  const text = (node: XMLBuilder, value: string, language = row.language) =>
    node.ele('string', { language }).txt(value);
  const vocab = (node: XMLBuilder, name: string, source: string, value: string) =>
    node.ele(name).ele('source').txt(source).up().ele('value').txt(value);

  const general = lom.ele('general');
  general.ele('identifier').ele('catalog').txt('URI').up().ele('entry').txt(facts.pageUrl);
  text(general.ele('title'), row.title);
  general.ele('language').txt(row.language);
  text(general.ele('description'), row.summary);
  if (row.description) text(general.ele('description'), row.description);
  for (const keyword of row.keywords) text(general.ele('keyword'), keyword);
  vocab(general, 'aggregationLevel', 'LOMv1.0', AGGREGATION[row.kind]);

  const publisher = lom.ele('lifeCycle').ele('contribute');
  vocab(publisher, 'role', 'LOMv1.0', 'publisher');
  // Escaped text, never CDATA: a name may hold "]]>", which no CDATA section can carry.
  publisher.ele('entity').txt(vcard(row.pps_name, row.lead_name));
  publisher.ele('date').ele('dateTime').txt(row.first_published_at.toISOString().slice(0, 10));

  const meta = lom.ele('metaMetadata');
  meta.ele('identifier').ele('catalog').txt('URI').up().ele('entry').txt(facts.oaiIdentifier);
  meta.ele('metadataSchema').txt('LOMv1.0');
  meta.ele('metadataSchema').txt('nl_lom_v1p0');
  meta.ele('language').txt('nl');

  const technical = lom.ele('technical');
  technical.ele('format').txt('text/html');
  technical.ele('location').txt(facts.pageUrl);

  const educational = lom.ele('educational');
  if (RESOURCE_TYPES[row.kind])
    vocab(educational, 'learningResourceType', RESOURCE_TYPE_SOURCE, RESOURCE_TYPES[row.kind]);
  for (const role of END_USERS[row.kind])
    vocab(educational, 'intendedEndUserRole', 'LOMv1.0', role);
  vocab(educational, 'context', CONTEXT_SOURCE, 'BVE');
  const learningTime = typicalLearningTime(row);
  if (learningTime) educational.ele('typicalLearningTime').ele('duration').txt(learningTime);
  educational.ele('language').txt(row.language);

  const rights = lom.ele('rights');
  vocab(rights, 'cost', 'LOMv1.0', facts.paid ? 'yes' : 'no');
  vocab(rights, 'copyrightAndOtherRestrictions', LICENSE_SOURCE, facts.nlLomLicense);
  // A licence by its URI; with copyright "yes" (all rights reserved) what that means, in words.
  if (facts.licenseUrl) text(rights.ele('description'), facts.licenseUrl, 'x-none');
  else
    text(
      rights.ele('description'),
      `Alle rechten voorbehouden. Vraag ${row.pps_name} om toestemming voordat u dit gebruikt, deelt of aanpast: ${facts.pageUrl}`,
      'nl',
    );

  // Related blocks by the same catalog and entry as the record's own general/identifier.
  for (const [relation, kind] of RELATION_KINDS)
    for (const related of facts.relations[relation]) {
      const node = lom.ele('relation');
      vocab(node, 'kind', RELATION_SOURCE, kind);
      const resource = node.ele('resource');
      const identifier = resource.ele('identifier');
      identifier.ele('catalog').txt('URI').up().ele('entry').txt(facts.pageOf(related.id));
      text(resource.ele('description'), related.title);
    }

  const obkPaths = (purpose: string, paths: ObkConcept[][]) => {
    const classification = lom.ele('classification');
    vocab(classification, 'purpose', 'LOMv1.0', purpose);
    for (const concepts of paths) {
      const path = classification.ele('taxonPath');
      text(path.ele('source'), OBK_SOURCE, 'x-none');
      for (const concept of concepts) {
        const taxon = path.ele('taxon');
        taxon.ele('id').txt(concept.id);
        text(taxon.ele('entry'), concept.label, 'nl');
      }
    }
    return classification;
  };
  const paths = row.levels.map(obkLevelPath).filter((path) => path.length > 0);
  if (paths.length) obkPaths('educational level', paths);
  // Discipline: the OBK path of each sector (one path once), then the sectors themselves in
  // our own vocabulary, since OBK's ids of the mbo disciplines are not known (obk-disciplines.ts).
  if (facts.disciplines.length) {
    const unique = new Map(
      facts.disciplines
        .map(({ code }) => obkDisciplinePath(code))
        .map((path) => [path.map((concept) => concept.id).join('/'), path] as const),
    );
    const classification = obkPaths('discipline', [...unique.values()]);
    for (const sector of facts.disciplines) {
      const path = classification.ele('taxonPath');
      text(path.ele('source'), SECTOR_SOURCE, 'nl');
      const taxon = path.ele('taxon');
      taxon.ele('id').txt(sector.code);
      text(taxon.ele('entry'), sector.label, 'nl');
    }
  }
  // Each code's entry is its name in the qualification structure; a code it lacks, the code.
  for (const [codes, source, label] of [
    [facts.qualifications.crebos, QUALIFICATION_SOURCES.crebo, 'crebo'],
    [facts.qualifications.electives, QUALIFICATION_SOURCES.elective, 'keuzedeel'],
  ] as const) {
    if (!codes.length) continue;
    const classification = lom.ele('classification');
    vocab(classification, 'purpose', 'LOMv1.0', 'competency');
    for (const { code, name } of codes) {
      const path = classification.ele('taxonPath');
      text(path.ele('source'), source, 'nl');
      const taxon = path.ele('taxon');
      taxon.ele('id').txt(code);
      text(taxon.ele('entry'), name ?? `${label} ${code}`, 'nl');
    }
  }
  const access = lom.ele('classification');
  vocab(access, 'purpose', PURPOSE_SOURCE, 'access rights');
  const accessPath = access.ele('taxonPath');
  text(accessPath.ele('source'), ACCESS_SOURCE, 'x-none');
  const accessTaxon = accessPath.ele('taxon');
  accessTaxon.ele('id').txt(facts.openAccess ? 'OpenAccess' : 'RestrictedAccess');
  text(accessTaxon.ele('entry'), facts.openAccess ? 'open toegang' : 'beperkte toegang', 'nl');
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
