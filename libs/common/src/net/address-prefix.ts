import { isIPv4, isIPv6 } from 'node:net';

/**
 * A client's network address cut to its network: the host part zeroed. One helper for the two
 * places that must not treat an address as a person: the access log (which keeps no full
 * address) and the limits that count per network (one IPv6 household or phone holds a whole
 * /64, so counting per address would let one person multiply their quota).
 */
export interface PrefixBits {
  /** Leading bits of an IPv4 address kept (24: the last octet becomes 0). */
  v4: number;
  /** Leading bits of an IPv6 address kept (48, 64). */
  v6: number;
}

/** What the access log keeps of a client's address: IPv4 /24, IPv6 /48. */
export const LOG_PREFIX: PrefixBits = { v4: 24, v6: 48 };

/**
 * `address` with everything past the prefix zeroed, written in its usual short form
 * ("203.0.113.0", "2001:db8:1::"); an IPv4 address in IPv6 form (::ffff:203.0.113.7, as a
 * dual-stack server reports it) is treated as the IPv4 address. Undefined for what is no IP
 * address (nothing of it is kept).
 */
export function addressPrefix(address: string | undefined, bits: PrefixBits): string | undefined {
  if (!address) return undefined;
  const plain = address.split('%')[0];
  if (isIPv4(plain)) return formatV4(mask(plain.split('.').map(Number), 8, bits.v4));
  if (!isIPv6(plain)) return undefined;
  const groups = ipv6Groups(plain);
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff)
    return formatV4(
      mask([groups[6] >> 8, groups[6] & 255, groups[7] >> 8, groups[7] & 255], 8, bits.v4),
    );
  return formatV6(mask(groups, 16, bits.v6));
}

/**
 * The network a limit counts a client by (requests for material, sign-ins, institution sign-in starts): an IPv4 address as it is, an IPv6 address by
 * its /64 (one connection, phone or household gets a whole /64 and may pick any address in it,
 * so counting per address would let one person multiply the limit). Something that is no IP
 * address is counted as it is.
 */
export function senderNetwork(address: string): string {
  return addressPrefix(address, { v4: 32, v6: 64 }) ?? address;
}
/** Keeps the first `keep` bits of a list
 of `width`-bit numbers; the rest becomes 0. */
function mask(parts: number[], width: number, keep: number): number[] {
  return parts.map((part, index) => {
    const kept = Math.min(Math.max(keep - index * width, 0), width);
    const ones = kept === 0 ? 0 : ((1 << width) - 1) & ~((1 << (width - kept)) - 1);
    return part & ones;
  });
}

/** The eight 16-bit groups of a valid IPv6 address ("::" filled, an IPv4 tail split in two). */
function ipv6Groups(address: string): number[] {
  const parse = (part: string): number[] =>
    part === ''
      ? []
      : part.split(':').flatMap((piece) => {
          if (!piece.includes('.')) return [parseInt(piece, 16)];
          const [a, b, c, d] = piece.split('.').map(Number);
          return [(a << 8) | b, (c << 8) | d];
        });
  const gap = address.indexOf('::');
  if (gap < 0) return parse(address);
  const head = parse(address.slice(0, gap));
  const tail = parse(address.slice(gap + 2));
  return [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
}

function formatV4(octets: number[]): string {
  return octets.join('.');
}

/** RFC 5952's short form: lower-case hex, the longest run of two or more zero groups as "::". */
function formatV6(groups: number[]): string {
  let best = { start: -1, length: 0 };
  for (let start = 0; start < 8; ) {
    let end = start;
    while (end < 8 && groups[end] === 0) end++;
    if (end - start > best.length && end - start >= 2) best = { start, length: end - start };
    start = end === start ? start + 1 : end;
  }
  const hex = groups.map((group) => group.toString(16));
  if (best.start < 0) return hex.join(':');
  return `${hex.slice(0, best.start).join(':')}::${hex.slice(best.start + best.length).join(':')}`;
}
