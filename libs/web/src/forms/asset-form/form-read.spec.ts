import { FieldCode } from '@bouwsteen/common/pure';
import { euroCents } from '../amounts';
import {
  amountProblems,
  atFirstField,
  decimal,
  inFormOrder,
  readFields,
  shownPaths,
} from './form-read';
import { formSections } from './form-schema';

const moduleSpecs = formSections('module').flatMap((section) => section.fields);

describe('reading a posted building-block form', () => {
  it('keeps a one-line field on one line and a text box as written', () => {
    const read = readFields(moduleSpecs, {
      title: 'Zachte\nregel  titel',
      summary: 'Eerste regel\nTweede regel van de samenvatting',
    });
    expect(read).toEqual({
      title: 'Zachte regel  titel',
      summary: 'Eerste regel\nTweede regel van de samenvatting',
    });
  });

  it('gives the API shape: empty fields left out, numbers, amounts, lines and lists parsed', () => {
    const body = {
      title: 'Veilig werken',
      summary: '',
      keywords: 'cobot\r\n\r\n veiligheid , robot;lassen',
      levels: ['mbo-3', 'mbo-4'],
      module: {
        studyLoad: { value: '8,5', unit: 'hour' },
        price: '1.234,50',
        stackable: 'nee',
        learningOutcomes: [
          { text: 'Voert een risicoanalyse uit', escoUri: '' },
          { text: '', escoUri: '' },
        ],
        offerings: [{ period: { start: '', end: '' }, location: '', seats: '' }],
        prerequisites: {
          moduleIds_toevoegen:
            'https://bouwsteen.nl/bouwstenen/4b1f0b9e-1c0a-4c55-9d0a-3d1f8f6f9a10\nonzin',
        },
      },
    };
    expect(readFields(moduleSpecs, body)).toEqual({
      title: 'Veilig werken',
      // Words are also separated by commas (a pasted list); learning outcomes only by lines.
      keywords: ['cobot', 'veiligheid', 'robot', 'lassen'],
      levels: ['mbo-3', 'mbo-4'],
      module: {
        studyLoad: { value: 8.5, unit: 'hour' },
        price: { amountCents: 123450, currency: 'EUR' },
        stackable: false,
        learningOutcomes: [{ text: 'Voert een risicoanalyse uit' }],
        prerequisites: { moduleIds: ['4b1f0b9e-1c0a-4c55-9d0a-3d1f8f6f9a10', 'onzin'] },
      },
    });
  });

  it('keeps what cannot be parsed as typed, so validation names it and the form shows it again', () => {
    expect(decimal('acht')).toBe('acht');
    expect(euroCents('twaalf', 10_000)).toBe('twaalf');
    expect(euroCents('12,5', 10_000)).toBe(1250);
    expect(readFields(moduleSpecs, { module: { studyLoad: { value: 'acht' } } })).toEqual({
      module: { studyLoad: { value: 'acht' } },
    });
  });

  it('reads an amount as an import reads one, and says what is wrong with one it cannot read', () => {
    const read = (price: string) => readFields(moduleSpecs, { module: { price } });
    expect(read('€ 1.250,00')).toEqual({
      module: { price: { amountCents: 125000, currency: 'EUR' } },
    });
    expect(read('12,-')).toEqual({ module: { price: { amountCents: 1200, currency: 'EUR' } } });
    expect(amountProblems(moduleSpecs, read('12,50'))).toEqual([]);
    const codes = (price: string) =>
      amountProblems(moduleSpecs, read(price)).map((problem) => [problem.field, problem.code]);
    expect(codes('1.250')).toEqual([['module.price.amountCents', FieldCode.AmbiguousAmount]]);
    expect(codes('12,5051')).toEqual([['module.price.amountCents', FieldCode.SubCentAmount]]);
    expect(codes('-5')).toEqual([['module.price.amountCents', FieldCode.NegativeAmount]]);
    expect(codes('200000')).toEqual([['module.price.amountCents', FieldCode.AmountTooLarge]]);
    expect(codes('twaalf')).toEqual([['module.price.amountCents', FieldCode.NotAnAmount]]);
  });

  it('puts errors in the order the form shows its fields, whatever order they were found in', () => {
    const shown = shownPaths(moduleSpecs, {});
    const fields = (list: { field: string }[]) => list.map((item) => item.field);
    const found = [
      { field: 'module.price.amountCents' },
      { field: 'summary' },
      { field: 'contacts' },
      { field: 'title' },
      { field: 'module.studyLoad.value' },
      { field: 'levels' },
      { field: 'sectors' },
    ];
    const ordered = fields(inFormOrder(found, shown));
    const position = (field: string) => ordered.indexOf(field);
    expect(position('title')).toBe(0);
    expect(position('summary')).toBe(1);
    const order = [...shown];
    const at = (path: string) => order.indexOf(path);
    for (let n = 1; n < ordered.length; n++) {
      const before = ordered[n - 1].replace(/\.(amountCents|value)$/, '');
      const after = ordered[n].replace(/\.(amountCents|value)$/, '');
      expect(at(before)).toBeLessThanOrEqual(at(after));
    }
  });

  it('passes a checkbox or yes/no value the form never offers on, so validation names it', () => {
    expect(
      readFields(moduleSpecs, {
        levels: 'mbo-3',
        sectors: [{ nested: 'x' }, 'techniek', ''],
        themes: { x: 'llo' },
        module: { stackable: 'misschien', audiences: ['worker', 'onbekend'] },
      }),
    ).toEqual({
      levels: ['mbo-3'],
      sectors: [{ nested: 'x' }, 'techniek'],
      themes: { x: 'llo' },
      module: { stackable: 'misschien', audiences: ['worker', 'onbekend'] },
    });
  });

  it('reads list entries beyond the array limit of qs (object keys) in numeric order', () => {
    const outcomes = Object.fromEntries(
      Array.from({ length: 25 }, (_, index) => [String(index), { text: `uitkomst ${index}` }]),
    );
    const read = readFields(moduleSpecs, { module: { learningOutcomes: outcomes } }) as {
      module: { learningOutcomes: { text: string }[] };
    };
    expect(read.module.learningOutcomes.map((outcome) => outcome.text)[10]).toBe('uitkomst 10');
    expect(read.module.learningOutcomes).toHaveLength(25);
  });

  it('puts a missing group at its first field, and knows every field it shows', () => {
    const required = { message: 'is required', code: 'isDefined' };
    expect(atFirstField([{ field: 'module.studyLoad', ...required }], moduleSpecs)).toEqual([
      { field: 'module.studyLoad.value', ...required },
    ]);
    // Also a group in a list's entry: an offering without its period goes to its first date.
    expect(
      atFirstField([{ field: 'module.offerings.1.period', ...required }], moduleSpecs),
    ).toEqual([{ field: 'module.offerings.1.period.start', ...required }]);
    // Only a missing group moves; anything else said of it stays at the group.
    const wrong = { field: 'module.studyLoad', message: 'must be an object', code: 'isObject' };
    expect(atFirstField([wrong], moduleSpecs)).toEqual([wrong]);
    const shown = shownPaths(moduleSpecs, { module: { learningOutcomes: [{ text: 'a' }] } });
    expect(shown.has('module.studyLoad.value')).toBe(true);
    expect(shown.has('module.learningOutcomes.2.text')).toBe(true);
    expect(shown.has('module.learningOutcomes.3.text')).toBe(false);
  });
});
