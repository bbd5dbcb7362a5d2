import { isIP } from 'node:net';

/**
 * Which proxies' X-Forwarded-For the API believes: none, the nearest `n` hops, or proxies at
 * these addresses (Express's `trust proxy`). Never "all": then the left-most entry, which the
 * client writes itself, would be its address, and the sign-in and request limits that count
 * per address would count whatever the client chose.
 */
export type TrustProxy = false | number | string[];

/** Express's names for address ranges, accepted beside addresses and CIDR ranges. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const MAX_HOPS = 10;

/** TRUST_PROXY as configured, or what is wrong with it. */
export function parseTrustProxy(raw: string | undefined): { value: TrustProxy; problem?: string } {
  const text = (raw ?? '').trim();
  if (text === '' || text === 'false') return { value: false };
  if (text === 'true')
    return {
      value: false,
      problem:
        'TRUST_PROXY=true would let any client choose its own address (the left-most X-Forwarded-For entry); give the number of proxies in front of the API (e.g. 1) or their addresses (e.g. loopback,10.0.0.0/8)',
    };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops >= 1 && hops <= MAX_HOPS
      ? { value: hops }
      : {
          value: false,
          problem: `TRUST_PROXY must be between 1 and ${MAX_HOPS} hops (got ${text})`,
        };
  }
  const entries = text.split(',').map((entry) => entry.trim());
  const wrong = entries.filter((entry) => !isTrustEntry(entry));
  if (wrong.length > 0)
    return {
      value: false,
      problem: `TRUST_PROXY must be false, a number of hops, or a list of addresses, CIDR ranges, loopback, linklocal or uniquelocal (not: ${wrong.join(', ')})`,
    };
  return { value: entries };
}

function isTrustEntry(entry: string): boolean {
  if (RANGE_NAMES.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}
