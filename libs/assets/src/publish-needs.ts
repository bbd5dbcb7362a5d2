const NEEDS = new Map<object, string[]>();

/**
 * Marks a DTO property as needed to publish: a draft saves without it, the publish step (one
 * request or an import) refuses a version that lacks it. Written on the DTO beside the
 * property's own rules, so the completeness check, the form's marks and the import templates
 * all read the same list. The property itself stays optional for drafts (IsOptional, written
 * beside it): a draft may be without it, and `null` in a PATCH clears it, unless the block is
 * published (completeness.ts, takenFromPublished). A kind's own fields are marked on its
 * section's DTO.
 */
export function NeededToPublish(): PropertyDecorator {
  return (target, property) => {
    const owner = target.constructor;
    NEEDS.set(owner, [...(NEEDS.get(owner) ?? []), String(property)]);
  };
}

/** The properties of `dto` (a class) needed to publish, in declaration order. */
export function publishNeedsOf(dto: object): readonly string[] {
  return NEEDS.get(dto) ?? [];
}
