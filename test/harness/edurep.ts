import type { Document, Element } from '@oozcitak/dom/lib/dom/interfaces';
import { create } from 'xmlbuilder2';

const OAI = 'http://www.openarchives.org/OAI/2.0/';
const LOM = 'http://ltsc.ieee.org/xsd/LOM';
const OBK = 'http://purl.edustandaard.nl/begrippenkader';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** NL-LOM's copyright vocabulary (copyrightsandotherrestrictions_nllom_20180530). */
const LICENCES = new Set([
  ...['by', 'by-nd', 'by-nc', 'by-nc-nd', 'by-nc-sa', 'by-sa'].flatMap((terms) => [
    `cc-${terms}-40`,
    `cc-${terms}-30`,
  ]),
  'cc0-10',
  'pdm-10',
  'unknown',
  'yes',
  'no',
]);

type Node = Element;

/** One OAI record as a DOM element (parsed by xmlbuilder2, independent of the string). */
export interface OaiRecord {
  identifier: string;
  datestamp: string;
  deleted: boolean;
  sets: string[];
  lom?: Node;
}

const children = (node: Node, name: string, ns = LOM): Node[] =>
  [...node.childNodes].filter(
    (child): child is Node =>
      child.nodeType === 1 &&
      (child as Node).localName === name &&
      (child as Node).namespaceURI === ns,
  );
const path = (node: Node, ...names: string[]): Node[] =>
  names.reduce<Node[]>((nodes, name) => nodes.flatMap((at) => children(at, name)), [node]);
const text = (node: Node | undefined) => node?.textContent?.trim() ?? '';
const values = (node: Node, ...names: string[]) =>
  path(node, ...names, 'value').map((value) => text(value));

/** Every record (or header) of a ListRecords / ListIdentifiers / GetRecord response. */
export function oaiRecords(xml: string): OaiRecord[] {
  const document = create(xml).node as unknown as Document;
  return [...document.getElementsByTagNameNS(OAI, 'header')].map((header) => {
    const record = header.parentNode as Node;
    const [lom] = [...record.getElementsByTagNameNS(LOM, 'lom')];
    return {
      identifier: text(children(header, 'identifier', OAI)[0]),
      datestamp: text(children(header, 'datestamp', OAI)[0]),
      deleted: header.getAttribute('status') === 'deleted',
      sets: children(header, 'setSpec', OAI).map((node) => text(node)),
      lom,
    };
  });
}

/** The taxon paths of the classifications of this purpose. */
function taxonPaths(lom: Node, purpose: string): Node[] {
  return children(lom, 'classification')
    .filter((classification) => values(classification, 'purpose').includes(purpose))
    .flatMap((classification) => children(classification, 'taxonPath'));
}

/**
 * Edurep's mandatory fields of a learning resource (Edurep:Metadata/en, NL-LOM 1.0.1), checked
 * on the record as written: what is missing or malformed, by Edurep's field name ([] passes).
 */
export function edurepProblems(record: OaiRecord): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, field: string) => {
    if (!ok) problems.push(field);
  };
  const lom = record.lom;
  need(/^oai:[^:]+:.+$/.test(record.identifier), 'Record Identifier');
  if (!lom) return [...problems, 'metadata'];
  const [identifier] = path(lom, 'general', 'identifier');
  need(
    !!identifier &&
      text(children(identifier, 'catalog')[0]) !== '' &&
      /^https?:\/\//.test(text(children(identifier, 'entry')[0])),
    'Object Identifier',
  );
  need(text(path(lom, 'general', 'title', 'string')[0]) !== '', 'Title');
  need(/^[a-z]{2}$/.test(text(path(lom, 'general', 'language')[0])), 'Language');
  need(text(path(lom, 'general', 'description', 'string')[0]) !== '', 'Description');
  need(
    path(lom, 'general', 'keyword', 'string').some((keyword) => text(keyword) !== ''),
    'Keywords',
  );
  need(/^https?:\/\/\S+$/.test(text(path(lom, 'technical', 'location')[0])), 'Url');
  const publisher = path(lom, 'lifeCycle', 'contribute').find((contribute) =>
    values(contribute, 'role').includes('publisher'),
  );
  const card = publisher ? (children(publisher, 'entity')[0]?.textContent ?? '') : '';
  need(
    /^BEGIN:VCARD\r\nVERSION:3\.0\r\n/.test(card) &&
      /\r\nFN:.+\r\n/.test(card) &&
      card.endsWith('END:VCARD\r\n') &&
      card
        .split('\r\n')
        .every((line: string) => !/[\r\n]/.test(line) && Buffer.byteLength(line) <= 75),
    'Publisher',
  );
  need(
    ['1', '2', '3', '4'].includes(values(lom, 'general', 'aggregationLevel')[0]),
    'Aggregation Level',
  );
  const obk = (purpose: string) =>
    taxonPaths(lom, purpose).some(
      (taxonPath) =>
        text(path(taxonPath, 'source', 'string')[0]) === OBK &&
        children(taxonPath, 'taxon').length > 0 &&
        children(taxonPath, 'taxon').every((taxon) => UUID.test(text(children(taxon, 'id')[0]))),
    );
  need(obk('discipline'), 'Discipline');
  need(obk('educational level'), 'Educational Level');
  const roles = values(lom, 'educational', 'intendedEndUserRole');
  need(
    roles.length > 0 &&
      roles.every((role) => ['learner', 'teacher', 'author', 'manager'].includes(role)),
    'Intended Enduser Role',
  );
  need(
    taxonPaths(lom, 'access rights').some((taxonPath) =>
      ['OpenAccess', 'RestrictedAccess', 'ClosedAccess'].includes(
        text(path(taxonPath, 'taxon', 'id')[0]),
      ),
    ),
    'Access Rights',
  );
  need(['yes', 'no'].includes(values(lom, 'rights', 'cost')[0]), 'Cost');
  const licence = values(lom, 'rights', 'copyrightAndOtherRestrictions')[0];
  need(LICENCES.has(licence), 'License');
  // Recommended where it applies: a description of the rights when copyright is "yes".
  if (licence === 'yes')
    need(text(path(lom, 'rights', 'description', 'string')[0]) !== '', 'Rights description');
  return problems;
}

/** The values of an element path in the record's LOM (e.g. educational/learningResourceType). */
export function lomValues(record: OaiRecord, ...names: string[]): string[] {
  return record.lom ? path(record.lom, ...names).map((node) => text(node)) : [];
}
