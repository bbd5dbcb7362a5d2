import ipaddr from 'ipaddr.js';

/**
 * Whether a host only ever means this machine or its local network: `localhost` and names
 * under `.localhost` (RFC 6761), mDNS names under `.local`, and loopback or unspecified
 * addresses (IPv4-mapped ones included). A production site known by such a name has a
 * development identity: its links, sitemaps and OAI identifiers point nowhere for anyone else.
 *
 * Not the webhook rule (common's classifyHost also refuses private networks and single-label
 * names): a site may be served from a private address behind its proxy; it is never "localhost".
 */
export function isLocalHost(hostname: string): boolean {
  // Through the URL parser, as for PUBLIC_BASE_URL: 127.1, 0x7f000001 and [::1] all normalised.
  const host = URL.canParse(`http://${hostname}`)
    ? new URL(`http://${hostname}`).hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '')
    : hostname.toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local')) return true;
  if (!ipaddr.isValid(host)) return false;
  return ['loopback', 'unspecified'].includes(ipaddr.process(host).range());
}
