import { ASSET_FIELDS, ASSET_KINDS, AssetKind } from '@bouwsteen/assets';
import { KIND_LABELS } from '@bouwsteen/taxonomy';
import { stringify } from 'csv-stringify/sync';
import { Column, kindOfColumn, writingHelp } from './columns';
import { FileScope, headerLabel, scopeColumns } from './headers';
import { EXPLANATION_SHEET, LISTS_SHEET } from './readers';
import { VocabularyLookup } from './vocabulary-lookup';

/** Rows of the template's sheet that get the dropdowns. */
const TEMPLATE_ROWS = 1000;
/** A workbook's header rows: the Dutch labels, then the API's paths (hidden). */
const HEADER_ROWS = 2;
/** How a workbook shows an amount in euros (the cell holds the number). */
export const EURO_FORMAT = '€ #,##0.00';

/** The worksheet of a template or an export of `scope`, named as people call what it holds. */
export function sheetName(scope: FileScope): string {
  return scope === 'all' ? 'Bouwstenen' : KIND_LABELS[scope].many;
}

/**
 * The spreadsheet a PPS fills in, for one kind (its columns only, no kind column: every row is
 * of that kind) or for all kinds (a kind column, and every kind's columns). Row 1 has each
 * column's Dutch label, with the help text as a note; row 2 the API's field path, hidden, so
 * the person filling it in sees Dutch only and a developer (or the import) still finds the
 * paths. Dropdowns for every single-choice column (labels from the vocabularies, on a hidden
 * sheet); amounts shown as euros; a sheet explaining every column.
 */
