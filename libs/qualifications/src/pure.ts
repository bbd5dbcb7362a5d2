/**
 * The part of qualifications that needs neither Nest nor TypeORM
 * (`@bouwsteen/qualifications/pure`): the file's shape, the SBB XML parser, its Dutch messages
 * and the error codes.
 */
export * from './qualification-file';
export * from './qualification-messages';
export * from './coverage-rules';
export * from './qualification.errors';
export * from './sbb-xml';
export * from './qualification-overview';
