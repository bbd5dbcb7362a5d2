import type { AssetKind } from './asset-codes';

/** A field a building block needs before it may be published (a draft may still lack it). */
export interface PublishNeed {
  property: string;
  /** Only for these kinds; every kind when absent. */
  kinds?: readonly AssetKind[];
}

const NEEDS = new Map<object, PublishNeed[]>();

/**
 * Marks a DTO property as needed to publish: a draft saves without it, the publish step (one
 * request or an import) refuses a version that lacks it. Written on the DTO beside the
 * property's own rules, so the completeness check, the form's marks and the API description
 * all read the same list. The property itself stays optional for drafts (OptionalNotNull or
 * IsOptional, written beside it).
 */
export function NeededToPublish(kinds?: readonly AssetKind[]): PropertyDecorator {
  return (target, property) => {
    const owner = target.constructor;
    NEEDS.set(owner, [...(NEEDS.get(owner) ?? []), { property: String(property), kinds }]);
  };
}

/** The properties of `dto` (a class) needed to publish a block of `kind`, in declaration order. */
export function publishNeedsOf(dto: object, kind: AssetKind): string[] {
  return (NEEDS.get(dto) ?? [])
    .filter((need) => !need.kinds || need.kinds.includes(kind))
    .map((need) => need.property);
}