export async function templateWorkbook(
  scope: FileScope,
  lookup: VocabularyLookup,
): Promise<Buffer> {
  const { Workbook } = await import('exceljs');
  const workbook = new Workbook();
  workbook.creator = 'Bouwsteen';
  const columns = scopeColumns(scope, { kind: false });
  const need = columnNeeds(scope);
  const sheet = workbook.addWorksheet(sheetName(scope), {
    views: [{ state: 'frozen', ySplit: HEADER_ROWS }],
  });
  const lists = workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  sheet.columns = columns.map((column) => ({
    header: [headerLabel(column, scope), column.name],
    key: column.name,
    width: Math.min(40, Math.max(14, headerLabel(column, scope).length + 4)),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(2).font = { italic: true, color: { argb: 'FF595959' } };
  sheet.getRow(2).hidden = true;
  let listColumn = 0;
  columns.forEach((column, index) => {
    const header = sheet.getCell(1, index + 1);
    const help = columnHelp(column);
    header.note = `${column.label}${need(column) ? ` (${need(column)})` : ''}${help ? `: ${help}` : ''}\nAPI-veld: ${column.name}`;
    if (column.type === 'euro')
      for (let row = HEADER_ROWS + 1; row <= TEMPLATE_ROWS + HEADER_ROWS; row++)
        sheet.getCell(row, index + 1).numFmt = EURO_FORMAT;
    const options = optionsOf(column, lookup);
    if (!options || column.list || column.parts) return;
    listColumn++;
    options.forEach((option, row) => (lists.getCell(row + 1, listColumn).value = option));
    const letter = lists.getColumn(listColumn).letter;
    for (let row = HEADER_ROWS + 1; row <= TEMPLATE_ROWS + HEADER_ROWS; row++)
      sheet.getCell(row, index + 1).dataValidation = {
        type: 'list',
        allowBlank: !ASSET_FIELDS.get(column.name)?.draft,
        formulae: [`'${LISTS_SHEET}'!$${letter}$1:$${letter}$${options.length}`],
        showErrorMessage: true,
        errorTitle: column.label,
        error: `Kies een waarde uit de lijst (${column.label}).`,
      };
  });

  const explanation = workbook.addWorksheet(EXPLANATION_SHEET);
  explanation.columns = [
    { header: 'Kolom', key: 'label', width: 32 },
    { header: 'Nodig', key: 'required', width: 24 },
    { header: 'Uitleg', key: 'help', width: 80 },
    { header: 'Mogelijke waarden', key: 'options', width: 60 },
    { header: 'API-veld', key: 'name', width: 36 },
  ];
  explanation.getRow(1).font = { bold: true };
  for (const column of columns)
    explanation.addRow({
      label: headerLabel(column, scope),
      required: need(column),
      help: columnHelp(column),
      options: optionsOf(column, lookup)?.join('; ') ?? '',
      name: column.name,
    });
  explanation.addRow({});
  for (const [label, help] of generalRules(scope)) explanation.addRow({ label, help });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * The same template as CSV: the Dutch labels, then the API's paths (CSV hides nothing, so the
 * second row shows). `;` between cells, as a Dutch spreadsheet program writes and reads CSV;
 * UTF-8 with a BOM, so it opens with its accents right.
 */
export function templateCsv(scope: FileScope): string {
  const columns = scopeColumns(scope, { kind: false });
  return stringify(
    [columns.map((column) => headerLabel(column, scope)), columns.map((column) => column.name)],
    { delimiter: ';', bom: true, record_delimiter: 'windows' },
  );
}

function generalRules(scope: FileScope): [string, string][] {
  const kind: [string, string] =
    scope === 'all'
      ? [
          'Soort',
          'Zet in de kolom Soort wat elke rij is: Module, Curriculum, Praktijkomgeving of Goede praktijk. Voor één soort is er ook een sjabloon per soort, zonder die kolom.',
        ]
      : [
          'Soort',
          `Elke rij in dit sjabloon is een ${KIND_LABELS[scope].one.toLowerCase()}; een kolom Soort is niet nodig.`,
        ];
  return [
    ['Eén rij', 'Eén rij is één bouwsteen. Lege rijen worden overgeslagen.'],
    kind,
    [
      'Kopregels',
      'Rij 1 noemt de kolommen in het Nederlands. Rij 2 (verborgen) noemt ze zoals de API van Bouwsteen ze noemt; laat die rij staan. Een bestand met alleen één van de twee kopregels wordt ook gelezen.',
    ],
    ['Meer waarden', 'Meer waarden in één cel scheidt u met ; (puntkomma).'],
    [
      'Onderdelen',
      'Een contact, link, leeruitkomst of uitvoering bestaat uit delen gescheiden door |, in de volgorde uit de uitleg.',
    ],
    [
      'Teken als tekst',
      'Een \\ voor ; | of , maakt er gewone tekst van (\\; is een puntkomma in de waarde).',
    ],
    ['Codes of namen', 'Bij keuzelijsten mag u de naam of de code gebruiken.'],
    [
      'Bedragen',
      'In euro met hoogstens twee cijfers achter de komma: 395, 12,50 of € 1.250,00. Een bedrag als 1.250 (een punt of komma met drie cijfers erachter) is niet eenduidig en wordt gemeld.',
    ],
    [
      'Eigen code',
      'Geef elke bouwsteen een eigen code: dan werkt een tweede import dezelfde bouwstenen bij.',
    ],
    ['Formules', 'Formules worden niet ingelezen; zet de waarde zelf in de cel.'],
    [
      'Proefimport',
      'Kies eerst "proefimport": die controleert alles en verandert niets. Daarna kunt u hetzelfde bestand met één knop echt importeren.',
    ],
  ];
}

function optionsOf(column: Column, lookup: VocabularyLookup): string[] | undefined {
  if (column.type === 'vocabulary') return lookup.labels(column.vocabulary);
  if (column.type === 'choice') return Object.values(column.choices);
  if (column.type === 'boolean') return ['ja', 'nee'];
  return undefined;
}

/**
 * What a column asks and how to write it: the field's meaning and limits from the catalogue
 * (the form's hint says the same), then the spreadsheet's own rules for the cell.
 */
function columnHelp(column: Column): string {
  const about = ASSET_FIELDS.get(column.name)?.help;
  return [about, writingHelp(column), column.note].filter(Boolean).join(' ');
}

/**
 * How much a column is needed, as the field catalogue says: for every row (kind, title: a draft
 * needs them), to publish (a column counting when it is part of a needed field, such as the
 * study load's value), or not at all. In a template of every kind, a shared column that only
 * some kinds need to publish names those kinds.
 */
function columnNeeds(scope: FileScope): (column: Column) => string {
  const kinds = scope === 'all' ? ASSET_KINDS : [scope];
  const needs = (kind: AssetKind, column: Column) => {
    const keys = column.name.split('.');
    return keys.some((_, index) =>
      ASSET_FIELDS.get(keys.slice(0, index + 1).join('.'))?.publish.includes(kind),
    );
  };
  return (column) => {
    if (ASSET_FIELDS.get(column.name)?.draft) return 'verplicht';
    const own = kindOfColumn(column);
    const needing = (own ? [own] : kinds).filter((kind) => needs(kind, column));
    if (needing.length === 0) return '';
    if (own || needing.length === kinds.length) return 'nodig om te publiceren';
    return `nodig om te publiceren (${needing.map((kind) => KIND_LABELS[kind].one.toLowerCase()).join(', ')})`;
  };
}
