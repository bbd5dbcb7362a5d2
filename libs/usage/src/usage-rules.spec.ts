import { randomBytes } from 'node:crypto';
import {
  filtersKey,
  monthOf,
  normaliseQuery,
  queryWords,
  referrerHost,
  usageDay,
  viewerHash,
} from './usage-rules';
import { UsagePolicy } from './usage.policy';
import type { Principal } from '@bouwsteen/auth/pure';

const OWN = ['bouwsteen.example.nl'];

describe('usage rules', () => {
  describe('referrer host', () => {
    it('keeps the host only, never the path or query', () => {
      expect(referrerHost('https://www.Google.nl/search?q=cobots+veilig', OWN)).toBe('google.nl');
      expect(referrerHost('https://wikiwijs.nl/arrangement/123?x=1#a', OWN)).toBe('wikiwijs.nl');
      expect(referrerHost('http://intranet.roc.nl:8080/pagina', OWN)).toBe('intranet.roc.nl');
    });

    it('leaves out the site itself, other schemes and nonsense', () => {
      expect(referrerHost('https://bouwsteen.example.nl/zoeken?q=x', OWN)).toBeUndefined();
      expect(referrerHost('https://localhost:3000/zoeken', ['localhost:3000'])).toBeUndefined();
      expect(referrerHost('android-app://com.google.android.gm/', OWN)).toBeUndefined();
      expect(referrerHost('not a url', OWN)).toBeUndefined();
      expect(referrerHost(undefined, OWN)).toBeUndefined();
      expect(referrerHost(`https://a.nl/${'x'.repeat(3000)}`, OWN)).toBeUndefined();
    });
  });

  describe('one viewer per day', () => {
    const salt = randomBytes(32);

    it('is the same hash for the same browser at the same address, another for another', () => {
      const a = { address: '203.0.113.7', userAgent: 'Firefox' };
      expect(viewerHash(salt, a)).toEqual(viewerHash(salt, { ...a }));
      expect(viewerHash(salt, a)).not.toEqual(viewerHash(salt, { ...a, userAgent: 'Safari' }));
      expect(viewerHash(salt, a)).not.toEqual(viewerHash(salt, { ...a, address: '203.0.113.8' }));
    });

    it('follows the account when signed in, whatever the address', () => {
      const one = viewerHash(salt, { userId: 'u1', address: '203.0.113.7' });
      expect(viewerHash(salt, { userId: 'u1', address: '198.51.100.2' })).toEqual(one);
    });

    it('cannot be linked across days: another salt, another hash; 16 bytes, no address', () => {
      const a = { address: '203.0.113.7', userAgent: 'Firefox' };
      const hash = viewerHash(salt, a);
      expect(viewerHash(randomBytes(32), a)).not.toEqual(hash);
      expect(hash).toHaveLength(16);
      // Neither the address's text nor its four bytes appear in the hash.
      expect(hash.includes(Buffer.from(a.address))).toBe(false);
      expect(hash.includes(Buffer.from([203, 0, 113, 7]))).toBe(false);
    });
  });

  it('takes days and months in the region (Amsterdam)', () => {
    expect(usageDay(new Date('2026-03-31T22:30:00Z'))).toBe('2026-04-01');
    expect(usageDay(new Date('2026-01-15T12:00:00Z'))).toBe('2026-01-15');
    expect(monthOf('2026-01-15')).toBe('2026-01-01');
    expect(monthOf('2026-01-15', -1)).toBe('2025-12-01');
  });

  it('keeps a search as normalised words and a sorted filter key', () => {
    expect(normaliseQuery('  Cobots,   VEILIG werken!! ')).toBe('cobots veilig werken');
    expect(normaliseQuery(undefined)).toBe('');
    expect(normaliseQuery('x'.repeat(300))).toHaveLength(200);
    expect(filtersKey({ provincie: ['nh', 'fl', 'nh'], soort: ['module'], niveau: [] })).toBe(
      'provincie=fl,nh;soort=module',
    );
    expect(queryWords('de veilig werken veilig')).toEqual(['veilig', 'werken']);
  });

  it('lets a PPS’s editors and admins read its dashboard; admins and leads the analytics', () => {
    const who = (role: Principal['role'], ppsIds: string[] = []): Principal => ({
      userId: 'u',
      email: 'a@b.nl',
      role,
      ppsIds,
      organisationId: null,
      via: 'session',
    });
    expect(UsagePolicy.mayReadDashboard(who('pps-editor', ['p1']), 'p1')).toBe(true);
    expect(UsagePolicy.mayReadDashboard(who('pps-editor', ['p2']), 'p1')).toBe(false);
    expect(UsagePolicy.mayReadDashboard(who('admin'), 'p1')).toBe(true);
    expect(UsagePolicy.mayReadDashboard(who('teacher'), 'p1')).toBe(false);
    expect(UsagePolicy.mayReadDashboard(undefined, 'p1')).toBe(false);
    expect(UsagePolicy.mayReadSearchAnalytics(who('admin'))).toBe(true);
    expect(UsagePolicy.mayReadSearchAnalytics(who('pps-editor', ['p1']))).toBe(true);
    expect(UsagePolicy.mayReadSearchAnalytics(who('teacher'))).toBe(false);
    expect(UsagePolicy.mayReadSearchAnalytics(undefined)).toBe(false);
  });
});
