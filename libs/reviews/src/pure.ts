/**
 * The part of reviews that needs neither Nest nor TypeORM (`@bouwsteen/reviews/pure`): who may
 * write, answer and report reviews, what a review holds and how reviews add up, the error codes.
 */
export * from './review.policy';
export * from './review-rules';
export * from './review.errors';
