import { checkedValues, tickedBox, withoutFields, yesNo } from './form-values';

describe('values of checkboxes and yes/no choices', () => {
  it('keeps every ticked value, and what no box sends, for validation to judge', () => {
    expect(checkedValues(undefined)).toBeUndefined();
    expect(checkedValues(['', ''])).toBeUndefined();
    expect(checkedValues(['a', '', 'b'])).toEqual(['a', 'b']);
    expect(checkedValues('a')).toEqual(['a']);
    expect(checkedValues({ 1: 'b', 0: 'a' })).toEqual(['a', 'b']);
    expect(checkedValues({ x: 'a' })).toEqual({ x: 'a' });
    expect(checkedValues([['a'], 'b'])).toEqual([['a'], 'b']);
  });

  it('reads ja and nee, and passes anything else on', () => {
    expect(yesNo('ja')).toBe(true);
    expect(yesNo('nee')).toBe(false);
    expect(yesNo('')).toBeUndefined();
    expect(yesNo('misschien')).toBe('misschien');
  });

  it('tells a ticked box from an empty one, and refuses a value the box never sends', () => {
    expect(tickedBox('weg', undefined)).toEqual({ ticked: false });
    expect(tickedBox('weg', 'nee')).toEqual({ ticked: false });
    expect(tickedBox('weg', ['nee', 'ja'])).toEqual({ ticked: true });
    expect(tickedBox('weg', ['nee', 'misschien'])).toEqual({
      ticked: false,
      error: { field: 'weg', message: 'must be ticked or left empty', code: 'tickedOrEmpty' },
    });
  });
});

describe('what passed validation', () => {
  it('leaves out a named field, or a named part of a section, and keeps the rest as it is', () => {
    const input = {
      title: 'T',
      summary: 'S',
      module: { price: 'x', moduleType: 'e' },
      levels: ['a'],
    };
    expect(withoutFields(input, new Set(['summary', 'module.price']))).toEqual({
      title: 'T',
      module: { moduleType: 'e' },
      levels: ['a'],
    });
    expect(withoutFields(input, new Set(['module']))).toEqual({
      title: 'T',
      summary: 'S',
      levels: ['a'],
    });
  });
});
