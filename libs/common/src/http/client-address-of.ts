import { isIP } from 'node:net';

/**
 * The address a request came from, for limits that count per sender: Express's `req.ip`
 * (X-Forwarded-For as far as TRUST_PROXY trusts it) when that is an address, else the
 * connection's own. An entry that is no address (a client behind a trusted proxy can write
 * one) never becomes a key of its own, so rotating it cannot reset a limit.
 */
export function clientAddressOf(request: {
  ip?: string;
  socket?: { remoteAddress?: string };
}): string {
  const ip = request.ip;
  if (ip && isIP(ip) !== 0) return ip;
  return request.socket?.remoteAddress ?? 'unknown';
}
