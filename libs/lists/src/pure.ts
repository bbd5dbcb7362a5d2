/**
 * The part of lists that needs neither Nest nor TypeORM (`@bouwsteen/lists/pure`): who may read
 * and change a list, the bounds and ordering rules, and the error codes.
 */
export * from './list.policy';
export * from './list-rules';
export * from './lists.errors';
