import { KIND_LABELS } from '@bouwsteen/taxonomy/pure';
import { RecordFacts } from './record-facts';
import { XmlWriter } from './xml-writer';

export const OAI_DC = {
  prefix: 'oai_dc',
  schema: 'http://www.openarchives.org/OAI/2.0/oai_dc.xsd',
  namespace: 'http://www.openarchives.org/OAI/2.0/oai_dc/',
};
const DC = 'http://purl.org/dc/elements/1.1/';
const ROOT_ATTRIBUTES = {
  'xmlns:oai_dc': OAI_DC.namespace,
  'xmlns:dc': DC,
  'xsi:schemaLocation': `${OAI_DC.namespace} ${OAI_DC.schema}`,
};

/** Simple Dublin Core: the minimum every harvester understands. */
export function writeOaiDc(xml: XmlWriter, facts: RecordFacts): void {
  const { row } = facts;
  xml.start('oai_dc:dc', ROOT_ATTRIBUTES);
  const add = (name: string, value: string | undefined | null) => {
    if (value) xml.text(`dc:${name}`, value);
  };
  add('title', row.title);
  add('creator', row.pps_name);
  for (const keyword of row.keywords) add('subject', keyword);
  // The qualifications and keuzedelen it is made for, by name (a code without one is left out).
  const { crebos, electives } = facts.qualifications;
  for (const { name } of [...crebos, ...electives]) add('subject', name);
  add('description', row.summary);
  add('description', row.description);
  add('publisher', row.pps_name);
  add('contributor', row.lead_name);
  add('date', row.first_published_at.toISOString().slice(0, 10));
  add('type', KIND_LABELS[row.kind]?.one);
  add('format', 'text/html');
  add('identifier', facts.pageUrl);
  add('language', row.language);
  // Every related block by its page, the same form as this record's dc:identifier.
  const { hasPart, isPartOf, isBasedOn, isBasisFor } = facts.relations;
  const related = [...hasPart, ...isPartOf, ...isBasedOn, ...isBasisFor].map((block) => block.id);
  for (const id of new Set(related)) add('relation', facts.pageOf(id));
  add('rights', facts.licenseUrl ?? 'Alle rechten voorbehouden');
  xml.end();
}
