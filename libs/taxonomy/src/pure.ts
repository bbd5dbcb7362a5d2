/**
 * The part of taxonomy that needs neither Nest nor TypeORM (`@bouwsteen/taxonomy/pure`): the
 * vocabularies, the code checker, labels and the OBK levels.
 */
export * from './vocabulary';
export * from './code-checker';
export * from './taxonomy.errors';
export * from './label-book';
export * from './obk-levels';
