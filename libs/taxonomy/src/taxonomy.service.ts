import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock, NotFoundError } from '@bouwsteen/common';
import { CodeChecker } from './code-checker';
import { TaxonomyRepository } from './taxonomy.repository';
import { Term, VOCABULARIES, Vocabulary } from './vocabulary';
import { TaxonomyError } from './taxonomy.errors';

const CACHE_TTL_MS = 60_000;

/**
 * Serves the vocabularies from a short-lived in-memory copy: they change only when the seed runs,
 * and every write validates several codes, so reading them per request would be wasteful.
 */
@Injectable()
export class TaxonomyService {
  private cache?: { loadedAt: number; terms: Map<string, Map<string, Term>> };

  constructor(
    private readonly repository: TaxonomyRepository,
    private readonly clock: Clock,
  ) {}

  invalidate(): void {
    this.cache = undefined;
  }

  /** `manager`: read inside the caller's transaction when the copy must be refreshed. */
  async vocabularies(manager?: EntityManager): Promise<Map<string, Map<string, Term>>> {
    const now = this.clock.now().getTime();
    if (this.cache && now - this.cache.loadedAt < CACHE_TTL_MS) return this.cache.terms;
    const rows = await this.repository.findAll(manager);
    const terms = new Map<string, Map<string, Term>>();
    for (const row of rows) {
      if (!terms.has(row.vocabulary)) terms.set(row.vocabulary, new Map());
      terms.get(row.vocabulary)!.set(row.code, {
        code: row.code,
        label: row.label,
        labelEn: row.labelEn,
        attributes: row.attributes,
      });
    }
    this.cache = { loadedAt: now, terms };
    return terms;
  }

  async terms(vocabulary: string): Promise<Term[]> {
    if (!(VOCABULARIES as readonly string[]).includes(vocabulary)) {
      throw new NotFoundError(TaxonomyError.VocabularyNotFound, 'vocabulary', vocabulary);
    }
    return [...((await this.vocabularies()).get(vocabulary)?.values() ?? [])];
  }

  async term(
    vocabulary: Vocabulary,
    code: string,
    manager?: EntityManager,
  ): Promise<Term | undefined> {
    return (await this.vocabularies(manager)).get(vocabulary)?.get(code);
  }

  /** Starts a check that collects every unknown code before failing once with all of them. */
  async checker(manager?: EntityManager): Promise<CodeChecker> {
    return new CodeChecker(await this.vocabularies(manager));
  }
}
