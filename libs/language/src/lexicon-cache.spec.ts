import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseLexicon } from './compound-lexicon';
import { lexiconCacheKey, readCachedLexicon, writeCachedLexicon } from './lexicon-cache';

const DIC = '3\nwachtwoord/CaCcZb\nbeheer/Cc\nveiligheid/Cd\n';

describe('the parsed lexicon kept between processes', () => {
  const key = lexiconCacheKey([DIC, randomBytes(8).toString('hex')]);
  const path = join(tmpdir(), `bouwsteen-lexicon-${key}.json`);
  afterEach(() => rmSync(path, { force: true }));

  it('reads back exactly what was parsed', () => {
    const parsed = parseLexicon(DIC, ['cobot']);
    expect(readCachedLexicon(key)).toBeUndefined();
    writeCachedLexicon(key, parsed);
    expect(readCachedLexicon(key)).toEqual(parsed);
  });

  it('rebuilds rather than trusts a damaged file', () => {
    writeFileSync(path, '{"format": 1, "begin": [');
    expect(readCachedLexicon(key)).toBeUndefined();
    writeFileSync(path, JSON.stringify({ format: 0, begin: [], middle: [], end: [] }));
    expect(readCachedLexicon(key)).toBeUndefined();
  });

  it('keys on every input, in order', () => {
    expect(lexiconCacheKey(['a', 'b'])).not.toBe(lexiconCacheKey(['ab']));
    expect(lexiconCacheKey(['a', 'b'])).not.toBe(lexiconCacheKey(['b', 'a']));
    expect(lexiconCacheKey(['a', 'b'])).toBe(lexiconCacheKey(['a', 'b']));
  });
});
