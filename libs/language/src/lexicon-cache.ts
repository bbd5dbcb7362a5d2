import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompoundLexicon } from './compound-lexicon';

/**
 * Parsing the word list and stemming its ~100,000 end words takes 2–3 s, paid by every process
 * that analyses Dutch (each test file, each API or worker start). The parsed lexicon is kept in
 * the system's temporary directory under a key of everything it is made from, so only the first
 * process after a change pays. A missing, unreadable or foreign file is rebuilt; failing to
 * write one (a read-only disk) only costs the next process the same parse.
 */
const FORMAT = 1;

type Stored = { [K in keyof CompoundLexicon]: string[] } & { format: number };

export function lexiconCacheKey(parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex').slice(0, 32);
}

function cachePath(key: string): string {
  return join(tmpdir(), `bouwsteen-lexicon-${key}.json`);
}

export function readCachedLexicon(key: string): CompoundLexicon | undefined {
  try {
    const stored = JSON.parse(readFileSync(cachePath(key), 'utf8')) as Stored;
    if (stored.format !== FORMAT) return undefined;
    return {
      begin: new Set(stored.begin),
      middle: new Set(stored.middle),
      end: new Set(stored.end),
      endStems: new Set(stored.endStems),
      words: new Set(stored.words),
    };
  } catch {
    return undefined;
  }
}

export function writeCachedLexicon(key: string, lexicon: CompoundLexicon): void {
  const stored: Stored = {
    format: FORMAT,
    begin: [...lexicon.begin],
    middle: [...lexicon.middle],
    end: [...lexicon.end],
    endStems: [...lexicon.endStems],
    words: [...lexicon.words],
  };
  const path = cachePath(key);
  // Written beside and renamed: a process reading at the same moment sees all or nothing.
  const partial = `${path}.${process.pid}.partial`;
  try {
    writeFileSync(partial, JSON.stringify(stored));
    renameSync(partial, path);
  } catch {
    // Best effort (see above).
  }
}
