export * from './vocabulary';
export * from './taxonomy.service';
export * from './taxonomy.repository';
export * from './taxonomy.module';
export * from './taxonomy-term.entity';
export * from './taxonomy.errors';
export * from './label-book';
export * from './obk-levels';
