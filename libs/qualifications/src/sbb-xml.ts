import { SaxesParser } from 'saxes';
import {
  CREBO,
  CoreTask,
  Dossier,
  ELECTIVE_CODE,
  Elective,
  Qualification,
  QualificationFile,
} from './qualification-file';
import { FileRefusalCode, FileWarning, warningText } from './qualification-messages';

/**
 * Reads SBB's XML export of the qualification structure. The structure (root `<sbb>`, then
 * `dossiers/dossier[@nr,@titel,@versie,@status]` with `dossiercrebos/dossiercrebo`, the
 * basisdeel under `basis/basistaken/basiskerntaken/kerntaak/basiswerkprocessen/werkproces`, the
 * profiles under `profielen/profiel[@titel,@niveau]` with `creboinformatie/crebo` and
 * `profielkerntaken/kerntaak/profielwerkprocessen/werkproces`) follows SBB's published schema of
 * the dossiers. Keuzedelen are read from `keuzedelen/keuzedeel[@code,@titel,@omvang,@niveau,
 * @certificaat,@Geldig_vanaf,@Geldig_tot]` with the qualifications they combine with as
 * `kwalificaties/crebo`: the shape of our reference file, since SBB publishes keuzedelen
 * separately (see README, "Kwalificatiestructuur").
 *
 * Only the elements named above are kept (descriptions, competences and the like are skipped
 * as they stream past), so memory follows what is imported, not the file's size. A DOCTYPE is
 * refused outright: no entity is ever expanded or fetched.
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

/** Deeper than the schema nests (about 10): a file of opening tags cannot grow the stack. */
const MAX_DEPTH = 40;

/** Element names whose subtree matters; everything else is skipped with its children. */
const KEPT = new Set([
  'sbb',
  'dossiers',
  'dossier',
  'dossiercrebos',
  'dossiercrebo',
  'basis',
  'basistaken',
  'basiskerntaken',
  'kerntaak',
  'basiswerkprocessen',
  'profielwerkprocessen',
  'werkproces',
  'profielen',
  'profiel',
  'creboinformatie',
  'crebo',
  'profielkerntaken',
  'keuzedelen',
  'keuzedeel',
  'kwalificaties',
]);
/** Elements whose text is read (codes); other text is never gathered. */
const WITH_TEXT = new Set(['dossiercrebo', 'crebo']);

interface Node {
  name: string;
  attributes: Record<string, string>;
  children: Node[];
  text: string;
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1).toLowerCase();

