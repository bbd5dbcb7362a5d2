/**
 * The part of auth that needs neither Nest nor TypeORM (`@bouwsteen/auth/pure`): roles, the
 * principal, the admission rule, the error codes and how an account's e-mail address is read.
 */
export * from './roles';
export * from './principal';
export * from './identity/identity-provider';
export * from './admission';
export * from './auth.errors';
export * from './passwords/password-link-rules';
export * from './sessions/browser-summary';
export * from './email-address';
export * from './federation/home-organisations';
export * from './federation/affiliation-role';
