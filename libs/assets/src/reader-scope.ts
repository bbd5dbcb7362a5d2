import { Principal } from '@bouwsteen/auth';

/** Which unpublished drafts a reader may see: all (admin, LLO office), their PPS's, or none. */
export interface ReaderScope {
  allDrafts: boolean;
  ppsIds: string[];
}

export function readerScope(principal: Principal | undefined): ReaderScope {
  if (!principal) return { allDrafts: false, ppsIds: [] };
  if (principal.role === 'admin' || principal.role === 'llo-office')
    return { allDrafts: true, ppsIds: [] };
  return { allDrafts: false, ppsIds: principal.role === 'pps-editor' ? principal.ppsIds : [] };
}
