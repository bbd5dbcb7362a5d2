import {
  CREBO,
  CoreTask,
  Dossier,
  ELECTIVE_CODE,
  Elective,
  Qualification,
  QualificationFile,
} from './qualification-file';
import { textFault } from '@bouwsteen/common/pure';
import { FileWarning, warningText } from './qualification-messages';
import { Node, QualificationFileRefusal, readTree } from './sbb-xml-tree';

export { QualificationFileRefusal } from './sbb-xml-tree';

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
/** A name as a warning's subject: short, whatever the file holds. */
const short = (text: string | null) =>
  text === null ? null : text.length > 60 ? `${text.slice(0, 60)}…` : text;

/** Longer than any name in SBB's structure; a longer one is cut with a warning. */
export const MAX_TITLE = 300;
/** Kerntaken per part, werkprocessen per kerntaak, crebos per keuzedeel: far above SBB's. */
const MAX_PARTS = 200;
const MAX_ELECTIVE_CREBOS = 2000;

class Reader {
  readonly warnings: FileWarning[] = [];

  /** ISO date, or null (with a warning when something that is no date was written). */
  date(node: Node, name: string, subject: string): string | null {
    const value = attribute(node, name);
    if (value === null) return null;
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    // setUTCFullYear: Date.UTC reads the years 0–99 as 1900–1999.
    const parsed = match ? new Date(0) : null;
    parsed?.setUTCFullYear(+match![1], +match![2] - 1, +match![3]);
    if (!match || !parsed || parsed.toISOString().slice(0, 10) !== value) {
      this.warnings.push({ code: 'bad-date', subject, value: value.slice(0, 20) });
      return null;
    }
    return value;
  }

  level(node: Node, subject: string): number | null {
    const value = attribute(node, 'niveau');
    if (value === null) return null;
    if (/^[1-4]$/.test(value)) return Number(value);
    this.warnings.push({ code: 'bad-level', subject, value: value.slice(0, 20) });
    return null;
  }

  /**
   * A title, or '' with a warning (the pages then show the code): missing, or holding what no
   * text of ours may (controls, bidi overrides: a name that reads otherwise than it is). Cut at
   * MAX_TITLE characters.
   */
  title(node: Node, subject: string): string {
    const title = attribute(node, 'titel');
    if (title === null) {
      this.warnings.push({ code: 'untitled', subject });
      return '';
    }
    if (textFault(title)) {
      this.warnings.push({ code: 'unsafe-title', subject });
      return '';
    }
    if ([...title].length > MAX_TITLE) {
      this.warnings.push({ code: 'long-title', subject });
      return [...title].slice(0, MAX_TITLE).join('');
    }
    return title;
  }

  /** At most `max` of a list, with a warning when the file held more. */
  bounded<T>(items: T[], max: number, subject: string): T[] {
    if (items.length <= max) return items;
    this.warnings.push({ code: 'too-many-parts', subject, value: String(items.length) });
    return items.slice(0, max);
  }

  coreTasks(
    parent: Node | undefined,
    prefix: string,
    processes: string,
    within: string,
  ): CoreTask[] {
    const tasks = this.bounded(childrenOf(parent, 'kerntaak'), MAX_PARTS, `kerntaken (${within})`);
    return tasks.map((task, taskIndex) => {
      const code = `${prefix}-K${taskIndex + 1}`;
      const processes_ = this.bounded(
        childrenOf(child(task, processes), 'werkproces'),
        MAX_PARTS,
        `werkprocessen van ${code} (${within})`,
      );
      return {
        code,
        title: this.title(task, `kerntaak ${code} (${within})`),
        workProcesses: processes_.map((process, index) => ({
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
    const subject = `dossier ${crebo.slice(0, 20) || short(attribute(node, 'titel')) || '(zonder naam)'}`;
    if (!CREBO.test(crebo)) {
      this.warnings.push({ code: 'dossier-without-crebo', subject });
      return null;
    }
    const qualifications: Qualification[] = [];
    childrenOf(child(node, 'profielen'), 'profiel').forEach((profile, index) => {
      const code = childrenOf(child(profile, 'creboinformatie'), 'crebo')[0];
      const profileCrebo = code?.text.trim() ?? '';
      const valid = CREBO.test(profileCrebo);
      const name = valid ? profileCrebo : (short(attribute(profile, 'titel')) ?? String(index + 1));
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
    const subject = `keuzedeel ${code.slice(0, 20) || short(attribute(node, 'titel')) || '(zonder naam)'}`;
    if (!ELECTIVE_CODE.test(code)) {
      this.warnings.push({ code: 'elective-without-code', subject });
      return null;
    }
    const load = attribute(node, 'omvang');
    let studyLoadSbu: number | null = null;
    if (load !== null) {
      if (/^[0-9]{1,5}$/.test(load)) studyLoadSbu = Number(load);
      else this.warnings.push({ code: 'bad-study-load', subject, value: load.slice(0, 20) });
    }
    const crebos = new Set<string>();
    for (const crebo of childrenOf(child(node, 'kwalificaties'), 'crebo')) {
      const value = crebo.text.trim();
      if (!CREBO.test(value))
        this.warnings.push({ code: 'elective-bad-crebo', subject, value: value.slice(0, 20) });
      else crebos.add(value);
    }
    return {
      code,
      title: this.title(node, subject),
      studyLoadSbu,
      level: this.level(node, subject),
      certificate: this.certificate(node, subject),
      validFrom: this.date(node, 'Geldig_vanaf', subject),
      validUntil: this.date(node, 'Geldig_tot', subject),
      crebos: this.bounded([...crebos], MAX_ELECTIVE_CREBOS, subject),
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

export function parseSbbXml(input: string | Uint8Array): QualificationFile {
  const root = readTree(input);
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
  const last = new Map<string, Qualification>();
  for (const dossier of uniqueDossiers)
    for (const qualification of dossier.qualifications) {
      if (last.has(qualification.crebo))
        reader.warnings.push({
          code: 'crebo-twice',
          subject: `kwalificatie ${qualification.crebo}`,
        });
      last.set(qualification.crebo, qualification);
    }
  // One pass: each dossier keeps the qualifications that are the last of their crebo.
  for (const dossier of uniqueDossiers)
    dossier.qualifications = dossier.qualifications.filter(
      (qualification) => last.get(qualification.crebo) === qualification,
    );
  return {
    dossiers: uniqueDossiers,
    electives: lastWins(
      electives,
      (elective) => elective.code,
      reader,
      'elective-twice',
      (elective) => `keuzedeel ${elective.code}`,
    ),
    warnings: cappedWarnings(reader.warnings),
  };
}

/** Every warning up to MAX_WARNINGS, then how many more: a page of them is read, not 40,000. */
export const MAX_WARNINGS = 500;

function cappedWarnings(warnings: FileWarning[]): string[] {
  const texts = warnings.slice(0, MAX_WARNINGS).map(warningText);
  if (warnings.length > MAX_WARNINGS)
    texts.push(`… en nog ${warnings.length - MAX_WARNINGS} waarschuwingen van dezelfde soorten`);
  return texts;
}
