import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { RecordFacts } from './record-facts';

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
const OBK = 'http://purl.edustandaard.nl/begrippenkader';

/** OnderwijsBegrippenKader ids of the levels (as Edurep's own mapping uses them). */
const MBO: [string, string] = ['f3ac3fbb-5eae-49e0-8494-0a44855fff25', 'MBO'];
const LEVELS: Record<string, [string, string][]> = {
  entree: [MBO, ['a598e56e-d1a6-4907-9e2c-3da64e59f9ae', 'MBO, Niveau 1: Assistentenopleiding']],
  'mbo-2': [MBO, ['00ace3c7-d7a8-41e6-83b1-7f13a9af7668', 'MBO, Niveau 2: Basisberoepsopleiding']],
  'mbo-3': [MBO, ['654931e1-6f8b-4f72-aa4b-92c99c72c347', 'MBO, Niveau 3: Vakopleiding']],
  'mbo-4': [MBO, ['8beca7eb-95a5-4c7d-9704-2d2a2fc4bc65', 'MBO, Niveau 4: Middenkaderopleiding']],
  vo: [['2a1401e9-c223-493b-9b86-78f6993b1a8d', 'VO']],
  ad: [['be140797-803f-4b9e-81cc-5572c711e09c', 'HBO']],
  hbo: [['be140797-803f-4b9e-81cc-5572c711e09c', 'HBO']],
  wo: [['bbbd99c6-cf49-4980-baed-12388f8dcff4', 'WO']],
};

/** LOM aggregation: a module is a lesson-sized unit, a curriculum a whole course of study. */
const AGGREGATION: Record<string, string> = {
  infrastructure: '1',
  practice: '2',
  module: '2',
  curriculum: '4',
};

const RESOURCE_TYPES: Record<string, string> = {
  module: 'informatiebron',
  curriculum: 'handleiding',
  practice: 'professionaliseringsmateriaal',
};

const END_USERS: Record<string, string[]> = {
  module: ['learner', 'teacher'],
  curriculum: ['teacher', 'manager'],
  infrastructure: ['teacher', 'manager'],
  practice: ['teacher', 'manager'],
};

function vcard(name: string, organisation: string): string {
  const escape = (value: string) =>
    value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
  return `BEGIN:VCARD\nVERSION:3.0\nN:${escape(name)};;;;\nFN:${escape(name)}\nORG:${escape(organisation)}\nEND:VCARD\n`;
}

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
  publisher.ele('entity').dat(vcard(row.pps_name, row.lead_name));
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
  if (row.study_load_hours !== null && Number(row.study_load_hours) > 0)
    educational
      .ele('typicalLearningTime')
      .ele('duration')
      .txt(`PT${Number(row.study_load_hours)}H`);
  educational.ele('language').txt(row.language);

  const rights = lom.ele('rights');
  vocab(rights, 'cost', 'LOMv1.0', facts.paid ? 'yes' : 'no');
  vocab(rights, 'copyrightAndOtherRestrictions', LICENSE_SOURCE, facts.nlLomLicense);
  if (facts.licenseUrl) text(rights.ele('description'), facts.licenseUrl, 'x-none');

  if (row.levels.some((level) => LEVELS[level])) {
    const classification = lom.ele('classification');
    vocab(classification, 'purpose', 'LOMv1.0', 'educational level');
    for (const level of row.levels.filter((code) => LEVELS[code])) {
      const path = classification.ele('taxonPath');
      text(path.ele('source'), OBK, 'x-none');
      for (const [id, label] of LEVELS[level]) {
        const taxon = path.ele('taxon');
        taxon.ele('id').txt(id);
        text(taxon.ele('entry'), label, 'nl');
      }
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
