import {
  KNOWN_LANGUAGES,
  deliveryModesShownAs,
  languagesShownAs,
  levelShownAs,
} from './ooapi-mapping';
import { SortKey } from './ooapi-parameters';

/**
 * The SQL of OOAPI's filters and orders over the published surface (`a`, asset_published),
 * each the inverse of how ooapi-mapping shows a field, so a filter matches what is shown.
 */
export class SqlFilter {
  readonly conditions: string[] = [];
  readonly params: unknown[] = [];

  /** A placeholder for a value. */
  value(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  add(condition: string): this {
    this.conditions.push(condition);
    return this;
  }

  where(): string {
    return this.conditions.length ? `WHERE ${this.conditions.join(' AND ')}` : '';
  }

  /** The spec's `q`: a partial match, case-insensitive, on any of these expressions. */
  contains(expressions: string[], q: string | undefined): this {
    if (q === undefined) return this;
    const pattern = this.value(`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    return this.add(`(${expressions.map((e) => `${e} ILIKE ${pattern}`).join(' OR ')})`);
  }

  /** teachingLanguage as ooapi-mapping names it (an unknown language shows as nld). */
  teachingLanguage(column: string, value: string | undefined): this {
    if (value === undefined) return this;
    const { codes, others } = languagesShownAs(value);
    const named = `${column} = ANY(${this.value(codes)}::text[])`;
    return this.add(
      others ? `(${named} OR NOT ${column} = ANY(${this.value(KNOWN_LANGUAGES)}::text[]))` : named,
    );
  }

  modesOfDelivery(column: string, modes: string[] | undefined): this {
    if (modes === undefined) return this;
    return this.add(`${column} && ${this.value(deliveryModesShownAs(modes))}::text[]`);
  }

  /** The level shown (ooapiLevel): by the number of mbo levels, entree counting as 1. */
  level(column: string, level: string | undefined): this {
    if (level === undefined) return this;
    const match = levelShownAs(level);
    const mbo = `(SELECT count(*) FROM unnest(${column}) l WHERE l = 'entree' OR l ~ '^mbo-[0-9]$')`;
    if (match.mbo === 'one')
      return this.add(`${mbo} = 1 AND ${column} && ${this.value(match.codes)}::text[]`);
    if (match.mbo === 'several') return this.add(`${mbo} > 1`);
    if (match.mbo === 'none')
      return this.add(`${mbo} = 0 AND ${match.associateDegree ? '' : 'NOT '}'ad' = ANY(${column})`);
    return this.add('FALSE');
  }

  equals(expression: string, value: string | undefined): this {
    return value === undefined ? this : this.add(`${expression} = ${this.value(value)}`);
  }
}

/** ORDER BY for a sort, each attribute its column, the id last so that pages never overlap. */
export function orderBy<F extends string>(
  sort: SortKey<F>[],
  columns: Record<F, string>,
  id: string,
): string {
  const keys = sort.map((key) => `${columns[key.field]}${key.descending ? ' DESC' : ''}`);
  if (!sort.some((key) => columns[key.field] === id)) keys.push(id);
  return `ORDER BY ${keys.join(', ')}`;
}
