/**
 * The part of config that needs no Nest (`@bouwsteen/config/pure`): the settings' types, their
 * defaults and the one function that reads and checks them.
 */
export * from './app-config';
export * from './load-config';
export * from './oidc-config';
