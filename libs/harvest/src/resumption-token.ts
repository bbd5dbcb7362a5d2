import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Everything a list request needs to go on, carried by the harvester: no state on the server,
 * so a token survives restarts and works on any instance. `until` is fixed at the first page, so
 * records changed during the harvest wait for the next one instead of showing up twice.
 */
export interface TokenState {
  verb: 'ListIdentifiers' | 'ListRecords';
  prefix: string;
  set?: string;
  from?: string;
  until: string;
  /** Datestamp (ISO) and id of the last record sent. */
  after: [string, string];
  cursor: number;
  total: number;
}

function tag(body: string, secret: string): string {
  return createHmac('sha256', secret)
    .update(`oai-resumption:${body}`)
    .digest('base64url')
    .slice(0, 22);
}

export function encodeToken(state: TokenState, secret: string): string {
  const body = Buffer.from(JSON.stringify(state)).toString('base64url');
  return `${body}.${tag(body, secret)}`;
}

/** The state, or undefined when the token was not made here or was altered. */
export function decodeToken(token: string, secret: string): TokenState | undefined {
  const [body, signature, ...rest] = token.split('.');
  if (!body || !signature || rest.length || token.length > 2000) return undefined;
  const expected = Buffer.from(tag(body, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  try {
    const state = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as TokenState;
    return Array.isArray(state.after) && typeof state.cursor === 'number' ? state : undefined;
  } catch {
    return undefined;
  }
}
