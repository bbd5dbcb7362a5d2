import type { Principal } from '@bouwsteen/auth/pure';

/** A list as the policy needs it. */
export interface ListAccessFacts {
  ownerUserId: string;
  visibility: 'private' | 'public';
}

/**
 * Who may read and change a list or a saved search. They are personal: only their owner sees
 * and changes them — admins included, no one reads another's private list. A list is read by
 * others only as its owner chose: through its share link (anyone holding it, signed in or not;
 * checked by the link itself) or, when public, on the page of its owner's organisation.
 */
export const ListPolicy = {
  /** Any signed-in person may keep lists and saved searches. */
  mayKeep(principal: Principal | undefined): principal is Principal {
    return principal !== undefined;
  },

  mayEdit(principal: Principal | undefined, list: { ownerUserId: string }): boolean {
    return principal !== undefined && principal.userId === list.ownerUserId;
  },

  /** Reading by id (the API, "Mijn lijsten"): the owner only; others get a 404, never a 403. */
  mayRead(principal: Principal | undefined, list: ListAccessFacts): boolean {
    return this.mayEdit(principal, list);
  },

  /** Whether the list shows on its owner's organisation page, to anyone. */
  isPublic(list: ListAccessFacts): boolean {
    return list.visibility === 'public';
  },

  /**
   * Whether this person may make a list public: a public list shows on the page of its owner's
   * organisation, so an account without one (it would show on no page) may not; the pages do
   * not offer it then, and the service refuses it (400 at `visibility`).
   */
  mayMakePublic(principal: Principal): boolean {
    return principal.organisationId !== null;
  },

  /** Whether this person may make a course of a list (an LLO office, or an admin). */
  mayStartCourse(principal: Principal | undefined): boolean {
    return principal?.role === 'llo-office' || principal?.role === 'admin';
  },
};
