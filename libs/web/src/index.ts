export * from './web.module';
export * from './http/site-error.filter';
export * from './layout/site-renderer';
