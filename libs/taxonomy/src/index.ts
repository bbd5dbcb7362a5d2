export * from './pure';
export * from './taxonomy.service';
export * from './taxonomy.repository';
export * from './taxonomy.module';
export * from './taxonomy-term.entity';
