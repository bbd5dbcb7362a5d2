import ipaddr from 'ipaddr.js';

export type Verdict = { allowed: true } | { allowed: false; reason: string };

const ALLOWED: Verdict = { allowed: true };
const refuse = (reason: string): Verdict => ({ allowed: false, reason });

/** Names that never mean a host on the public internet. */
const PRIVATE_SUFFIXES = [
  '.localhost',
  '.local',
  '.internal',
  '.home.arpa',
  '.arpa',
  '.lan',
  '.intranet',
];

/** Only global unicast IPv6 (2000::/3) can be a public host; within it ipaddr.js knows the special blocks. */
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');

/**
 * Whether an IP address is a public destination. Loopback, private (RFC 1918), link-local,
 * carrier-grade NAT, multicast, broadcast, unspecified, documentation and other reserved ranges
 * are not; nor is any IPv6 address outside global unicast, which covers IPv4-mapped (::ffff:),
 * IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::), unique-local (fc00::/7), site-local and
 * link-local addresses; 6to4 and Teredo, which tunnel to an embedded IPv4, are refused too.
 */
export function classifyAddress(address: string): Verdict {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(address.replace(/^\[|\]$/g, '').replace(/%.*$/, ''));
  } catch {
    return refuse('is not an IP address');
  }
  if (parsed.kind() === 'ipv6') {
    const v6 = parsed as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) {
      const inner = classifyAddress(v6.toIPv4Address().toString());
      return inner.allowed ? refuse('is an IPv4-mapped IPv6 address') : inner;
    }
    if (!v6.match(GLOBAL_UNICAST_V6)) return refuse(`is not a global IPv6 address (${v6.range()})`);
    const range = v6.range();
    return range === 'unicast' ? ALLOWED : refuse(`is a ${range} IPv6 address`);
  }
  const range = parsed.range();
  return range === 'unicast' ? ALLOWED : refuse(`is a ${range} IPv4 address`);
}

/** The ports a public host may be called on unless a deployment allows more (WEBHOOK_ALLOWED_PORTS). */
export const DEFAULT_ALLOWED_PORTS: readonly number[] = [80, 443];

/** The port a URL connects to: its own, or its scheme's. */
export function portOf(url: URL): number {
  return url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
}

/** A public host serves webhooks on the web's ports, not on whatever else it runs (SSH, Redis…). */
export function classifyPort(port: number, allowedPorts: readonly number[]): Verdict {
  if (allowedPorts.includes(port)) return ALLOWED;
  const names = allowedPorts.map(String);
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : names[0];
  return refuse(`must use port ${list} (it uses ${port})`);
}

/**
 * Whether a URL may be called by the server: http(s), no credentials, a host that is a public
 * IP address or a name with a public-looking suffix, on an allowed port. Names are only a first
 * filter; the addresses they resolve to are checked again when the request is made.
 */
export function classifyUrl(
  raw: string,
  allowedPorts: readonly number[] = DEFAULT_ALLOWED_PORTS,
): Verdict {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refuse('is not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return refuse('must use http or https');
  if (url.username || url.password) return refuse('must not carry a user name or password');
  const host = classifyHost(url.hostname);
  return host.allowed ? classifyPort(portOf(url), allowedPorts) : host;
}

/**
 * Whether the server may connect to an address a name resolved to, on this port: a public
 * address on an allowed port; a private one (loopback, private networks) only when private hosts
 * are allowed (local demos, tests), and then on any port, since that is what such a mode is for.
 */
export function classifyResolved(
  address: string,
  port: number,
  rules: { allowPrivate: boolean; allowedPorts: readonly number[] },
): Verdict {
  const verdict = classifyAddress(address);
  if (!verdict.allowed) return rules.allowPrivate ? ALLOWED : verdict;
  return classifyPort(port, rules.allowedPorts);
}

export function classifyHost(hostname: string): Verdict {
  // The WHATWG parser already turned 0x7f000001, 2130706433 and 0177.1 into dotted IPv4.
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host.startsWith('[') || ipaddr.isValid(host)) return classifyAddress(host);
  if (host === 'localhost' || PRIVATE_SUFFIXES.some((suffix) => host.endsWith(suffix)))
    return refuse('is a local or internal host name');
  if (!host.includes('.')) return refuse('is a single-label host name (an internal name)');
  return ALLOWED;
}
