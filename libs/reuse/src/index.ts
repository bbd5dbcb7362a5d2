export * from './reuse.module';
export * from './reuse.service';
export * from './dto/reuse.dto';
export * from './reuse.repository';
export * from './reuse.errors';
