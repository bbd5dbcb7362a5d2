import { promises as dns } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { DEFAULT_ALLOWED_PORTS, classifyResolved, classifyUrl, portOf } from './public-address';

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Name resolution, injectable so the address checks can be tested with any answer. */
export interface DnsResolver {
  resolve(hostname: string): Promise<ResolvedAddress[]>;
}

export const DNS_RESOLVER = Symbol('DNS_RESOLVER');

export const systemResolver: DnsResolver = {
  resolve: (hostname) => dns.lookup(hostname, { all: true, verbatim: true }),
};

/** The destination is not public (or does not resolve): never retried as is. */
export class BlockedDestinationError extends Error {
  constructor(reason: string) {
    super(`Refused to call a non-public destination: ${reason}`);
    this.name = 'BlockedDestinationError';
  }
}

export interface OutboundRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  /** Reach loopback and private networks too (local demos, tests); off by default everywhere. */
  allowPrivate: boolean;
  /** The ports a public host may be called on; absent: 80 and 443 (see classifyResolved). */
  allowedPorts?: readonly number[];
}

const MAX_RESPONSE_BYTES = 64 * 1024;

/**
 * POSTs to a URL a user gave, without letting it reach inside. The name is resolved once, at
 * send time; every address it resolves to must be public, on an allowed port (classifyResolved:
 * private addresses only in private mode); and the connection goes to exactly the
 * address that was checked (a pinned lookup), so a second DNS answer cannot rebind it to an
 * internal host. Redirects are not followed; the response body is read and discarded (64 KB).
 */
export class PublicHttpClient {
  constructor(private readonly resolver: DnsResolver) {}

  async post(request: OutboundRequest): Promise<{ status: number }> {
    const url = new URL(request.url);
    const rules = {
      allowPrivate: request.allowPrivate,
      allowedPorts: request.allowedPorts ?? DEFAULT_ALLOWED_PORTS,
    };
    if (!rules.allowPrivate) {
      const verdict = classifyUrl(request.url, rules.allowedPorts);
      if (!verdict.allowed) throw new BlockedDestinationError(`${url.hostname} ${verdict.reason}`);
    }
    const target = await this.resolve(url.hostname.replace(/^\[|\]$/g, ''), portOf(url), rules);
    const pinned: LookupFunction = (_hostname, options, callback) => {
      if (options.all) callback(null, [target]);
      else callback(null, target.address, target.family);
    };
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const outgoing = send(
        url,
        {
          method: 'POST',
          headers: { ...request.headers, 'content-length': Buffer.byteLength(request.body) },
          agent: false,
          lookup: pinned,
          timeout: request.timeoutMs,
        },
        (response) => {
          let read = 0;
          response.on('data', (chunk: Buffer) => {
            read += chunk.length;
            if (read > MAX_RESPONSE_BYTES) response.destroy();
          });
          response.on('close', () => resolve({ status: response.statusCode ?? 0 }));
          response.on('error', () => resolve({ status: response.statusCode ?? 0 }));
        },
      );
      const deadline = setTimeout(
        () => outgoing.destroy(new Error(`No answer within ${request.timeoutMs} ms`)),
        request.timeoutMs,
      );
      outgoing.on('timeout', () =>
        outgoing.destroy(new Error(`No answer within ${request.timeoutMs} ms`)),
      );
      outgoing.on('error', reject);
      outgoing.on('close', () => clearTimeout(deadline));
      outgoing.end(request.body);
    });
  }

  private async resolve(
    host: string,
    port: number,
    rules: Parameters<typeof classifyResolved>[2],
  ): Promise<ResolvedAddress> {
    const addresses = ipaddr.isValid(host)
      ? [{ address: host, family: ipaddr.parse(host).kind() === 'ipv6' ? 6 : 4 }]
      : await this.resolver.resolve(host).catch((error: Error) => {
          throw new BlockedDestinationError(`${host} does not resolve (${error.message})`);
        });
    if (addresses.length === 0) throw new BlockedDestinationError(`${host} does not resolve`);
    for (const { address } of addresses) {
      const verdict = classifyResolved(address, port, rules);
      if (!verdict.allowed)
        throw new BlockedDestinationError(
          `${host} resolves to ${address}, which ${verdict.reason}`,
        );
    }
    return addresses[0];
  }
}
