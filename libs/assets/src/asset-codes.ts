/**
 * The fixed codes of the asset model, in one framework-free place: the entity, the DTOs, the
 * import columns and the pages all read them from here.
 */
export const ASSET_KINDS = ['curriculum', 'module', 'infrastructure', 'practice'] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];
export const ASSET_STATUSES = ['draft', 'published', 'archived'] as const;
export type AssetStatus = (typeof ASSET_STATUSES)[number];

export const LINK_TYPES = [
  'website',
  'document',
  'video',
  'elearning',
  'repository',
  'other',
] as const;
export const STUDY_LOAD_UNITS = ['hour', 'sbu', 'ects'] as const;
/** The highest price per participant, in cents (€ 100.000,00): a module's price and a course's extras, in the API, the forms and an import. */
export const PRICE_MAX_CENTS = 10_000_000;
