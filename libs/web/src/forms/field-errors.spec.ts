import { dutchMessage } from './dutch-messages';
import { FieldErrors, fieldId, fieldName } from './field-errors';

describe('form errors in Dutch', () => {
  it('says what the API validators say, in Dutch, and never shows the English', () => {
    expect(dutchMessage('is required')).toBe('Vul dit veld in.');
    expect(dutchMessage('must be longer than or equal to 3 characters')).toBe(
      'Gebruik minstens 3 tekens.',
    );
    expect(dutchMessage('must not be less than 0.25')).toBe('Vul minstens 0,25 in.');
    expect(
      dutchMessage('is licensed non-commercial (NC) and cannot be part of a paid course'),
    ).toContain('niet-commerciële licentie');
    expect(dutchMessage('something nobody translated')).toBe('Deze waarde klopt niet.');
    expect(dutchMessage('is not valid UTF-8 (holds U+FFFD where bytes could not be read)')).toBe(
      'Deze tekst bevat tekens die niet konden worden gelezen (�). Typ ze opnieuw.',
    );
    expect(dutchMessage('must be ticked or left empty')).toBe(
      'Vink het vakje aan of laat het leeg.',
    );
  });

  it('puts an error at the nearest field the form shows, once per message', () => {
    const errors = new FieldErrors(
      [
        { field: 'module.learningOutcomes.0.text', message: 'is required' },
        { field: 'module.learningOutcomes.0.text', message: 'is required' },
        { field: 'module.offerings.7.period.end', message: 'must not be before start' },
      ],
      new Set(['module.learningOutcomes.0.text', 'module.offerings']),
    );
    expect(errors.at('module.learningOutcomes.0.text')).toEqual(['Vul dit veld in.']);
    expect(errors.at('module.offerings')).toEqual(['De einddatum ligt vóór de begindatum.']);
  });

  it('names fields as qs nests them and gives them ids that are safe in a URL fragment', () => {
    expect(fieldName('module.learningOutcomes.0.text')).toBe('module[learningOutcomes][0][text]');
    expect(fieldId('module.learningOutcomes.0.text')).toBe('veld-module-learningOutcomes-0-text');
  });
});
