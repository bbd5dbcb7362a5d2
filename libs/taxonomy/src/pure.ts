/**
 * The part of taxonomy that needs neither Nest nor TypeORM (`@bouwsteen/taxonomy/pure`): the
 * vocabularies, the code checker, labels, the OBK levels and the Dutch message catalogue.
 */
export * from './vocabulary';
export * from './code-checker';
export * from './taxonomy.errors';
export * from './label-book';
export * from './obk-levels';
export * from './obk-disciplines';
export * from './messages/nl';
export { dutchNumber, kindName } from './messages/wording';
