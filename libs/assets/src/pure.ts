/**
 * The part of assets that needs neither Nest nor TypeORM (`@bouwsteen/assets/pure`): its codes,
 * who may read and edit (AssetPolicy), the licence rules, the ports it defines and its errors,
 * and the field catalogue (labels, help, limits; the catalogue of the real DTOs is ASSET_FIELDS).
 */
export * from './asset-codes';
export * from './asset.policy';
export * from './license-policy';
export * from './linked-data';
export * from './duplicate-check';
export * from './asset.errors';
export { wholeSeconds } from './whole-seconds';
export * from './fields/dutch-limits';
export * from './fields/record-texts';
export * from './fields/field-texts';
export * from './fields/field-catalogue';
