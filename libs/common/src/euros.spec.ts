import { dutchEuros, readEuros } from './euros';

const cents = (text: string, numeric = false) => {
  const reading = readEuros(text, numeric);
  return 'cents' in reading ? reading.cents : reading.problem.code;
};

describe('euros in a spreadsheet cell', () => {
  it.each([
    ['12,50', 1250],
    ['12.50', 1250],
    ['€ 12,50', 1250],
    ['€12,50', 1250],
    ['12,50 €', 1250],
    ['EUR 12.50', 1250],
    ['12,50 euro', 1250],
    ['1.250,00', 125_000],
    ['1,250.00', 125_000],
    ['€ 1.250,00', 125_000],
    ['1.250.000', 125_000_000],
    ['1 250,00', 125_000],
    ['1\u00a0250,00', 125_000],
    ['395', 39_500],
    ['0', 0],
    ['0,5', 50],
    ['12,5', 1250],
    ['0,125', 'subCentAmount'],
    ['12,-', 1200],
    ['€ 1.250,-', 125_000],
    ['12,5000', 1250],
    ['1250.5', 125_050],
    ['12,345.6', 1_234_560],
  ])('reads %s as %s', (text, expected) => expect(cents(text)).toBe(expected));

  it.each([
    ['1.250', 'ambiguousAmount'],
    ['1,250', 'ambiguousAmount'],
    ['€ 2.000', 'ambiguousAmount'],
    ['12,505', 'ambiguousAmount'],
    ['1234,567', 'subCentAmount'],
    ['12,501', 'ambiguousAmount'],
    ['19,999', 'ambiguousAmount'],
    ['1,2345', 'subCentAmount'],
    ['-5', 'negativeAmount'],
    ['€ -5,00', 'negativeAmount'],
    ['twaalf', 'notAnAmount'],
    ['12,50,00', 'notAnAmount'],
    ['1.25.0', 'notAnAmount'],
    ['12.5,0.0', 'notAnAmount'],
    ['12,', 'notAnAmount'],
    ['12-', 'notAnAmount'],
    ['$ 12', 'notAnAmount'],
    ['1e3', 'notAnAmount'],
    ['9'.repeat(20), 'amountTooLarge'],
  ])('does not guess at %s: %s', (text, code) => expect(cents(text)).toBe(code));

  it('says both readings of an ambiguous amount, as a code and values', () => {
    expect(readEuros('1.250')).toEqual({
      problem: {
        code: 'ambiguousAmount',
        values: { found: '1.250', thousands: '1250', asEuros: '€ 1.250,00' },
      },
    });
  });

  it('reads a number cell of a workbook as the number it is, binary noise and all', () => {
    expect(cents('1.125', true)).toBe('subCentAmount');
    expect(cents('1.25', true)).toBe(125);
    expect(cents('1250', true)).toBe(125_000);
    expect(cents(String(19.99 * 3), true)).toBe(5997);
    expect(cents('-1', true)).toBe('negativeAmount');
    expect(cents('1e+21', true)).toBe('amountTooLarge');
  });

  it('writes cents as a Dutch reader does', () => {
    expect(dutchEuros(125_050)).toBe('€ 1.250,50');
    expect(dutchEuros(5)).toBe('€ 0,05');
    expect(dutchEuros(1_000_000_000)).toBe('€ 10.000.000,00');
  });

  it('holds an amount to the most it may be, in euros', () => {
    expect(readEuros('100.000,00', false, 10_000_000)).toEqual({ cents: 10_000_000 });
    expect(readEuros('100.000,01', false, 10_000_000)).toEqual({
      problem: {
        code: 'amountTooLarge',
        values: { max: '€ 100.000,00' },
      },
    });
    // More digits than any amount: too large, not "not an amount", and never rounded.
    for (const huge of ['99999999999999999999999', '9007199254740993', '1.000.000.000.000.000,00'])
      expect(readEuros(huge, false, 10_000_000)).toEqual({
        problem: { code: 'amountTooLarge', values: { max: '€ 100.000,00' } },
      });
    expect(cents('0000000000000000012,50')).toBe(1250);
  });
});
