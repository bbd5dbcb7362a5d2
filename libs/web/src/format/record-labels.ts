/* Pure tables (no Nest): the unit tier and the pages read them. */

/** Roles as people call them. */
export const ROLE_LABELS: Record<string, string> = {
  admin: 'Beheerder',
  'pps-editor': 'Projectleider PPS',
  'llo-office': 'LLO-loket',
  teacher: 'Docent',
};

/**
 * The fields of accounts, PPS and organisations by their API names, as the admin forms name
 * them: the one table for those forms' error summaries and the audit trail's "which fields".
 * (A building block's fields are in the field catalogue, libs/assets/src/fields.)
 */
export const RECORD_FIELD_LABELS: Record<
  'account' | 'pps' | 'organisation',
  Record<string, string>
> = {
  account: {
    email: 'E-mailadres',
    displayName: 'Naam',
    password: 'Wachtwoord',
    role: 'Rol',
    ppsIds: 'PPS',
    organisationId: 'Organisatie',
    active: 'Account actief',
  },
  pps: {
    name: 'Naam',
    leadOrganisationId: 'Penvoerende instelling',
    provinces: 'Provincie',
    configurations: 'Configuratie',
    buildingBlocks: 'Bouwstenen',
    provincialThemes: 'Provinciaal thema',
    societalChallenges: 'Maatschappelijke opgave',
    focus: 'Focus',
    growthPhase: 'Groeifase',
    wave: 'Golf',
    coordinationPosition: 'Positie van de regie',
    sustainmentModel: 'Borgingsmodel',
    funding: 'Financiering',
    status: 'Status',
    purpose: 'Doel',
    impact: 'Bereik',
    website: 'Website',
    partners: 'Partners',
  },
  organisation: {
    name: 'Naam',
    shortName: 'Korte naam',
    type: 'Soort organisatie',
    aliases: 'Andere namen',
    domains: 'Domeinen voor inloggen met instellingsaccount',
    kvkNumber: 'KvK-nummer',
    brinCode: 'BRIN-code',
    website: 'Website',
    addresses: 'Adressen',
  },
};
