import { ASSET_FIELDS, AssetKind } from '@bouwsteen/assets';
import { KIND_LABELS } from '@bouwsteen/taxonomy';
import { Column, columnsFor, writingHelp } from './columns';
import { EXPLANATION_SHEET, LISTS_SHEET } from './readers';
import { VocabularyLookup } from './vocabulary-lookup';

/** Rows of the template's sheet that get the dropdowns. */
const TEMPLATE_ROWS = 1000;

/**
 * The spreadsheet a PPS fills in for one kind: the header row with the API's column names,
 * dropdowns for every single-choice column (labels from the vocabularies, on a hidden sheet),
 * the help text as a note on each header, and a sheet explaining every column.
 */
export async function templateWorkbook(kind: AssetKind, lookup: VocabularyLookup): Promise<Buffer> {
  const { Workbook } = await import('exceljs');
  const workbook = new Workbook();
  workbook.creator = 'Bouwsteen';
  const columns = columnsFor(kind);
  const need = columnNeeds(kind);
  const sheet = workbook.addWorksheet(KIND_LABELS[kind].many, {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const lists = workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  sheet.columns = columns.map((column) => ({
    header: column.name,
    key: column.name,
    width: Math.min(40, Math.max(14, column.name.length + 2)),
  }));
  sheet.getRow(1).font = { bold: true };
  let listColumn = 0;
  columns.forEach((column, index) => {
    const header = sheet.getCell(1, index + 1);
    const help = columnHelp(column);
    header.note = `${column.label}${need(column) ? ` (${need(column)})` : ''}${help ? `: ${help}` : ''}`;
    const options = optionsOf(column, lookup);
    if (!options || column.list || column.parts) return;
    listColumn++;
    options.forEach((option, row) => (lists.getCell(row + 1, listColumn).value = option));
    const letter = lists.getColumn(listColumn).letter;
    for (let row = 2; row <= TEMPLATE_ROWS; row++)
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
    { header: 'Kolom', key: 'name', width: 36 },
    { header: 'Betekenis', key: 'label', width: 30 },
    { header: 'Nodig', key: 'required', width: 24 },
    { header: 'Uitleg', key: 'help', width: 80 },
    { header: 'Mogelijke waarden', key: 'options', width: 80 },
  ];
  explanation.getRow(1).font = { bold: true };
  for (const column of columns)
    explanation.addRow({
      name: column.name,
      label: column.label,
      required: need(column),
      help: columnHelp(column),
      options: optionsOf(column, lookup)?.join('; ') ?? '',
    });
  explanation.addRow({});
  for (const rule of GENERAL_RULES) explanation.addRow({ name: rule[0], help: rule[1] });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const GENERAL_RULES: [string, string][] = [
  ['Eén rij', 'Eén rij is één bouwsteen. Lege rijen worden overgeslagen.'],
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
    'Eigen code',
    'Geef elke bouwsteen een eigen code (sourceId): dan werkt een tweede import dezelfde bouwstenen bij.',
  ],
  ['Formules', 'Formules worden niet ingelezen; zet de waarde zelf in de cel.'],
  ['Proefimport', 'Kies eerst "proefimport": die controleert alles en verandert niets.'],
];

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
 * How much a column is needed, as the catalogue says: for every row (kind, title: a draft
 * needs them), to publish a block of `kind` (a column counting when it is part of a needed
 * field, such as the study load's value), or not at all.
 */
function columnNeeds(kind: AssetKind): (column: Column) => string {
  return (column) => {
    if (ASSET_FIELDS.get(column.name)?.draft) return 'verplicht';
    const keys = column.name.split('.');
    const part = keys.some((_, index) =>
      ASSET_FIELDS.get(keys.slice(0, index + 1).join('.'))?.publish.includes(kind),
    );
    return part ? 'nodig om te publiceren' : '';
  };
}
