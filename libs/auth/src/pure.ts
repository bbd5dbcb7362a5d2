/**
 * The part of auth that needs neither Nest nor TypeORM (`@bouwsteen/auth/pure`): roles, the
 * principal, the admission rule and the error codes.
 */
export * from './roles';
export * from './principal';
export * from './identity/identity-provider';
export * from './admission';
export * from './auth.errors';
export * from './passwords/password-link-rules';
export * from './sessions/browser-summary';
