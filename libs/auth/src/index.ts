export * from './roles';
export * from './principal';
export * from './auth.decorator';
export * from './current-principal.decorator';
export * from './auth.module';
export * from './users.service';
export * from './identity/identity-provider';
export * from './auth.errors';
