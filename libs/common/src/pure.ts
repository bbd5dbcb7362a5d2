/**
 * The part of common that needs neither Nest nor TypeORM: what pure modules of any library and
 * unit specs import (`@bouwsteen/common/pure`). index.ts exports this and the framework parts.
 */
export * from './problem-catalogue';
export * from './common.errors';
export * from './domain.exception';
export * from './messages/field-codes';
export * from './messages/field-errors';
export * from './problem-mapping';
export * from './validation';
export * from './etag';
export * from './text';
export * from './project-path';
export * from './status-problems';
export * from './http/json-depth';
export * from './http/text-safety';
export * from './http/text-normalisation';
export * from './http/request-guards';
export * from './http/body-errors';
export * from './http/client-error';
export * from './dates';
export * from './formats';
export * from './text-length';
export * from './ttl-cache';
export * from './net/public-address';
export * from './net/address-prefix';
export * from './net/public-http-client';
export * from './csv';
export * from './fingerprint';
export * from './share-tokens';
export * from './loggable-error';
export * from './euros';
export * from './page-total';
