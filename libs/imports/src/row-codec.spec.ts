import type { Term } from '@bouwsteen/taxonomy/pure';
import {
  escapeValue,
  unescapeValue,
  innerValues,
  listValues,
  recordValues,
  joinList,
  joinRecords,
} from './cell-lists';
import { columnsFor } from './columns';
import { decodeCells, encodeRow, normaliseCodes, resolveReferences } from './row-codec';
import { VocabularyLookup } from './vocabulary-lookup';

const term = (code: string, label: string): Term => ({
  code,
  label,
  labelEn: null,
  attributes: {},
});
const lookup = new VocabularyLookup(
  new Map([
    [
      'educationLevels',
      new Map([
        ['mbo-3', term('mbo-3', 'mbo niveau 3')],
        ['mbo-4', term('mbo-4', 'mbo niveau 4')],
      ]),
    ],
    ['licenses', new Map([['CC-BY-4.0', term('CC-BY-4.0', 'CC BY 4.0')]])],
    ['infrastructureSoftware', new Map([['coaching', term('coaching', 'Begeleiding')]])],
  ]),
);

describe('cell lists', () => {
  it('splits on ; and keeps an escaped separator as text', () => {
    expect(listValues('a; b\\; c ;; d')).toEqual(['a', 'b; c', 'd']);
  });

  it('reads records by parts, with inner lists', () => {
    const [first, second] = recordValues(
      'B1-K1 | Voorbereiden | W1, W2\\, met komma; B1-K2 | Uitvoeren',
    );
    expect(first[1]).toBe('Voorbereiden');
    expect(innerValues(first[2])).toEqual(['W1', 'W2, met komma']);
    expect(second).toEqual(['B1-K2', 'Uitvoeren']);
  });

  it('writes back what it reads, whatever the text holds', () => {
    const values = ['punt; komma, streep | en \\ backslash', 'gewoon'];
    expect(listValues(joinList(values))).toEqual(values);
    const cell = joinRecords([
      [escapeValue(values[0]), ''],
      ['x', escapeValue('y|z')],
    ]);
    expect(
      recordValues(cell).map((parts) => parts.map((part) => part.replace(/\\(.)/g, '$1'))),
    ).toEqual([[values[0]], ['x', 'y|z']]);
  });

  it('keeps the spaces and line breaks a value starts or ends with, and drops the ones around separators', () => {
    const values = [' voor', 'na ', '  ', 'a\\ ', '\nregel\r\n', 'gewoon'];
    expect(listValues(joinList(values))).toEqual(values);
    expect(listValues(' a ;  b ')).toEqual(['a', 'b']);
    const [[text, uri]] = recordValues(joinRecords([[escapeValue('Eerste '), 'x']]));
    expect(unescapeValue(text)).toBe('Eerste ');
    expect(uri).toBe('x');
  });
});

