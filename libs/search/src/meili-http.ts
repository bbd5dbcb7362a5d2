import { Pool, request } from 'undici';

/** Meilisearch answered with an error status (the reader maps every failure to a 503). */
export class MeiliHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`Meilisearch answered ${status}`);
    this.name = 'MeiliHttpError';
  }
}

type HttpClient = (input: Request | string | URL, init?: RequestInit) => Promise<unknown>;

/**
 * The HTTP client of the reading Meilisearch client: a pool of kept-alive connections from
 * undici (Node's own HTTP client, used directly), which skips the WHATWG fetch machinery
 * (Request/Response objects, web streams, abort signal plumbing) that costs about half a
 * millisecond per search. Timeouts come from meilisearch-js's abort signal.
 */
export function pooledHttpClient(origin: string, connections = 16): HttpClient {
  const pool = new Pool(origin, { connections, pipelining: 1, keepAliveTimeout: 30_000 });
  return async (input, init = {}) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, key) => (headers[key] = value));
    const response = await pool.request({
      path: url.pathname + url.search,
      method: (init.method ?? 'GET') as 'GET',
      headers,
      body: typeof init.body === 'string' ? init.body : undefined,
      signal: init.signal ?? undefined,
    });
    const text = await response.body.text();
    const body = text === '' ? undefined : JSON.parse(text);
    if (response.statusCode >= 400) throw new MeiliHttpError(response.statusCode, body);
    return body;
  };
}

/** How long a node that failed is passed over: 1 s, doubling per failure in a row, at most 30 s. */
export function passOverMs(failuresInARow: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, failuresInARow - 1));
}

/**
 * Whether a failure says the node cannot serve (down, hung, not ready: no index or no key yet),
 * so the next node is asked; anything else (a bad filter, say) is the answer to give.
 */
export function nodeFailed(error: unknown): boolean {
  if (!(error instanceof MeiliHttpError)) return true;
  return (
    error.status >= 500 || error.status === 401 || error.status === 403 || error.status === 404
  );
}

/**
 * Reads from the first node that answers, in the order given (MEILI_URL, then MEILI_NODE_URLS).
 * A node that has not answered within `failoverMs` is not given up: the next node is asked as
 * well (a hedged request) and the first good answer wins, so a node that is slow under load
 * still answers when the next cannot. A node that failed, or lost to a later one while slow, is
 * passed over for a while (passOverMs) and asked again after that. With one node this is the
 * pooled client and nothing more.
 */
export function failoverHttpClient(
  origins: string[],
  options: { connections?: number; failoverMs: number; now?: () => number },
): HttpClient {
  const nodes = origins.map((origin) => ({
    send: pooledHttpClient(origin, options.connections),
    failures: 0,
    passOverUntil: 0,
  }));
  if (nodes.length === 1) return nodes[0].send;
  const now = options.now ?? Date.now;
  type Node = (typeof nodes)[number];
  return (input, init = {}) =>
    new Promise((resolve, reject) => {
      const at = now();
      const order = [
        ...nodes.filter((node) => node.passOverUntil <= at),
        ...nodes.filter((node) => node.passOverUntil > at),
      ];
      const asking = new Map<Node, AbortController>();
      let started = 0;
      let failed = 0;
      let settled = false;
      // Requests that failed together count once: a blip under load is one failure, not many.
      const passOver = (node: Node) => {
        if (node.passOverUntil > at) return;
        node.failures += 1;
        node.passOverUntil = now() + passOverMs(node.failures);
      };
      const settle = (finish: () => void) => {
        settled = true;
        for (const controller of asking.values()) controller.abort();
        finish();
      };
      const askNext = () => {
        if (settled || started >= order.length) return;
        const node = order[started++];
        const controller = new AbortController();
        asking.set(node, controller);
        const signal = init.signal
          ? AbortSignal.any([init.signal, controller.signal])
          : controller.signal;
        const timer = setTimeout(askNext, options.failoverMs);
        node.send(input, { ...init, signal }).then(
          (body) => {
            clearTimeout(timer);
            asking.delete(node);
            if (settled) return;
            node.failures = 0;
            node.passOverUntil = 0;
            // Nodes asked before it and still silent were too slow: passed over for a while.
            for (const slow of asking.keys()) passOver(slow);
            settle(() => resolve(body));
          },
          (error: unknown) => {
            clearTimeout(timer);
            asking.delete(node);
            if (settled) return;
            if (init.signal?.aborted || !nodeFailed(error)) return settle(() => reject(error));
            passOver(node);
            failed += 1;
            if (failed === order.length) settle(() => reject(error));
            else askNext();
          },
        );
      };
      askNext();
    });
}

/**
 * Hands documents to Meilisearch and returns the task, through undici's request: fetch (what
 * meilisearch-js uses) checks a string body for lone surrogates and copies it through web
 * streams, a fifth of the worker's time in a bulk load.
 */
export async function enqueueDocuments(
  origin: string,
  apiKey: string,
  index: string,
  /** The documents as a JSON array (documentsJson). */
  body: string,
  timeoutMs = 30_000,
  /**
   * Also bound the upload: a node that stopped reading (hung, not dead) never starts the
   * headers timeout once the socket's buffers are full, and would hold the caller for ever.
   */
  boundUpload = false,
): Promise<number> {
  const response = await request(
    `${origin}/indexes/${encodeURIComponent(index)}/documents?primaryKey=id`,
    {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
      },
      body,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      ...(boundUpload ? { signal: AbortSignal.timeout(timeoutMs) } : {}),
    },
  );
  const text = await response.body.text();
  const answer = text === '' ? undefined : JSON.parse(text);
  if (response.statusCode >= 300) throw new MeiliHttpError(response.statusCode, answer);
  return (answer as { taskUid: number }).taskUid;
}
