import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Principal } from '@bouwsteen/auth';
import {
  DomainException,
  FieldCode,
  NotFoundError,
  Page,
  PreconditionFailedError,
  assertFresh,
  fingerprint,
  toEtag,
  toPage,
  ValidationFailedError,
} from '@bouwsteen/common';
import { TransactionRunner } from '@bouwsteen/database';
import {
  AddItemDto,
  CreateListDto,
  ListDto,
  ListItemDto,
  ListQueryDto,
  ListShareLinkDto,
  SharedListDto,
  ChangeItemDto,
  UpdateListDto,
} from './dto/list.dto';
import { MAX_ITEMS_PER_LIST, MAX_LISTS_PER_PERSON, moveTo } from './list-rules';
import { ListPolicy } from './list.policy';
import { ListError } from './lists.errors';
import { BlockList, ListItem, ListsRepository } from './lists.repository';
import { ListShareLinks } from './list-share-links';

/** Public lists one organisation page shows at most. */
const PUBLIC_LISTS_SHOWN = 50;

/**
 * Personal lists of building blocks. A list is its owner's alone (ListPolicy): anyone else
 * asking for it by id is told it does not exist. Items change under a lock on their list, so
 * bounds hold and a block is on a list at most once, whatever runs in parallel.
 */
@Injectable()
export class ListsService {
  constructor(
    private readonly lists: ListsRepository,
    private readonly links: ListShareLinks,
    private readonly tx: TransactionRunner,
  ) {}

  async list(principal: Principal, query: ListQueryDto): Promise<Page<ListDto>> {
    const [lists, total] = await this.lists.owned(principal.userId, query.offset, query.pageSize);
    const items = await this.lists.items(lists.map((list) => list.id));
    return toPage(
      lists.map((list) => toDto(list, items.get(list.id)!)),
      total,
      query,
    );
  }

  async get(principal: Principal, id: string): Promise<ListDto> {
    const list = await this.owned(principal, id);
    return toDto(list, (await this.lists.items([id])).get(id)!);
  }

  /** The block page's picker: a person's lists, each saying whether it holds the block. */
  choices(
    principal: Principal,
    assetId: string,
  ): Promise<{ id: string; name: string; holds: boolean }[]> {
    return this.lists.choices(principal.userId, assetId, MAX_LISTS_PER_PERSON);
  }

  /** The link in force for the owner, shown again on their page; undefined when not shared. */
  async shareLink(principal: Principal, id: string): Promise<ListShareLinkDto | undefined> {
    await this.owned(principal, id);
    return this.links.current(id);
  }

  async create(principal: Principal, dto: CreateListDto): Promise<ListDto> {
    checkVisibility(principal, dto.visibility);
    const id = await this.tx.run(async (manager) => {
      await this.lists.lockOwner(manager, principal.userId);
      if ((await this.lists.countOwned(manager, principal.userId)) >= MAX_LISTS_PER_PERSON)
        throw new DomainException(
          ListError.TooManyLists,
          `You keep ${MAX_LISTS_PER_PERSON} lists, the most one person may`,
        );
      return this.lists.insert(manager, principal.userId, {
        name: dto.name.trim(),
        description: dto.description?.trim() ?? '',
        visibility: dto.visibility ?? 'private',
        organisationId: principal.organisationId,
      });
    });
    return this.get(principal, id);
  }

  async update(
    principal: Principal,
    id: string,
    revision: number,
    dto: UpdateListDto,
  ): Promise<ListDto> {
    const list = await this.owned(principal, id);
    assertFresh(revision, list.revision);
    checkVisibility(principal, dto.visibility);
    const changed = await this.tx.run((manager) =>
      this.lists.update(manager, id, revision, {
        name: dto.name?.trim() ?? list.name,
        // null clears the description; left out, it stays.
        description:
          dto.description === undefined ? list.description : (dto.description?.trim() ?? ''),
        visibility: dto.visibility ?? list.visibility,
        organisationId: principal.organisationId,
      }),
    );
    if (!changed) await this.stale(principal, id);
    return this.get(principal, id);
  }

  async remove(principal: Principal, id: string, revision: number): Promise<void> {
    const list = await this.owned(principal, id);
    assertFresh(revision, list.revision);
    const removed = await this.tx.run((manager) => this.lists.delete(manager, id, revision));
    if (!removed) await this.stale(principal, id);
  }

  /** Puts a published block at the end of the list; `added` false when it was there already. */
  async addItem(
    principal: Principal,
    id: string,
    dto: AddItemDto,
  ): Promise<{ list: ListDto; added: boolean }> {
    const added = await this.changeItems(principal, id, async (manager, list) => {
      if (!(await this.lists.isListed(manager, dto.assetId)))
        throw new DomainException(
          ListError.AssetNotPublished,
          `Building block ${dto.assetId} is not published (or archived)`,
        );
      if ((await this.lists.order(manager, id)).includes(dto.assetId)) return false;
      if (list.itemCount >= MAX_ITEMS_PER_LIST)
        throw new DomainException(
          ListError.ListFull,
          `The list holds ${MAX_ITEMS_PER_LIST} building blocks, the most a list may`,
        );
      return this.lists.addItem(manager, id, dto.assetId, dto.note?.trim() ?? '');
    });
    return { list: await this.get(principal, id), added };
  }