describe('row codec', () => {
  it('types cells by column: numbers with a comma, yes/no, Dutch dates, records', () => {
    const row = decodeCells({
      kind: 'module',
      title: 'Lassen',
      'module.studyLoad.value': '1,5',
      'module.stackable': 'Ja',
      'module.offerings': '1-9-2026 | 01-12-2026 | Almere | 12',
      'module.price.amountCents': '39500',
    });
    expect(row.problems).toEqual([]);
    expect(row.content).toEqual({
      title: 'Lassen',
      module: {
        studyLoad: { value: 1.5 },
        stackable: true,
        offerings: [
          { period: { start: '2026-09-01', end: '2026-12-01' }, location: 'Almere', seats: 12 },
        ],
        price: { amountCents: 39500, currency: 'EUR' },
      },
    });
  });

  it('takes a text as written, a number in exponent form, an empty crebo list and an undated offering', () => {
    expect(
      decodeCells({
        kind: 'curriculum',
        description: '  Ingesprongen, en een spatie aan het eind ',
        'curriculum.durationMonths': ' 12 ',
      }).content,
    ).toEqual({
      description: '  Ingesprongen, en een spatie aan het eind ',
      curriculum: { creboCodes: [], durationMonths: 12 },
    });
    expect(
      decodeCells({
        kind: 'module',
        'module.offerings': ' |  | Almere',
        'module.studyLoad.value': '-1e-7',
      }).content,
    ).toEqual({
      module: { offerings: [{ period: {}, location: 'Almere' }], studyLoad: { value: -1e-7 } },
    });
  });

  it('reports a value of the wrong type and a column of another kind, with what it found', () => {
    const row = decodeCells({
      kind: 'Module',
      'module.studyLoad.value': 'veel',
      'curriculum.durationMonths': '3',
    });
    expect(row.problems).toEqual([
      { field: 'module.studyLoad.value', message: 'Vul een getal in.', value: 'veel' },
      {
        field: 'curriculum.durationMonths',
        message: 'Deze kolom hoort bij een curriculum, niet bij een module: laat hem leeg.',
        value: '3',
      },
    ]);
  });

  it('takes labels or codes and turns them into codes; an unknown one names the choices', () => {
    const content: Record<string, unknown> = {
      levels: ['MBO niveau 3', 'mbo-4'],
      license: 'CC BY 4.0',
      infrastructure: { software: [{ code: 'Begeleiding' }] },
    };
    expect(normaliseCodes('infrastructure', content, lookup)).toEqual([]);
    expect(content).toEqual({
      levels: ['mbo-3', 'mbo-4'],
      license: 'CC-BY-4.0',
      infrastructure: { software: [{ code: 'coaching' }] },
    });
    const wrong: Record<string, unknown> = { levels: ['hbo-9'] };
    expect(normaliseCodes('module', wrong, lookup)).toEqual([
      {
        field: 'levels',
        message: 'Kies een waarde uit: mbo niveau 3, mbo niveau 4.',
        value: 'hbo-9',
      },
    ]);
  });

  it('resolves references by the PPS’s own code', () => {
    const id = '7f1c2a52-8a8e-4f5e-9d0a-0b6f0d3c1e11';
    const content: Record<string, unknown> = { curriculum: { moduleIds: ['MOD-1', id, 'MOD-9'] } };
    const problems = resolveReferences('curriculum', content, new Map([['MOD-1', id]]));
    expect(content).toEqual({ curriculum: { moduleIds: [id, id] } });
    expect(problems).toEqual([
      {
        field: 'curriculum.moduleIds',
        message:
          'Geen bouwsteen van deze PPS heeft deze eigen code. Gebruik de eigen code van een bouwsteen in dit bestand of in Bouwsteen.',
        value: 'MOD-9',
      },
    ]);
  });

  it('encodes a block so that decoding gives it back', () => {
    const content = {
      title: 'Kerntaken; met | tekens',
      summary: 'Een samenvatting van voldoende lengte.',
      levels: ['mbo-3'],
      license: 'CC-BY-4.0',
      curriculum: {
        creboCodes: ['25923'],
        coreTasks: [
          { code: 'B1-K1', title: 'Voorbereiden, plannen', workProcesses: ['W1', 'W2, met komma'] },
        ],
        studyLoad: { value: 2.5, unit: 'ects' },
      },
    };
    const row = encodeRow(
      {
        id: '7f1c2a52-8a8e-4f5e-9d0a-0b6f0d3c1e11',
        kind: 'curriculum',
        sourceId: 'CUR-1',
        content: content as never,
      },
      columnsFor('curriculum'),
      lookup,
    );
    expect(row.levels).toBe('mbo niveau 3');
    const cells = Object.fromEntries(
      Object.entries(row).map(([key, value]) => [key, String(value)]),
    );
    const decoded = decodeCells(cells);
    expect(normaliseCodes('curriculum', decoded.content, lookup)).toEqual([]);
    expect(decoded).toMatchObject({ kind: 'curriculum', sourceId: 'CUR-1', problems: [] });
    expect(decoded.content).toEqual(content);
  });
});
