import { posix } from 'node:path';
import { notXlsx } from './read-refusal';
import { localName } from './shared-strings';
import { XmlHandler, parseXml } from './xml-stream';
import { ZipParts } from './zip-parts';

/** A worksheet as the workbook lists it, in the workbook's order. */
export interface SheetPart {
  name: string;
  /** The zip entry holding its rows. */
  path: string;
}

export interface Workbook {
  sheets: SheetPart[];
  sharedStrings?: string;
  styles?: string;
  /** Serial dates count from 1904 (old Mac Excel) instead of 1900. */
  date1904: boolean;
}

/** Small parts (workbook, relations, styles) are read whole; this bounds any one text or tag. */
const SMALL_PART_TOKEN = 1_048_576;
/** More cell formats than Excel allows (64,000): the rest are read as plain numbers. */
const MAX_FORMATS = 65_536;

const REL_TYPES = 'relationships/';

/**
 * The workbook's sheets, their names and order (`xl/workbook.xml`), and where its sheets,
 * shared strings and styles are (its relations), as Excel, LibreOffice and exceljs write them.
 */
export async function readWorkbook(zip: ZipParts, maxSheets: number): Promise<Workbook> {
  const root = await relations(zip, '_rels/.rels');
  const bookPath =
    [...root.values()].find((rel) => rel.type.endsWith('/officeDocument'))?.target ??
    'xl/workbook.xml';
  const listed: { name: string; id: string }[] = [];
  let date1904 = false;
  await drain(zip, bookPath, {
    open(name, attributes) {
      const local = localName(name);
      if (local === 'workbookPr')
        date1904 = attributes.date1904 === '1' || attributes.date1904 === 'true';
      if (local !== 'sheet' || listed.length >= maxSheets) return;
      // The relation id is `r:id` under whatever prefix the file binds to relationships.
      const idName = Object.keys(attributes).find((key) => key !== 'id' && key.endsWith(':id'));
      listed.push({ name: attributes.name ?? '', id: idName ? attributes[idName] : '' });
    },
    text: () => undefined,
    close: () => undefined,
    tooLong: () => notXlsx(`het onderdeel ${bookPath} heeft een te lange naam of tekst`).message,
  });
  const rels = await relations(zip, relationsOf(bookPath));
  const sheets = listed.flatMap(({ name, id }) => {
    const rel = rels.get(id);
    return rel && rel.type.endsWith(`${REL_TYPES}worksheet`) ? [{ name, path: rel.target }] : [];
  });
  const ofType = (type: string) =>
    [...rels.values()].find((rel) => rel.type.endsWith(`${REL_TYPES}${type}`))?.target;
  return {
    sheets,
    sharedStrings: ofType('sharedStrings'),
    styles: ofType('styles'),
    date1904,
  };
}

/**
 * Which cell styles show a number as a date: the `<xf>` entries of `<cellXfs>`, by their
 * number format — built-in date formats, or a format code with day, month or year in it.
 */
export async function readDateStyles(zip: ZipParts, path: string): Promise<boolean[]> {
  const custom = new Map<string, string>();
  const formatIds: string[] = [];
  let inCellFormats = false;
  await drain(zip, path, {
    open(name, attributes) {
      const local = localName(name);
      if (local === 'numFmt' && custom.size < MAX_FORMATS)
        custom.set(attributes.numFmtId ?? '', attributes.formatCode ?? '');
      else if (local === 'cellXfs') inCellFormats = true;
      else if (local === 'xf' && inCellFormats && formatIds.length < MAX_FORMATS)
        formatIds.push(attributes.numFmtId ?? '0');
    },
    text: () => undefined,
    close(name) {
      if (localName(name) === 'cellXfs') inCellFormats = false;
    },
    tooLong: () => notXlsx(`het onderdeel ${path} heeft een te lange naam of tekst`).message,
  });
  return formatIds.map((id) => {
    const code = custom.get(id);
    return code === undefined ? BUILT_IN_DATES.has(Number(id)) : isDateFormat(code);
  });
}

/** Excel's built-in number formats that show a date (14–17, 22; 27–36 and 50–58 in East Asian locales). */
const BUILT_IN_DATES = new Set([
  14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

/** A format code shows a date when, outside quoted text, escapes and [colour] parts, it has d or y. */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]|_.|\*./g, '');
  return /[dy]/i.test(bare);
}

interface Relation {
  type: string;
  target: string;
}

/** A part's relations by id, their targets as zip paths; none when the part has no relations. */
async function relations(zip: ZipParts, path: string): Promise<Map<string, Relation>> {
  const found = new Map<string, Relation>();
  if (!zip.has(path)) return found;
  // `xl/_rels/workbook.xml.rels` relates `xl/workbook.xml`: targets are relative to `xl/`.
  const base = posix.dirname(posix.dirname(path));
  await drain(zip, path, {
    open(name, attributes) {
      if (localName(name) !== 'Relationship' || found.size >= MAX_FORMATS) return;
      if (attributes.TargetMode === 'External') return;
      const target = attributes.Target ?? '';
      found.set(attributes.Id ?? '', {
        type: attributes.Type ?? '',
        target: target.startsWith('/')
          ? posix.normalize(target.slice(1))
          : posix.normalize(posix.join(base, target)),
      });
    },
    text: () => undefined,
    close: () => undefined,
    tooLong: () => notXlsx(`het onderdeel ${path} heeft een te lange naam of tekst`).message,
  });
  return found;
}

function relationsOf(path: string): string {
  return posix.join(posix.dirname(path), '_rels', `${posix.basename(path)}.rels`);
}

async function drain(zip: ZipParts, path: string, handler: XmlHandler): Promise<void> {
  for await (const _ of parseXml(path, zip.text(path), handler, SMALL_PART_TOKEN));
}
