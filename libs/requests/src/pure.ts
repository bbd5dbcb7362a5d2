/**
 * The part of requests that needs neither Nest nor TypeORM (`@bouwsteen/requests/pure`): who
 * may read requests, how often one may send them, how long they are kept, and the error codes.
 */
export * from './request.policy';
export * from './request-rules';
export * from './request.errors';
