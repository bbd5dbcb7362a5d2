import type { Principal } from '@bouwsteen/auth/pure';
import { PpsPolicy } from '@bouwsteen/organisations/pure';

/** Which unpublished drafts a reader may see: all (admins, LLO offices), their PPS's, or none. */
export interface ReaderScope {
  allDrafts: boolean;
  ppsIds: string[];
}

/**
 * Who may read and who may change an asset — the one place these rules live. Published and
 * archived assets are public. A draft exists only for its PPS's editors, admins and LLO
 * offices (who "read everything"); to anyone else it is not there at all (404, never 403).
 * An asset is changed by its PPS's editors and admins (see PpsPolicy).
 */
export const AssetPolicy = {
  canReadDrafts(principal: Principal | undefined, ppsId: string): boolean {
    if (!principal) return false;
    return principal.role === 'llo-office' || PpsPolicy.canEdit(principal, ppsId);
  },

  canRead(principal: Principal | undefined, asset: { status: string; ppsId: string }): boolean {
    return asset.status !== 'draft' || AssetPolicy.canReadDrafts(principal, asset.ppsId);
  },

  /** The change log shows drafts of every PPS and who wrote them: admins only. */
  canReadChangeLog(principal: Principal | undefined): boolean {
    return principal?.role === 'admin';
  },

  canEdit(principal: Principal | undefined, ppsId: string): boolean {
    return PpsPolicy.canEdit(principal, ppsId);
  },

  /** The same rule as canReadDrafts, in a form queries can apply to many rows at once. */
  readerScope(principal: Principal | undefined): ReaderScope {
    if (!principal) return { allDrafts: false, ppsIds: [] };
    if (principal.role === 'admin' || principal.role === 'llo-office')
      return { allDrafts: true, ppsIds: [] };
    return { allDrafts: false, ppsIds: principal.role === 'pps-editor' ? principal.ppsIds : [] };
  },

  /**
   * SQL for "the reader may see drafts of the PPS of asset row `alias`", given placeholders for
   * a scope's allDrafts (boolean) and ppsIds (uuid[]).
   */
  draftsVisibleSql(alias: string, allDrafts: string, ppsIds: string): string {
    return `(${allDrafts} OR ${alias}.pps_id = ANY(CAST(${ppsIds} AS uuid[])))`;
  },

  /** canRead as SQL: asset row `alias` is visible to the scope in the placeholders. */
  readableSql(alias: string, allDrafts: string, ppsIds: string): string {
    return `(${alias}.status <> 'draft' OR ${AssetPolicy.draftsVisibleSql(alias, allDrafts, ppsIds)})`;
  },
};