function readTree(xml: string): Node {
  if (xml.trim() === '') throw new QualificationFileRefusal('empty');
  // Positions cost a little per character; they name the line of a broken file.
  const parser = new SaxesParser({ position: true });
  const stack: Node[] = [];
  let root: Node | undefined;
  /** Depth inside a skipped element (0: not skipping). */
  let skipping = 0;
  let depth = 0;
  parser.on('doctype', (doctype) => {
    throw new QualificationFileRefusal(/^\s*html\b/i.test(doctype) ? 'web-page' : 'doctype');
  });
  parser.on('opentag', (tag) => {
    if (++depth > MAX_DEPTH) throw new QualificationFileRefusal('too-deep');
    const name = localName(tag.name);
    if (skipping > 0 || (root && !KEPT.has(name))) {
      skipping++;
      return;
    }
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
    if (skipping === 0 && top && WITH_TEXT.has(top.name)) top.text += value;
  };
  parser.on('text', text);
  parser.on('cdata', text);
  parser.on('error', () => {
    throw new QualificationFileRefusal('not-xml', parser.line);
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    if (error instanceof QualificationFileRefusal) throw error;
    throw new QualificationFileRefusal('not-xml', parser.line);
  }
  if (!root) throw new QualificationFileRefusal('not-xml');
  if (root.name === 'html') throw new QualificationFileRefusal('web-page');
  return root;
}

const child = (node: Node | undefined, name: string) =>
  node?.children.find((candidate) => candidate.name === name);
const childrenOf = (node: Node | undefined, name: string) =>
  node?.children.filter((candidate) => candidate.name === name) ?? [];
const path = (node: Node | undefined, ...names: string[]) =>
  names.reduce<Node | undefined>((at, name) => child(at, name), node);
const attribute = (node: Node, name: string) => {
  const value = node.attributes[name.toLowerCase()]?.trim();
  return value ? value : null;
};

class Reader {
  readonly warnings: FileWarning[] = [];

  /** ISO date, or null (with a warning when something that is no date was written). */
  date(node: Node, name: string, subject: string): string | null {
    const value = attribute(node, name);
    if (value === null) return null;
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    const parsed = match ? new Date(Date.UTC(+match[1], +match[2] - 1, +match[3])) : null;
    if (!match || !parsed || parsed.toISOString().slice(0, 10) !== value) {
      this.warnings.push({ code: 'bad-date', subject, value });
      return null;
    }
    return value;
  }

  level(node: Node, subject: string): number | null {
    const value = attribute(node, 'niveau');
    if (value === null) return null;
    if (/^[1-4]$/.test(value)) return Number(value);
    this.warnings.push({ code: 'bad-level', subject, value });
    return null;
  }

  /** A title, or '' with a warning naming where it is missing. */
  title(node: Node, subject: string): string {
    const title = attribute(node, 'titel');
    if (title === null) this.warnings.push({ code: 'untitled', subject });
    return title ?? '';
  }

  coreTasks(
    parent: Node | undefined,
    prefix: string,
    processes: string,
    within: string,
  ): CoreTask[] {
    return childrenOf(parent, 'kerntaak').map((task, taskIndex) => {
      const code = `${prefix}-K${taskIndex + 1}`;
      return {
        code,
        title: this.title(task, `kerntaak ${code} (${within})`),
        workProcesses: childrenOf(child(task, processes), 'werkproces').map((process, index) => ({
          code: `${code}-W${index + 1}`,
          title: this.title(process, `werkproces ${code}-W${index + 1} (${within})`),
        })),
      };
    });
  }

  dossier(node: Node): Dossier | null {
    const crebos = childrenOf(child(node, 'dossiercrebos'), 'dossiercrebo');
    const first = crebos[0];
    const crebo = first?.text.trim() || (attribute(node, 'nr') ?? '');
    const subject = `dossier ${crebo || attribute(node, 'titel') || '(zonder naam)'}`;
    if (!CREBO.test(crebo)) {
      this.warnings.push({ code: 'dossier-without-crebo', subject });
      return null;
    }
    const qualifications: Qualification[] = [];
    childrenOf(child(node, 'profielen'), 'profiel').forEach((profile, index) => {
      const code = childrenOf(child(profile, 'creboinformatie'), 'crebo')[0];
      const profileCrebo = code?.text.trim() ?? '';
      const valid = CREBO.test(profileCrebo);
      const name = valid ? profileCrebo : (attribute(profile, 'titel') ?? String(index + 1));
      const profileSubject = `kwalificatie ${name} (${subject})`;
      if (!valid) {
        this.warnings.push({
          code: 'qualification-without-crebo',
          subject: profileSubject,
          value: profileCrebo.slice(0, 20) || undefined,
        });
        return;
      }
      qualifications.push({
        crebo: profileCrebo,
        title: this.title(profile, profileSubject),
        level: this.level(profile, profileSubject),
        validFrom: this.date(code, 'Geldig_vanaf', profileSubject),
        intakeEnds: this.date(code, 'Datum_einde_instroom', profileSubject),
        coreTasks: this.coreTasks(
          child(profile, 'profielkerntaken'),
          `P${index + 1}`,
          'profielwerkprocessen',
          profileSubject,
        ),
      });
    });
    return {
      crebo,
      title: this.title(node, subject),
      version: attribute(node, 'versie'),
      status: attribute(node, 'status'),
      validFrom: first ? this.date(first, 'Geldig_vanaf', subject) : null,
      intakeEnds: first ? this.date(first, 'Datum_einde_instroom', subject) : null,
      coreTasks: this.coreTasks(
        path(node, 'basis', 'basistaken', 'basiskerntaken'),
        'B1',
        'basiswerkprocessen',
        subject,
      ),
      qualifications,
    };
  }

  certificate(node: Node, subject: string): boolean {
    const value = attribute(node, 'certificaat');
    if (value === null || /^(nee|false|0)$/i.test(value)) return false;
    if (/^(ja|true|1)$/i.test(value)) return true;
    this.warnings.push({ code: 'bad-certificate', subject, value: value.slice(0, 20) });
    return false;
  }

  elective(node: Node): Elective | null {
    const code = (attribute(node, 'code') ?? '').toUpperCase();
    const subject = `keuzedeel ${code || attribute(node, 'titel') || '(zonder naam)'}`;
    if (!ELECTIVE_CODE.test(code)) {
      this.warnings.push({ code: 'elective-without-code', subject });
      return null;
    }
    const load = attribute(node, 'omvang');
    let studyLoadSbu: number | null = null;
    if (load !== null) {
      if (/^[0-9]{1,5}$/.test(load)) studyLoadSbu = Number(load);
      else this.warnings.push({ code: 'bad-study-load', subject, value: load });
    }
    const crebos: string[] = [];
    for (const crebo of childrenOf(child(node, 'kwalificaties'), 'crebo')) {
      const value = crebo.text.trim();
      if (!CREBO.test(value))
        this.warnings.push({ code: 'elective-bad-crebo', subject, value: value.slice(0, 20) });
      else if (!crebos.includes(value)) crebos.push(value);
    }
    return {
      code,
      title: this.title(node, subject),
      studyLoadSbu,
      level: this.level(node, subject),
      certificate: this.certificate(node, subject),
      validFrom: this.date(node, 'Geldig_vanaf', subject),
      validUntil: this.date(node, 'Geldig_tot', subject),
      crebos,
    };
  }
}

/** Keeps the last of each key, warning about the earlier ones. */
function lastWins<T>(
  items: T[],
  key: (item: T) => string,
  reader: Reader,
  code: FileWarning['code'],
  subject: (item: T) => string,
): T[] {
  const byKey = new Map<string, T>();
  for (const item of items) {
    if (byKey.has(key(item))) {
      reader.warnings.push({ code, subject: subject(item) });
      byKey.delete(key(item));
    }
    byKey.set(key(item), item);
  }
  return [...byKey.values()];
}

export function parseSbbXml(xml: string): QualificationFile {
  const root = readTree(xml);
  const dossiersNode = child(root, 'dossiers');
  const electivesNode = child(root, 'keuzedelen');
  if (root.name !== 'sbb' || (!dossiersNode && !electivesNode))
    throw new QualificationFileRefusal('not-sbb');
  const reader = new Reader();
  const dossiers = childrenOf(dossiersNode, 'dossier')
    .map((node) => reader.dossier(node))
    .filter((dossier): dossier is Dossier => dossier !== null);
  const electives = childrenOf(electivesNode, 'keuzedeel')
    .map((node) => reader.elective(node))
    .filter((elective): elective is Elective => elective !== null);
  if (dossiers.length === 0 && electives.length === 0)
    throw new QualificationFileRefusal('nothing-in-it');
  const uniqueDossiers = lastWins(
    dossiers,
    (dossier) => dossier.crebo,
    reader,
    'crebo-twice',
    (dossier) => `dossier ${dossier.crebo}`,
  );
  // A qualification's crebo is unique over the whole file, not only within its dossier.
  const seen = new Map<string, { dossier: Dossier; qualification: Qualification }>();
  for (const dossier of uniqueDossiers)
    for (const qualification of [...dossier.qualifications]) {
      const earlier = seen.get(qualification.crebo);
      if (earlier) {
        reader.warnings.push({
          code: 'crebo-twice',
          subject: `kwalificatie ${qualification.crebo}`,
        });
        earlier.dossier.qualifications = earlier.dossier.qualifications.filter(
          (other) => other !== earlier.qualification,
        );
      }
      seen.set(qualification.crebo, { dossier, qualification });
    }
  return {
    dossiers: uniqueDossiers,
    electives: lastWins(
      electives,
      (elective) => elective.code,
      reader,
      'elective-twice',
      (elective) => `keuzedeel ${elective.code}`,
    ),
    warnings: reader.warnings.map(warningText),
  };
}
