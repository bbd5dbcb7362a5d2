/**
 * The part of assets that needs neither Nest nor TypeORM (`@bouwsteen/assets/pure`): its codes,
 * who may read and edit (AssetPolicy), the licence rules, the ports it defines and its errors.
 */
export * from './asset-codes';
export * from './asset.policy';
export * from './license-policy';
export * from './linked-data';
export * from './duplicate-check';
export * from './asset.errors';
export { wholeSeconds } from './whole-seconds';
