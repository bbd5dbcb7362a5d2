/**
 * The part of organisations that needs neither Nest nor TypeORM (`@bouwsteen/organisations/pure`):
 * who may act for a PPS, the error codes and the directory's rule.
 */
export * from './pps.policy';
export * from './organisation.errors';
export * from './pps-directory';
