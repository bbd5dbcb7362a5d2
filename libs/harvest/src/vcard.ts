/**
 * A vCard 3.0 as NL-LOM's contribute/entity carries it: lines ended by CRLF and folded so no
 * line is longer than 75 octets (RFC 6350 §3.2, as RFC 2425 already said for 3.0).
 */
const MAX_OCTETS = 75;

/** A value's text with vCard's special characters escaped and line breaks taken out. */
function escape(value: string): string {
  return value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|[\r\n]/g, ' ');
}

/**
 * One content line folded: at most 75 octets a line, each further line starting with one space
 * (which counts), never splitting a character's UTF-8 octets (RFC 6350 says "SHOULD NOT").
 */
export function foldLine(line: string): string {
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const character of line) {
    const size = Buffer.byteLength(character, 'utf8');
    if (octets + size > MAX_OCTETS) {
      lines.push(current);
      current = ' ';
      octets = 1;
    }
    current += character;
    octets += size;
  }
  lines.push(current);
  return lines.join('\r\n');
}

/** The publisher's card: the PPS by name, its lead institution as organisation. */
export function vcard(name: string, organisation: string): string {
  return [
    'BEGIN:VCARD',
    'VERSION:3.0',
    `N:${escape(name)};;;;`,
    `FN:${escape(name)}`,
    `ORG:${escape(organisation)}`,
    'END:VCARD',
  ]
    .map((line) => `${foldLine(line)}\r\n`)
    .join('');
}
