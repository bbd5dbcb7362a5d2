import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import { CommonError, DomainException, ShareTokens } from '@bouwsteen/common';
import { ListShareLinkDto } from './dto/list.dto';
import { ListsRepository } from './lists.repository';

/** A list's read-only link, made as a course's is (ShareTokens, under a key of its own). */
@Injectable()
export class ListShareLinks {
  private readonly tokens: ShareTokens;

  constructor(
    private readonly lists: ListsRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.tokens = new ShareTokens(config.auth.jwtSecret, 'bouwsteen-list-link');
  }

  /** The link in force (undefined when the list is not shared). */
  async current(listId: string): Promise<ListShareLinkDto | undefined> {
    const state = await this.lists.shareState(listId);
    const token = state && this.tokens.shown(listId, state);
    return token ? linkOf(token) : undefined;
  }

  /** The link in force, made when there is none; `created` when this request made it. */
  async share(listId: string): Promise<{ link: ListShareLinkDto; created: boolean }> {
    const settled = await this.tokens.settle(this.lists, listId);
    // The service has found the list first; one deleted meanwhile is a concurrent change.
    if (!settled)
      throw new DomainException(
        CommonError.ConcurrentUpdate,
        'The share link was changed by other requests at the same time; try again',
      );
    return { link: linkOf(settled.token), created: settled.created };
  }
}

function linkOf(token: string): ListShareLinkDto {
  return { token, html: `/lijst/${token}`, json: `/api/v1/shared/lists/${token}` };
}
