import Html from '@kitajs/html';
import { safeUrl } from './facts';

/**
 * The contact role every PPS has: requests and questions reach the PPS's editors, who are its
 * project leads (the regiefunctie). Named as a role, never as a person: a name or a personal
 * address appears only where the owner entered one (a building block's contacts).
 */
export function contactRole(ppsName: string): string {
  return `de projectleider van ${ppsName}`;
}

/** "Contact: de projectleider van X" with the way to reach that role (the request form). */
export function ContactRole(props: {
  ppsName: string;
  /** The request form: /pps/:id/vraag or /bouwstenen/:id/aanvragen. */
  href: string;
  linkText: string;
}): JSX.Element {
  return (
    <p class="utrecht-paragraph">
      {Html.escapeHtml(`Contact: ${contactRole(props.ppsName)}.`)}{' '}
      <a class="utrecht-link" href={props.href} safe>
        {props.linkText}
      </a>
    </p>
  );
}

/** How to reach a PPS outside Bouwsteen, as the PPS and its lead institution entered it. */
/** A PPS's and its lead institution's websites as NoInbox shows them. */
export function outsideContact(
  pps: { name: string; website?: string | null; leadInstitution: { name: string } },
  lead: { website?: string | null } | undefined,
): OutsideContact {
  return {
    ppsName: pps.name,
    ppsWebsite: safeUrl(pps.website),
    leadName: pps.leadInstitution.name,
    leadWebsite: safeUrl(lead?.website),
  };
}

export interface OutsideContact {
  ppsName: string;
  /** The PPS's website (already checked with safeUrl), when entered. */
  ppsWebsite?: string;
  leadName: string;
  /** The lead institution's website (checked), when entered. */
  leadWebsite?: string;
}

/**
 * For a PPS nobody can receive requests for (no member account reads its inbox): says so in
 * plain words and points to the websites the PPS and its lead institution entered instead of
 * offering a form nobody would answer.
 */
export function NoInbox({ contact }: { contact: OutsideContact }): JSX.Element {
  const links = [
    contact.ppsWebsite
      ? { href: contact.ppsWebsite, text: `Website van ${contact.ppsName}` }
      : undefined,
    contact.leadWebsite
      ? { href: contact.leadWebsite, text: `Website van de penvoerder, ${contact.leadName}` }
      : undefined,
  ].filter((link) => link !== undefined);
  return (
    <div class="no-inbox">
      <p class="utrecht-paragraph">
        {Html.escapeHtml(
          `${contact.ppsName} ontvangt nog geen verzoeken via Bouwsteen: er is nog niemand van de PPS die ze hier leest. ${
            links.length
              ? 'Neem contact op via de website:'
              : `De PPS en de penvoerder (${contact.leadName}) hebben nog geen website opgegeven; neem contact op met de penvoerder.`
          }`,
        )}
      </p>
      {links.length ? (
        <ul class="utrecht-unordered-list">
          {links.map((link) => (
            <li>
              <a class="utrecht-link" href={link.href} rel="noopener" safe>
                {link.text}
              </a>
            </li>
          ))}
        </ul>
      ) : (
        ''
      )}
    </div>
  );
}
