import { Injectable } from '@nestjs/common';
import { Principal } from '@bouwsteen/auth';
import {
  DomainException,
  NotFoundError,
  Page,
  PreconditionFailedError,
  ValidationFailedError,
  assertFresh,
  createValidationPipe,
  toEtag,
  toPage,
  unsafeTextFields,
} from '@bouwsteen/common';
import { TransactionRunner } from '@bouwsteen/database';
import { SearchQueryDto, SearchService } from '@bouwsteen/search';
import {
  CreateSavedSearchDto,
  SavedSearchDto,
  SavedSearchQueryDto,
  UpdateSavedSearchDto,
} from './dto/saved-search.dto';
import { MAX_SAVED_SEARCHES_PER_PERSON } from './list-rules';
import { ListPolicy } from './list.policy';
import { ListError } from './lists.errors';
import { SavedSearch, SavedSearchesRepository } from './saved-searches.repository';

/** What a saved search leaves out of a search: which page, how many, which facets to count. */
const NOT_SAVED = new Set(['pageNumber', 'pageSize', 'facets']);

const pipe = createValidationPipe();

/**
 * Saved searches: a search of GET /api/v1/search (words and filters) under a name, checked as
 * that search checks it, and stored in one canonical form. Their owner's alone (ListPolicy).
 */
@Injectable()
export class SavedSearchesService {
  constructor(
    private readonly searches: SavedSearchesRepository,
    private readonly search: SearchService,
    private readonly tx: TransactionRunner,
  ) {}

  async list(principal: Principal, query: SavedSearchQueryDto): Promise<Page<SavedSearchDto>> {
    const [rows, total] = await this.searches.owned(principal.userId, query.offset, query.pageSize);
    return toPage(rows.map(toDto), total, query);
  }

  async get(principal: Principal, id: string): Promise<SavedSearchDto> {
    return toDto(await this.owned(principal, id));
  }

  async create(principal: Principal, dto: CreateSavedSearchDto): Promise<SavedSearchDto> {
    const query = await this.canonical(dto.query);
    const id = await this.tx.run(async (manager) => {
      await this.searches.lockOwner(manager, principal.userId);
      if (
        (await this.searches.countOwned(manager, principal.userId)) >= MAX_SAVED_SEARCHES_PER_PERSON
      )
        throw new DomainException(
          ListError.TooManySavedSearches,
          `You keep ${MAX_SAVED_SEARCHES_PER_PERSON} saved searches, the most one person may`,
        );
      return this.searches.insert(manager, principal.userId, {
        name: dto.name.trim(),
        query,
        alerts: dto.alerts ?? false,
      });
    });
    return this.get(principal, id);
  }

  async update(
    principal: Principal,
    id: string,
    revision: number,
    dto: UpdateSavedSearchDto,
  ): Promise<SavedSearchDto> {
    const found = await this.owned(principal, id);
    assertFresh(revision, found.revision);
    const query = dto.query === undefined ? found.query : await this.canonical(dto.query);
    const changed = await this.searches.update(id, revision, {
      name: dto.name?.trim() ?? found.name,
      query,
      alerts: dto.alerts ?? found.alerts,
    });
    if (!changed) await this.stale(principal, id);
    return this.get(principal, id);
  }

  async remove(principal: Principal, id: string, revision: number): Promise<void> {
    const found = await this.owned(principal, id);
    assertFresh(revision, found.revision);
    if (!(await this.searches.delete(id, revision))) await this.stale(principal, id);
  }

  /** The search a stored (canonical, checked) query string asks for: the alert run reads it. */
  async searchQuery(query: string): Promise<SearchQueryDto> {
    return (await pipe.transform(Object.fromEntries(new URLSearchParams(query)), {
      type: 'query',
      metatype: SearchQueryDto,
    })) as SearchQueryDto;
  }

  /**
   * A query string as GET /api/v1/search reads it, refused with field errors (`query.<name>`)
   * where that search would refuse it; stored with its parameters in a fixed order.
   */
  async canonical(query: string): Promise<string> {
    const raw: Record<string, string> = {};
    for (const [key, value] of new URLSearchParams(query.replace(/^\?/, ''))) {
      if (NOT_SAVED.has(key) || value.trim() === '') continue;
      raw[key] = raw[key] === undefined ? value : `${raw[key]},${value}`;
    }
    try {
      // What /zoeken and the API refuse in a query (a NUL, unreadable bytes) is refused here too.
      const unsafe = unsafeTextFields(raw);
      if (unsafe.length > 0) throw new ValidationFailedError(unsafe);
      const dto = (await pipe.transform(raw, {
        type: 'query',
        metatype: SearchQueryDto,
      })) as SearchQueryDto;
      await this.search.params(dto);
    } catch (error) {
      if (error instanceof ValidationFailedError)
        throw new ValidationFailedError(
          (error.errors ?? []).map((fieldError) => ({
            ...fieldError,
            field: `query.${fieldError.field}`,
          })),
        );
      throw error;
    }
    return new URLSearchParams(
      Object.keys(raw)
        .sort()
        .map((key): [string, string] => [key, raw[key]]),
    ).toString();
  }

  private async owned(principal: Principal, id: string): Promise<SavedSearch> {
    const found = await this.searches.find(id);
    if (!found || !ListPolicy.mayEdit(principal, found))
      throw new NotFoundError(ListError.SavedSearchNotFound, 'saved search', id);
    return found;
  }

  private async stale(principal: Principal, id: string): Promise<never> {
    throw new PreconditionFailedError(toEtag((await this.owned(principal, id)).revision));
  }
}

function toDto(search: SavedSearch): SavedSearchDto {
  return {
    id: search.id,
    name: search.name,
    query: search.query,
    alerts: search.alerts,
    checkedUntil: search.checkedUntil.toISOString(),
    revision: search.revision,
    createdAt: search.createdAt.toISOString(),
  };
}
