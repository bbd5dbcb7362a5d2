import { nameKey, slugify } from './text';

describe('nameKey', () => {
  it.each([
    ['ROC Nova College', 'Nova College'],
    ['Hout& Meubilerings College', 'Hout en Meubilerings College'],
    ['  Aeres ', 'aeres'],
    ['Schröder', 'schroder'],
  ])('treats "%s" and "%s" as one name', (a, b) => {
    expect(nameKey(a)).toBe(nameKey(b));
  });

  it('keeps different organisations apart', () => {
    expect(nameKey('ROC van Amsterdam')).not.toBe(nameKey('ROC van Flevoland'));
  });
});

describe('slugify', () => {
  it('makes URL-safe slugs', () => {
    expect(slugify('Food & Proces Tech Campus (FPTC)')).toBe('food-en-proces-tech-campus-fptc');
  });
});
