import { randomUUID } from 'node:crypto';
import { FieldCode, FieldError } from '@bouwsteen/common/pure';

/** An offering as stored and sent: its own id, its dates, its place (and more, kept as is). */
export interface IdentifiedOffering {
  id?: string;
  period: { start?: string; end?: string };
  location?: string;
  seats?: number;
}

const saysSomething = (offering: IdentifiedOffering) =>
  Boolean(offering.period.start || offering.period.end || offering.location || offering.seats);

const sameRun = (a: IdentifiedOffering, b: IdentifiedOffering) =>
  a.period.start === b.period.start &&
  a.period.end === b.period.end &&
  (a.location ?? '') === (b.location ?? '');

/**
 * Gives each offering of an edit its identity (OOAPI's offeringId), so that changing an
 * offering's dates or place keeps its id:
 *
 * 1. an offering sent with an id keeps it — it must be one of this block's own (`previous`);
 * 2. one sent without (a form or an import file carries none) takes the id of a stored
 *    offering with the same dates and place;
 * 3. the rest take the stored ids still free, in order (a form lists the offerings in their
 *    stored order: the one whose place or dates were edited keeps its id);
 * 4. what is left is a new offering, with a new id — unless it says nothing (no dates, place
 *    or seats: an import file cannot even write it), which stays without one.
 *
 * Each stored id goes to one offering at most.
 */
export function identifyOfferings<T extends IdentifiedOffering>(
  previous: readonly IdentifiedOffering[],
  next: readonly T[],
  field: string,
  newId: () => string = randomUUID,
): { offerings: (T & { id?: string })[]; problems: FieldError[] } {
  const own = new Set(previous.map((offering) => offering.id).filter(Boolean));
  const taken = new Set<string>();
  const problems: FieldError[] = [];
  const ids: (string | undefined)[] = next.map((offering, index) => {
    if (offering.id === undefined) return undefined;
    const id = offering.id.toLowerCase();
    if (!own.has(id))
      problems.push({
        field: `${field}.${index}.id`,
        message: 'is not an offering of this building block; leave it out for a new one',
        code: FieldCode.UnknownOffering,
      });
    else if (taken.has(id))
      problems.push({
        field: `${field}.${index}.id`,
        message: 'is given to another offering already',
        code: FieldCode.ListedTwice,
      });
    taken.add(id);
    return id;
  });
  const free = (stored: IdentifiedOffering | undefined) =>
    stored?.id !== undefined && !taken.has(stored.id) ? stored.id : undefined;
  next.forEach((offering, index) => {
    if (ids[index] !== undefined) return;
    const id = free(previous.find((stored) => free(stored) && sameRun(stored, offering)));
    if (id) taken.add((ids[index] = id));
  });
  const left = previous.filter((stored) => free(stored));
  next.forEach((offering, index) => {
    if (ids[index] !== undefined || !saysSomething(offering)) return;
    const id = free(left.shift());
    if (id) taken.add((ids[index] = id));
  });
  return {
    offerings: next.map((offering, index) => {
      const id = ids[index] ?? (saysSomething(offering) ? newId() : undefined);
      return id === undefined ? offering : { ...offering, id };
    }),
    problems,
  };
}
