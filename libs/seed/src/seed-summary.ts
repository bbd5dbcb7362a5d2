export interface UnresolvedPartner {
  organisation: string;
  ppsAsWritten: string;
  reason: string;
}

export interface SeedSummary {
  vocabularies: { termsChanged: number };
  organisations: { created: number; aliasesAdded: number };
  pps: { created: number; unchanged: number };
  partners: { created: number; unchanged: number; unresolved: UnresolvedPartner[] };
  demo?: {
    ppsProfilesFilled: number;
    assetsCreated: number;
    assetsUnchanged: number;
    reusesCreated: number;
    /** Whether the reference qualification structure was (re)loaded on this run. */
    qualificationsLoaded: boolean;
    /** Demo sign-ins made on this run (only with DEMO_ACCOUNTS_PASSWORD). */
    accountsCreated?: string[];
  };
}

export function totalChanges(summary: SeedSummary): number {
  return (
    summary.vocabularies.termsChanged +
    summary.organisations.created +
    summary.organisations.aliasesAdded +
    summary.pps.created +
    summary.partners.created +
    (summary.demo
      ? summary.demo.ppsProfilesFilled + summary.demo.assetsCreated + summary.demo.reusesCreated
      : 0)
  );
}
