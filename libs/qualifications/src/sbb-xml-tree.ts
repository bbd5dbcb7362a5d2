import { SaxesParser } from 'saxes';
import type { FileRefusalCode } from './qualification-messages';

/**
 * The streaming half of reading SBB's XML: the file's bytes, decoded piece by piece, become a
 * small tree of only the elements the import uses, each where the schema puts it. Everything
 * else (descriptions, competences, a kept name in a place it does not belong) is skipped with
 * its subtree as it streams past, so memory follows what is imported; a file of more elements
 * than the whole structure has is refused before it grows the tree further.
 */

export class QualificationFileRefusal extends Error {
  constructor(
    readonly code: FileRefusalCode,
    /** Where the XML broke, for 'not-xml'. */
    readonly line?: number,
  ) {
    super(code);
  }
}

export interface Node {
  name: string;
  attributes: Record<string, string>;
  children: Node[];
  text: string;
}

/** Deeper than the schema nests (about 10): a file of opening tags cannot grow the stack. */
const MAX_DEPTH = 40;
/**
 * Kept elements in one file. SBB's whole structure (some 500 dossiers, 800 qualifications with
 * their kerntaken and werkprocessen, 1,500 keuzedelen with their qualifications) is well under
 * a tenth of this.
 */
export const MAX_KEPT_ELEMENTS = 400_000;
/** A code is 5 characters; text beyond this in a code element is not gathered. */
const MAX_CODE_TEXT = 64;
/** Bytes decoded and parsed at a time. */
const CHUNK = 1 << 20;

/** Which kept element may stand under which: the schema's places, nothing else. */
const CHILDREN: Record<string, ReadonlySet<string>> = {
  '': new Set(['sbb', 'html']),
  sbb: new Set(['dossiers', 'keuzedelen']),
  dossiers: new Set(['dossier']),
  dossier: new Set(['dossiercrebos', 'basis', 'profielen']),
  dossiercrebos: new Set(['dossiercrebo']),
  basis: new Set(['basistaken']),
  basistaken: new Set(['basiskerntaken']),
  basiskerntaken: new Set(['kerntaak']),
  profielkerntaken: new Set(['kerntaak']),
  kerntaak: new Set(['basiswerkprocessen', 'profielwerkprocessen']),
  basiswerkprocessen: new Set(['werkproces']),
  profielwerkprocessen: new Set(['werkproces']),
  profielen: new Set(['profiel']),
  profiel: new Set(['creboinformatie', 'profielkerntaken']),
  creboinformatie: new Set(['crebo']),
  keuzedelen: new Set(['keuzedeel']),
  keuzedeel: new Set(['kwalificaties']),
  kwalificaties: new Set(['crebo']),
};
/** Elements whose text is read (codes); other text is never gathered. */
const WITH_TEXT = new Set(['dossiercrebo', 'crebo']);

const localName = (name: string) => name.slice(name.indexOf(':') + 1).toLowerCase();

/** The decoded pieces of a file: a string as it is, bytes as UTF-8 or refused. */
function* pieces(input: string | Uint8Array): Generator<string> {
  if (typeof input === 'string') {
    for (let at = 0; at < input.length; at += CHUNK) yield input.slice(at, at + CHUNK);
    return;
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (bytes?: Uint8Array) => {
    try {
      return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
    } catch {
      // Only decoding fails here: bytes that are not UTF-8.
      throw new QualificationFileRefusal('not-utf8');
    }
  };
  for (let at = 0; at < input.length; at += CHUNK) yield decode(input.subarray(at, at + CHUNK));
  yield decode();
}

export function readTree(input: string | Uint8Array): Node {
  // Positions cost a little per character; they name the line of a broken file.
  const parser = new SaxesParser({ position: true });
  const stack: Node[] = [];
  let root: Node | undefined;
  /** Depth inside a skipped element (0: not skipping). */
  let skipping = 0;
  let depth = 0;
  let kept = 0;
  let anything = false;
  parser.on('doctype', (doctype) => {
    throw new QualificationFileRefusal(/^\s*html\b/i.test(doctype) ? 'web-page' : 'doctype');
  });
  parser.on('opentag', (tag) => {
    if (++depth > MAX_DEPTH) throw new QualificationFileRefusal('too-deep');
    const name = localName(tag.name);
    const parent = stack.length ? stack[stack.length - 1].name : '';
    if (skipping > 0 || !CHILDREN[parent]?.has(name)) {
      skipping++;
      return;
    }
    if (++kept > MAX_KEPT_ELEMENTS) throw new QualificationFileRefusal('too-many');
    const attributes: Record<string, string> = {};
    for (const [key, value] of Object.entries(tag.attributes as Record<string, string>))
      attributes[localName(key)] = value;
    const node: Node = { name, attributes, children: [], text: '' };
    if (!root) root = node;
    else stack[stack.length - 1].children.push(node);
    stack.push(node);
  });
  parser.on('closetag', () => {
    depth--;
    if (skipping > 0) skipping--;
    else stack.pop();
  });
  const text = (value: string) => {
    const top = stack[stack.length - 1];
    if (skipping === 0 && top && WITH_TEXT.has(top.name) && top.text.length < MAX_CODE_TEXT)
      top.text += value.slice(0, MAX_CODE_TEXT);
  };
  parser.on('text', text);
  parser.on('cdata', text);
  parser.on('error', () => {
    throw new QualificationFileRefusal('not-xml', parser.line);
  });
  try {
    for (const piece of pieces(input)) {
      if (!anything && piece.trim() !== '') anything = true;
      parser.write(piece);
    }
    if (!anything) throw new QualificationFileRefusal('empty');
    parser.close();
  } catch (error) {
    if (error instanceof QualificationFileRefusal) throw error;
    throw new QualificationFileRefusal('not-xml', parser.line);
  }
  if (!root) throw new QualificationFileRefusal('not-sbb');
  if (root.name === 'html') throw new QualificationFileRefusal('web-page');
  return root;
}
