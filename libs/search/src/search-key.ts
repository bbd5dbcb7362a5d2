import { createHash, createHmac } from 'node:crypto';

/**
 * The API searches with a key that can do nothing but search the Bouwsteen indexes; only the
 * worker and the CLI hold the master key. Meilisearch derives a key's value from its uid and
 * the master key (HMAC-SHA256), so with a uid fixed per index prefix the value is known in
 * advance: `npm run cli -- search:key` prints it, start-local hands it to the API, and the worker
 * makes sure Meilisearch has the key.
 */
export function searchKeyUid(indexPrefix: string): string {
  const hex = createHash('sha256').update(`bouwsteen-search-key:${indexPrefix}`).digest('hex');
  // Shaped as a version-4 UUID, which Meilisearch requires of a uid.
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `4${hex.slice(13, 16)}`,
    `${((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}`,
    hex.slice(20, 32),
  ].join('-');
}

export function searchKeyFor(masterKey: string, indexPrefix: string): string {
  return createHmac('sha256', masterKey).update(searchKeyUid(indexPrefix)).digest('hex');
}

/** The indexes the key may search: this prefix's (the live index and a rebuild's). */
export function searchKeyIndexes(indexPrefix: string): string[] {
  return [`${indexPrefix}_*`];
}