  async updateItem(
    principal: Principal,
    id: string,
    assetId: string,
    dto: ChangeItemDto,
  ): Promise<ListDto> {
    await this.changeItems(principal, id, async (manager) => {
      const order = await this.lists.order(manager, id);
      if (!order.includes(assetId))
        throw new NotFoundError(ListError.ItemNotFound, 'item on the list for block', assetId);
      if (dto.note !== undefined) await this.lists.setNote(manager, id, assetId, dto.note.trim());
      if (dto.position !== undefined)
        await this.lists.setOrder(manager, id, moveTo(order, assetId, dto.position));
      return true;
    });
    return this.get(principal, id);
  }

  async removeItem(principal: Principal, id: string, assetId: string): Promise<ListDto> {
    await this.changeItems(principal, id, async (manager) => {
      if (!(await this.lists.removeItem(manager, id, assetId)))
        throw new NotFoundError(ListError.ItemNotFound, 'item on the list for block', assetId);
      await this.lists.setOrder(manager, id, await this.lists.order(manager, id));
      return true;
    });
    return this.get(principal, id);
  }

  async share(
    principal: Principal,
    id: string,
  ): Promise<{ link: ListShareLinkDto; created: boolean }> {
    await this.owned(principal, id);
    return this.links.share(id);
  }

  async unshare(principal: Principal, id: string): Promise<void> {
    await this.owned(principal, id);
    await this.lists.clearShare(id);
  }

  /** A list by its share link, for anyone holding it. */
  async shared(token: string): Promise<SharedListDto> {
    const list =
      token.length <= 100 ? await this.lists.findByShareHash(fingerprint(token)) : undefined;
    if (!list)
      throw new DomainException(ListError.SharedNotFound, 'This link does not (or no longer) work');
    return toShared(list, (await this.lists.items([list.id])).get(list.id)!);
  }

  /** The public lists of an organisation's people, for its page. */
  async publicOf(organisationId: string): Promise<SharedListDto[]> {
    const lists = (await this.lists.publicOf(organisationId, PUBLIC_LISTS_SHOWN)).filter((list) =>
      ListPolicy.isPublic(list),
    );
    const items = await this.lists.items(lists.map((list) => list.id));
    return lists.map((list) => toShared(list, items.get(list.id)!));
  }

  /** The list with its items as stored, for the owner only (a course is made from it). */
  async ownedItems(
    principal: Principal,
    id: string,
  ): Promise<{ list: BlockList; items: ListItem[] }> {
    const list = await this.owned(principal, id);
    return { list, items: (await this.lists.items([id])).get(id)! };
  }

  private async owned(principal: Principal, id: string): Promise<BlockList> {
    const list = await this.lists.find(id);
    if (!list || !ListPolicy.mayRead(principal, list))
      throw new NotFoundError(ListError.NotFound, 'list', id);
    return list;
  }

  /** A change of items: under the list's lock, its owner's only, and a new revision of it. */
  private async changeItems<T>(
    principal: Principal,
    id: string,
    change: (manager: EntityManager, list: BlockList) => Promise<T>,
  ): Promise<T> {
    return this.tx.run(async (manager) => {
      const list = await this.lists.lock(manager, id);
      if (!list || !ListPolicy.mayEdit(principal, list))
        throw new NotFoundError(ListError.NotFound, 'list', id);
      const result = await change(manager, list);
      if (result) await this.lists.touch(manager, id);
      return result;
    });
  }

  /** A write at a revision found none: gone (404) or changed meanwhile (412). */
  private async stale(principal: Principal, id: string): Promise<never> {
    const list = await this.owned(principal, id);
    throw new PreconditionFailedError(toEtag(list.revision));
  }
}

function toItemDto(item: ListItem): ListItemDto {
  return {
    position: item.position,
    assetId: item.assetId,
    kind: item.kind,
    title: item.title,
    ppsName: item.ppsName,
    note: item.note,
    available: item.available,
    addedAt: item.addedAt.toISOString(),
  };
}

function toDto(list: BlockList, items: ListItem[]): ListDto {
  return {
    id: list.id,
    name: list.name,
    description: list.description,
    visibility: list.visibility,
    shared: list.shared,
    itemCount: items.length,
    items: items.map(toItemDto),
    revision: list.revision,
    updatedAt: list.updatedAt.toISOString(),
  };
}

function toShared(list: BlockList, items: ListItem[]): SharedListDto {
  return {
    id: list.id,
    name: list.name,
    description: list.description,
    items: items.map(toItemDto),
    updatedAt: list.updatedAt.toISOString(),
  };
}

/**
 * "public" asked for by an account without an organisation (ListPolicy.mayMakePublic): refused
 * at the field, nothing stored. A list made public earlier and left as it is stays so.
 */
function checkVisibility(principal: Principal, visibility: string | undefined): void {
  if (visibility === 'public' && !ListPolicy.mayMakePublic(principal))
    throw new ValidationFailedError([
      {
        field: 'visibility',
        message: 'a public list shows on the page of your organisation, and your account has none',
        code: FieldCode.PublicNeedsOrganisation,
      },
    ]);
}
