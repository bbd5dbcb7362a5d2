import { searchKeyFor, searchKeyUid } from './search-key';

describe('search key', () => {
  it('has a version-4 UUID per prefix, stable across runs', () => {
    const uid = searchKeyUid('bouwsteen');
    expect(uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(searchKeyUid('bouwsteen')).toBe(uid);
    expect(searchKeyUid('andere')).not.toBe(uid);
  });

  it('differs per master key and per prefix, and is 64 hex characters', () => {
    const key = searchKeyFor('master-key-1', 'bouwsteen');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(searchKeyFor('master-key-2', 'bouwsteen')).not.toBe(key);
    expect(searchKeyFor('master-key-1', 'andere')).not.toBe(key);
  });
});
