/**
 * The part of usage that needs neither Nest nor TypeORM (`@bouwsteen/usage/pure`): who reads
 * which figures, the known robots, what counts as one view and where it came from, and the
 * error codes.
 */
export * from './usage.policy';
export * from './usage-rules';
export * from './bots';
export * from './usage.errors';
