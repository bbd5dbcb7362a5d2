import { RECORD_FIELD_LABELS, ROLE_LABELS } from '../../format/record-labels';

/**
 * The audit trail in Dutch. The trail stores what happened in the services' own terms (an
 * action code, a subject type and a summary such as "a@b.nl: role, ppsIds" or "a@b.nl
 * (pps-editor)"), as the API hands it out; a page words it here, from the one table of
 * field names and roles, so no code or English field name reaches the screen.
 */

type Subject = keyof typeof RECORD_FIELD_LABELS;

const SUBJECTS: Record<string, string> = {
  account: 'Account',
  pps: 'PPS',
  organisation: 'Organisatie',
  asset: 'Concept van een bouwsteen',
};

/** Actions of the audit trail and of a building block's versions. */
export const ACTION_WORDS: Record<string, string> = {
  edited: 'bewerkt',
  published: 'gepubliceerd',
  archived: 'gearchiveerd',
  created: 'aangemaakt',
  updated: 'gewijzigd',
  deactivated: 'gedeactiveerd',
  discarded: 'weggegooid',
  deleted: 'verwijderd',
};

/** Whole summaries after "<e-mail>: " that are no list of fields. */
const EVENTS: Record<string, string> = {
  'signed out everywhere': 'overal uitgelogd',
  'invitation link': 'uitnodigingslink gemaakt',
  'password reset link': 'link voor een nieuw wachtwoord gemaakt',
  'password (chosen by its owner)': 'wachtwoord gekozen door de eigenaar',
  'password (chosen through a invitation link)': 'wachtwoord gekozen via de uitnodigingslink',
  'password (chosen through a reset link)':
    'wachtwoord gekozen via een link voor een nieuw wachtwoord',
  'deleted by its owner': 'verwijderd door de eigenaar',
  'deleted by an admin': 'verwijderd door een beheerder',
};

/** "Account gedeactiveerd". */
export function auditWhat(subjectType: string, action: string): string {
  return `${SUBJECTS[subjectType] ?? 'Gegeven'} ${ACTION_WORDS[action] ?? 'gewijzigd'}`;
}

/** A version's action in a building block's history: "gepubliceerd". */
export function versionWhat(action: string): string {
  return ACTION_WORDS[action] ?? 'gewijzigd';
}

/**
 * "nieuw@pps.nl: Naam, Rol" for "nieuw@pps.nl: displayName, role"; "nieuw@pps.nl, rol
 * Projectleider PPS" for "nieuw@pps.nl (pps-editor)". A field the table does not know is
 * called "ander gegeven" rather than shown by its API name.
 */
export function auditSummary(subjectType: string, summary: string): string {
  const discarded = /^(.*): draft (\d+)$/.exec(summary);
  if (subjectType === 'asset' && discarded) return `${discarded[1]}, versie ${discarded[2]}`;
  const created = /^(.*) \(([a-z-]+)\)$/.exec(summary);
  if (subjectType === 'account' && created && ROLE_LABELS[created[2]])
    return `${created[1]}, rol ${ROLE_LABELS[created[2]]}`;
  const split = summary.lastIndexOf(': ');
  if (split < 0) return summary;
  const [subject, rest] = [summary.slice(0, split), summary.slice(split + 2)];
  const event = EVENTS[rest];
  if (event) return `${subject}: ${event}`;
  const labels = RECORD_FIELD_LABELS[subjectType as Subject];
  if (!labels) return subject;
  const fields = rest
    .split(', ')
    .filter(Boolean)
    .map((field) => labels[field] ?? roleChange(field) ?? 'ander gegeven');
  return fields.length ? `${subject}: ${[...new Set(fields)].join(', ')}` : subject;
}

/** "role (teacher → pps-editor)" as "Rol van Docent naar Projectleider PPS". */
function roleChange(field: string): string | undefined {
  const change = /^role \(([a-z-]+) → ([a-z-]+)\)$/.exec(field);
  if (!change) return undefined;
  const [from, to] = [ROLE_LABELS[change[1]], ROLE_LABELS[change[2]]];
  return from && to ? `Rol van ${from} naar ${to}` : RECORD_FIELD_LABELS.account.role;
}
