/**
 * The part of mail that needs neither Nest nor TypeORM (`@bouwsteen/mail/pure`): the mail
 * types and their labels, the preference and digest rules, unsubscribe tokens, sealing, the
 * templates and the error codes.
 */
export * from './mail-types';
export * from './mail-rules';
export * from './notification-templates';
export * from './unsubscribe-token';
export * from './sealing';
export * from './mail.errors';
export * from './templates/layout';
export * from './templates/mails';
