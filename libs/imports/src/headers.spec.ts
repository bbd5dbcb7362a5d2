import { ALL_COLUMNS, columnNamed } from './columns';
import { FILE_SCOPES, headerKey, headerLabel, kindNamed, scopeColumns } from './headers';
import { readHeader } from './readers/header-check';
import { decodeCells } from './row-codec';

const names = (reading: ReturnType<typeof readHeader>) =>
  reading.header?.columns.map((column) => column?.name);
/** A column's Dutch label (the field catalogue's), as a template's header gives it. */
const label = (path: string) => columnNamed(path)!.label;
const LOAD = label('module.studyLoad.value');
const PRICE = label('module.price');
const problems = (reading: ReturnType<typeof readHeader>) =>
  reading.notices.map((notice) => notice.notice);

describe('Dutch headers', () => {
  it('gives every column of a file a Dutch header of its own, one no API path has', () => {
    for (const scope of FILE_SCOPES) {
      const headers = scopeColumns(scope, { kind: true }).map((column) =>
        headerKey(headerLabel(column, scope)),
      );
      expect({ scope, twice: headers.filter((h, i) => headers.indexOf(h) !== i) }).toEqual({
        scope,
        twice: [],
      });
    }
    // ("Links" is the label and the path of the same column.)
    for (const column of ALL_COLUMNS)
      expect({ label: column.label, path: columnNamed(column.label)?.name }).toEqual({
        label: column.label,
        path: columnNamed(column.label) === column ? column.name : undefined,
      });
  });

  it('says whose a label two kinds share is, in a file of every kind only', () => {
    const load = columnNamed('curriculum.studyLoad.value')!;
    expect(headerLabel(load, 'all')).toBe(`${load.label} (curriculum)`);
    expect(headerLabel(load, 'curriculum')).toBe(load.label);
    expect(headerLabel(columnNamed('title')!, 'all')).toBe('Titel');
    expect(scopeColumns('module', { kind: false }).map((column) => column.name)).not.toContain(
      'kind',
    );
    expect(scopeColumns('module', { kind: true })[2].name).toBe('kind');
  });

  it('reads Dutch labels, API paths, or both rows (the paths deciding)', () => {
    const dutch = readHeader(['Soort', 'titel ', `${LOAD} (module)`, PRICE], ['x']);
    expect(names(dutch)).toEqual(['kind', 'title', 'module.studyLoad.value', 'module.price']);
    expect(dutch.pathRow).toBe(false);
    const paths = readHeader(['kind', 'title', 'module.price.amountCents'], ['Module', 'x']);
    expect(names(paths)).toEqual(['kind', 'title', 'module.price.amountCents']);
    const both = readHeader(['Soort', 'Mijn eigen kop', ''], ['kind', 'summary', '']);
    expect({ names: names(both), pathRow: both.pathRow }).toEqual({
      names: ['kind', 'summary', undefined],
      pathRow: true,
    });
    // A data row is never taken for the paths: it does not name a column at every header.
    expect(readHeader(['Soort', 'Titel'], ['kind', '']).pathRow).toBe(false);
    expect(readHeader(['Soort', 'Titel'], ['Module', 'title']).pathRow).toBe(false);
  });

  it('takes the kind from one kind’s columns or the sheet’s name, so no kind column is needed', () => {
    const module = readHeader(['Titel', LOAD, label('module.moduleType')], undefined);
    expect(module.header?.kind).toBe('module');
    expect(names(module)).toEqual(['title', 'module.studyLoad.value', 'module.moduleType']);
    const sheet = readHeader(['Titel', LOAD], undefined, 'Curricula');
    expect(sheet.header?.kind).toBe('curriculum');
    expect(names(sheet)).toEqual(['title', 'curriculum.studyLoad.value']);
    expect(kindNamed('goede PRAKTIJKEN')).toBe('practice');
    expect(kindNamed('Blad1')).toBeUndefined();
    // With a kind column, the sheet's name still says what its rows are.
    expect(readHeader(['kind', 'title'], undefined, 'Modules').header?.kind).toBe('module');
    expect(readHeader(['kind', 'title'], undefined).header?.kind).toBeUndefined();
    // Beside a kind column, one kind's own columns still say whose a shared label is.
    const exported = readHeader(['Soort', LOAD, label('module.moduleType')], undefined);
    expect(exported.header?.kind).toBeUndefined();
    expect(names(exported)).toEqual(['kind', 'module.studyLoad.value', 'module.moduleType']);
  });

  it('refuses in Dutch a column no one knows (with a guess), a shared label of an unknown kind, a column twice, or no kind at all', () => {
    expect(problems(readHeader(['Soort', 'Titl'], undefined))).toEqual([
      expect.objectContaining({
        field: 'Titl',
        code: 'unknownColumn',
        values: { column: 2, name: 'Titl', suggestion: 'Titel' },
        message: expect.stringMatching(
          /^kolom 2 heeft een onbekende naam; bedoelt u "Titel"\? Gebruik de kolomnamen uit het sjabloon/,
        ),
      }),
    ]);
    expect(problems(readHeader(['Soort', LOAD], undefined))).toEqual([
      expect.objectContaining({
        code: 'columnOfSeveralKinds',
        message: expect.stringContaining(`kolom 2 ("${LOAD}") hoort bij meer soorten`),
      }),
    ]);
    expect(problems(readHeader(['Soort', PRICE, 'module.price.amountCents'], undefined))).toEqual([
      expect.objectContaining({
        code: 'columnTwice',
        message:
          'kolom 3 ("module.price.amountCents") is dezelfde kolom als kolom 2; haal er een weg',
      }),
    ]);
    // Every problem of the header at once: fixing it takes one round.
    expect(
      problems(readHeader(['Soort', 'Titl', 'Titel', 'Titel'], undefined)).map((p) => p.code),
    ).toEqual(['unknownColumn', 'columnTwice']);
    expect(problems(readHeader(['Titel', 'Samenvatting'], undefined))).toEqual([
      expect.objectContaining({ field: 'kind', code: 'kindColumnMissing' }),
    ]);
    expect(
      problems(readHeader(['Titel', `${LOAD} (module)`, label('curriculum.coreTasks')], undefined)),
    ).toEqual([expect.objectContaining({ code: 'kindColumnMissing' })]);
  });

  it('gives a row the sheet’s kind, and reports a row that says another', () => {
    expect(decodeCells({ title: 'Lassen' }, { kind: 'module' })).toMatchObject({
      kind: 'module',
      problems: [],
    });
    expect(decodeCells({ kind: 'Module', title: 'Lassen' }, { kind: 'module' }).problems).toEqual(
      [],
    );
    expect(
      decodeCells({ kind: 'Curriculum', title: 'Lassen' }, { kind: 'module' }).problems,
    ).toEqual([
      {
        field: 'kind',
        message:
          'Deze rij is een curriculum, maar dit blad is voor een module. Zet de rij in een blad of sjabloon voor een curriculum.',
        code: 'kindOfAnotherSheet',
        values: { kind: 'curriculum', sheetKind: 'module' },
        value: 'Curriculum',
      },
    ]);
  });

  it('reads euros into the API’s cents, and cents from a file of before', () => {
    expect(decodeCells({ kind: 'module', 'module.price': '€ 1.250,50' }).content).toEqual({
      module: { price: { amountCents: 125_050, currency: 'EUR' } },
    });
    expect(
      decodeCells({ kind: 'module', 'module.price': '1250.5' }, { numeric: ['module.price'] })
        .content,
    ).toEqual({ module: { price: { amountCents: 125_050, currency: 'EUR' } } });
    expect(decodeCells({ kind: 'module', 'module.price.amountCents': '39500' }).content).toEqual({
      module: { price: { amountCents: 39_500, currency: 'EUR' } },
    });
    expect(decodeCells({ kind: 'module', 'module.price': '1.250' }).problems).toEqual([
      expect.objectContaining({
        field: 'module.price',
        code: 'ambiguousAmount',
        value: '1.250',
      }),
    ]);
  });
});
