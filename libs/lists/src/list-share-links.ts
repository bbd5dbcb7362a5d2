import { Inject, Injectable } from '@nestjs/common';
import { createHmac, randomBytes } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import { CommonError, DomainException, fingerprint } from '@bouwsteen/common';
import { ListShareLinkDto } from './dto/list.dto';
import { ListShareState, ListsRepository } from './lists.repository';

/** Compare-and-set rounds before giving up: each lost round means another request just won. */
const MAX_ROUNDS = 3;

/**
 * A list's read-only link, made as a course's is (libs/courses share-links.ts): the token is an
 * HMAC, under a key derived from JWT_SECRET, of the list and a random nonce; the list keeps the
 * nonce and the token's fingerprint only. So its owner can be shown the link again without it
 * being stored, and parallel requests agree on one link.
 */
@Injectable()
export class ListShareLinks {
  private readonly key: Buffer;

  constructor(
    private readonly lists: ListsRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.key = createHmac('sha256', config.auth.jwtSecret).update('bouwsteen-list-link').digest();
  }

  /** The link in force (undefined when the list is not shared). */
  async current(listId: string): Promise<ListShareLinkDto | undefined> {
    const state = await this.lists.shareState(listId);
    const token = state && this.showable(listId, state);
    return token ? linkOf(token) : undefined;
  }

  /** The link in force, made when there is none; `created` when this request made it. */
  async share(listId: string): Promise<{ link: ListShareLinkDto; created: boolean }> {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const state = await this.lists.shareState(listId);
      if (!state) break;
      const shown = this.showable(listId, state);
      if (shown) return { link: linkOf(shown), created: false };
      const nonce = randomBytes(32).toString('base64url');
      const token = this.tokenOf(listId, nonce);
      if (await this.lists.setShare(listId, state.nonce, nonce, fingerprint(token)))
        return { link: linkOf(token), created: true };
    }
    throw new DomainException(
      CommonError.ConcurrentUpdate,
      'The share link was changed by other requests at the same time; try again',
    );
  }

  private showable(listId: string, state: ListShareState): string | undefined {
    if (!state.nonce) return undefined;
    const token = this.tokenOf(listId, state.nonce);
    return fingerprint(token) === state.hash ? token : undefined;
  }

  private tokenOf(listId: string, nonce: string): string {
    return createHmac('sha256', this.key).update(`${listId}:${nonce}`).digest('base64url');
  }
}

function linkOf(token: string): ListShareLinkDto {
  return { token, html: `/lijst/${token}`, json: `/api/v1/shared/lists/${token}` };
}
