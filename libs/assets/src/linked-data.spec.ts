import { prefersJsonLd } from './linked-data';

describe('prefersJsonLd', () => {
  it.each<[string | undefined, boolean]>([
    [undefined, false],
    ['application/json', false],
    ['*/*', false],
    ['application/ld+json', true],
    ['application/ld+json, application/json;q=0.9', true],
    ['application/json, application/ld+json', false],
    ['application/json;q=0.5, application/ld+json', true],
    ['application/ld+json;q=0', false],
  ])('%s → %s', (accept, expected) => {
    expect(prefersJsonLd(accept)).toBe(expected);
  });
});
