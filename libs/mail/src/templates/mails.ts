import { groupDigest } from '../mail-rules';
import { FREQUENCY_LABELS, DigestFrequency, MAIL_TYPE_CATALOGUE, MailType } from '../mail-types';
import { MailLink, escapeHtml, htmlDocument, htmlLink } from './layout';

/** A mail as it is sent: Dutch plain text and the same in HTML. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** One thing to tell, as a mail of its own or a line of a digest. */
export interface MailEntry {
  type: MailType;
  /** The subject when mailed alone. */
  subject: string;
  /** The heading it is grouped under in a digest. */
  heading: string;
  /** The line itself (text). */
  line: string;
  /** A second, smaller line: why the account is told. */
  detail?: string;
  link: MailLink;
}

/** The links every preference mail ends with: how to stop it, and where the settings are. */
export interface MailFooter {
  /** Why the account gets this mail (text). */
  because: string;
  /** Switches off what this mail is (a type, or the digest). */
  unsubscribe: MailLink;
  settings: MailLink;
}

const dateFormat = new Intl.DateTimeFormat('nl-NL', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/Amsterdam',
});

function footerLines(footer: MailFooter): { text: string[]; html: string[] } {
  return {
    text: [
      '--',
      footer.because,
      `${footer.unsubscribe.label}: ${footer.unsubscribe.href}`,
      `${footer.settings.label}: ${footer.settings.href}`,
    ],
    html: [escapeHtml(footer.because), htmlLink(footer.unsubscribe), htmlLink(footer.settings)],
  };
}

function entryHtml(entry: MailEntry): string {
  const detail = entry.detail
    ? `<br><span style="font-size:14px;color:#4d4d4d">${escapeHtml(entry.detail)}</span>`
    : '';
  return `<li style="margin:0 0 12px">${escapeHtml(entry.line)}${detail}<br>${htmlLink(entry.link)}</li>`;
}

function entryText(entry: MailEntry): string[] {
  return [
    `- ${entry.line}`,
    ...(entry.detail ? [`  ${entry.detail}`] : []),
    `  ${entry.link.href}`,
  ];
}

/** One entry mailed at once. */
export function entryMail(greeting: string, entry: MailEntry, footer: MailFooter): RenderedMail {
  const foot = footerLines(footer);
  const text = [
    greeting,
    '',
    entry.line,
    ...(entry.detail ? [entry.detail] : []),
    '',
    `${entry.link.label}: ${entry.link.href}`,
    '',
    ...foot.text,
  ].join('\n');
  const body = [
    `<p style="margin:0 0 16px">${escapeHtml(greeting)}</p>`,
    `<p style="margin:0 0 8px">${escapeHtml(entry.line)}</p>`,
    entry.detail ? `<p style="margin:0 0 8px;color:#4d4d4d">${escapeHtml(entry.detail)}</p>` : '',
    `<p style="margin:0 0 16px">${htmlLink(entry.link)}</p>`,
  ].join('\n');
  return { subject: entry.subject, text, html: htmlDocument(entry.subject, body, foot.html) };
}

/** The digest: every entry under its heading, with a count in the subject. */
export function digestMail(
  greeting: string,
  frequency: DigestFrequency,
  entries: MailEntry[],
  footer: MailFooter,
): RenderedMail {
  const kind = frequency === 'weekly' ? 'week' : 'dag';
  const subject = `Uw ${kind}overzicht van Bouwsteen: ${entries.length} ${entries.length === 1 ? 'bericht' : 'berichten'}`;
  const groups = groupDigest(entries);
  const foot = footerLines(footer);
  const intro = `Dit is wat er sinds uw vorige overzicht voor u is (${FREQUENCY_LABELS[frequency].toLowerCase()}).`;
  const text = [
    greeting,
    '',
    intro,
    ...groups.flatMap((group) => ['', group.heading, ...group.items.flatMap(entryText)]),
    '',
    ...foot.text,
  ].join('\n');
  const body = [
    `<p style="margin:0 0 16px">${escapeHtml(greeting)}</p>`,
    `<p style="margin:0 0 16px">${escapeHtml(intro)}</p>`,
    ...groups.map(
      (group) =>
        `<h2 style="font-size:18px;margin:16px 0 8px">${escapeHtml(group.heading)}</h2>\n<ul style="padding-left:20px;margin:0">${group.items.map(entryHtml).join('\n')}</ul>`,
    ),
  ].join('\n');
  return { subject, text, html: htmlDocument(subject, body, foot.html) };
}

/** An invitation or reset link: no footer of preferences (an admin asked for it, for this account). */
export function accountLinkMail(input: {
  displayName: string;
  purpose: 'invitation' | 'reset';
  url: string;
  expiresAt: Date;
}): RenderedMail {
  const invitation = input.purpose === 'invitation';
  const subject = invitation
    ? 'Uw uitnodiging voor Bouwsteen'
    : 'Kies een nieuw wachtwoord voor Bouwsteen';
  const lines = [
    `Beste ${input.displayName},`,
    invitation
      ? 'U bent uitgenodigd voor Bouwsteen, de gedeelde bibliotheek van bouwstenen van de mbo-PPS. Met deze link kiest u uw wachtwoord:'
      : 'Er is gevraagd om een nieuw wachtwoord voor uw account. Met deze link kiest u het:',
  ];
  const until = `De link werkt één keer en tot ${dateFormat.format(input.expiresAt)}.`;
  const notYou = invitation
    ? 'Verwachtte u deze uitnodiging niet? Dan kunt u deze e-mail negeren.'
    : 'Vroeg u hier niet om? Dan kunt u deze e-mail negeren; uw wachtwoord blijft zoals het was.';
  const text = [...lines, '', input.url, '', until, notYou].join('\n');
  const body = [
    ...lines.map((line) => `<p style="margin:0 0 16px">${escapeHtml(line)}</p>`),
    `<p style="margin:0 0 16px">${htmlLink({ href: input.url, label: invitation ? 'Wachtwoord kiezen' : 'Nieuw wachtwoord kiezen' })}</p>`,
    `<p style="margin:0 0 16px;font-size:14px;word-break:break-all">${escapeHtml(input.url)}</p>`,
    `<p style="margin:0 0 16px">${escapeHtml(until)}</p>`,
  ].join('\n');
  return { subject, text, html: htmlDocument(subject, body, [escapeHtml(notYou)]) };
}

/** Why an account gets a mail of this type (the footer's first line). */
export function becauseOf(type: MailType | 'digest', immediate: boolean): string {
  if (type === 'digest')
    return 'U krijgt dit overzicht omdat u berichten van Bouwsteen in een overzicht ontvangt.';
  return `U krijgt deze e-mail omdat u “${MAIL_TYPE_CATALOGUE[type].label}” ${immediate ? 'direct' : 'per e-mail'} ontvangt.`;
}
