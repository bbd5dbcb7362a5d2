import Html from '@kitajs/html';

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
