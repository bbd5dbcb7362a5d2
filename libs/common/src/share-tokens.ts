import { createHmac, randomBytes } from 'node:crypto';
import { CommonError } from './common.errors';
import { DomainException } from './domain.exception';
import { fingerprint } from './fingerprint';

/** What a shared thing keeps of its link: the nonce it was made from and the token's fingerprint. */
export interface ShareState {
  nonce: string | null;
  hash: string | null;
}

/** Where a shared thing's link is kept: read it, and change it only if its nonce is as expected. */
export interface ShareStore {
  shareState(id: string): Promise<ShareState | undefined>;
  setShare(id: string, expected: string | null, nonce: string, hash: string): Promise<boolean>;
}

/** Compare-and-set rounds before giving up: each lost round means another request just won. */
const MAX_ROUNDS = 3;

/**
 * Read-only links to one thing (a course, a list). A token is an HMAC, under a key derived from
 * JWT_SECRET and the kind of link, of the thing and a random nonce; the thing keeps the nonce and
 * the token's fingerprint (the lookup key) only. So a link can be shown again without being
 * stored, and it is changed only by a compare-and-set on the nonce: of parallel requests one
 * changes it and the others show what it made.
 */
export class ShareTokens {
  private readonly key: Buffer;

  constructor(secret: string, purpose: string) {
    this.key = createHmac('sha256', secret).update(purpose).digest();
  }

  /** The token in force, when one was made and can be shown again (same secret, has a nonce). */
  shown(id: string, state: ShareState): string | undefined {
    if (!state.nonce) return undefined;
    const token = this.tokenOf(id, state.nonce);
    return fingerprint(token) === state.hash ? token : undefined;
  }

  /**
   * The token in force, made when there is none (or, with `replace`, a new one instead of the
   * one in force when asked); `created` when this request made it. Undefined when the thing is
   * not there.
   */
  async settle(
    store: ShareStore,
    id: string,
    replace = false,
  ): Promise<{ token: string; created: boolean } | undefined> {
    let state = await store.shareState(id);
    const asked = state?.nonce ?? null;
    for (let round = 0; state && round < MAX_ROUNDS; round++) {
      const shown = this.shown(id, state);
      if (shown && !(replace && state.nonce === asked)) return { token: shown, created: false };
      // None yet, the one asked to be replaced, or one that cannot be shown again (made before
      // links had a nonce, or under another JWT_SECRET): a new one, unless another request
      // changed the link meanwhile; then its link is shown.
      const nonce = randomBytes(32).toString('base64url');
      const token = this.tokenOf(id, nonce);
      if (await store.setShare(id, state.nonce, nonce, fingerprint(token)))
        return { token, created: true };
      state = await store.shareState(id);
    }
    if (!state) return undefined;
    throw new DomainException(
      CommonError.ConcurrentUpdate,
      'The share link was changed by other requests at the same time; try again',
    );
  }

  private tokenOf(id: string, nonce: string): string {
    return createHmac('sha256', this.key).update(`${id}:${nonce}`).digest('base64url');
  }
}
