import { FieldErrors, fieldId, fieldName, summaryLine } from './field-errors';

describe('form errors in Dutch', () => {
  it('words each error by its code and values, never by its English', () => {
    const errors = new FieldErrors([
      {
        field: 'title',
        message: 'must be shorter than or equal to 200 characters',
        code: 'maxLength',
        values: { max: 200 },
      },
      { field: 'summary', message: 'is required', code: 'isDefined' },
      { field: 'keywords', message: 'anything at all', code: 'arrayMaxSize', values: { max: 30 } },
      { field: 'startedOn', message: 'is in the future', code: 'somethingNobodyWorded' },
    ]);
    expect(errors.all()).toEqual([
      { path: 'title', messages: ['Gebruik hoogstens 200 tekens.'] },
      { path: 'summary', messages: ['Vul dit veld in.'] },
      { path: 'keywords', messages: ['Kies of vul er hoogstens 30 in.'] },
      {
        path: 'startedOn',
        messages: ['Deze waarde kan Bouwsteen niet overnemen. Kijk het veld na.'],
      },
    ]);
  });

  it('puts an error at the nearest field the form shows, once per message', () => {
    const required = { message: 'is required', code: 'isDefined' };
    const errors = new FieldErrors(
      [
        { field: 'module.learningOutcomes.0.text', ...required },
        { field: 'module.learningOutcomes.0.text', ...required },
        {
          field: 'module.offerings.7.period.end',
          message: 'must not be before start',
          code: 'endBeforeStart',
        },
      ],
      new Set(['module.learningOutcomes.0.text', 'module.offerings']),
    );
    expect(errors.at('module.learningOutcomes.0.text')).toEqual(['Vul dit veld in.']);
    expect(errors.at('module.offerings')).toEqual([
      'Vul een einddatum in die niet vóór de begindatum ligt.',
    ]);
  });

  it('names fields as qs nests them and gives them ids that are safe in a URL fragment', () => {
    expect(fieldName('module.learningOutcomes.0.text')).toBe('module[learningOutcomes][0][text]');
    expect(fieldId('module.learningOutcomes.0.text')).toBe('veld-module-learningOutcomes-0-text');
  });

  it('joins a summary line with a colon, but not after a question ("?:")', () => {
    expect(summaryLine('Titel', ['Vul dit veld in.'])).toBe('Titel: Vul dit veld in.');
    expect(summaryLine('Waarvoor wilt u het gebruiken?', ['Vul dit veld in.'])).toBe(
      'Waarvoor wilt u het gebruiken? Vul dit veld in.',
    );
    expect(summaryLine('Locatie 1 — Breedtegraad', ['a', 'b'])).toBe(
      'Locatie 1 — Breedtegraad: a b',
    );
  });
});
