import { foldLine, vcard } from './vcard';

const octets = (line: string) => Buffer.byteLength(line, 'utf8');
const unfold = (text: string) => text.replace(/\r\n /g, '');

describe('vCard lines (RFC 6350 §3.2)', () => {
  it('leaves a line of 75 octets as it is and folds one of 76', () => {
    const exact = `FN:${'a'.repeat(72)}`;
    expect(foldLine(exact)).toBe(exact);
    const longer = `FN:${'a'.repeat(73)}`;
    expect(foldLine(longer)).toBe(`FN:${'a'.repeat(72)}\r\n a`);
  });

  it('keeps every folded line within 75 octets, continuations starting with one space', () => {
    const line = `ORG:${'Regionaal Opleidingen Centrum Noord-Holland en Flevoland '.repeat(5)}`;
    const folded = foldLine(line).split('\r\n');
    expect(folded.length).toBeGreaterThan(3);
    for (const part of folded) expect(octets(part)).toBeLessThanOrEqual(75);
    for (const part of folded.slice(1)) expect(part.startsWith(' ')).toBe(true);
    expect(unfold(foldLine(line))).toBe(line);
  });

  it('counts octets, not characters, and never splits a character', () => {
    const line = `FN:${'é'.repeat(40)}`; // 3 + 80 octets
    const folded = foldLine(line).split('\r\n');
    expect(folded).toHaveLength(2);
    expect(octets(folded[0])).toBe(75);
    expect(folded[0]).toBe(`FN:${'é'.repeat(36)}`);
    expect(unfold(foldLine(line))).toBe(line);
    const emoji = `FN:${'🙂'.repeat(30)}`;
    for (const part of foldLine(emoji).split('\r\n')) {
      expect(octets(part)).toBeLessThanOrEqual(75);
      expect(part).not.toMatch(/\uFFFD/);
      expect(Buffer.from(part, 'utf8').toString('utf8')).toBe(part);
    }
    expect(unfold(foldLine(emoji))).toBe(emoji);
  });

  it('ends every line with CRLF, never a bare LF, and escapes the special characters', () => {
    const card = vcard('PPS; "Zorg, Welzijn"\nen meer', 'ROC \\ Noord');
    expect(card.endsWith('END:VCARD\r\n')).toBe(true);
    expect(card.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(card).toContain('FN:PPS\\; "Zorg\\, Welzijn" en meer\r\n');
    expect(card).toContain('ORG:ROC \\\\ Noord\r\n');
    expect(card.split('\r\n').slice(0, 2)).toEqual(['BEGIN:VCARD', 'VERSION:3.0']);
  });

  it('folds a long name inside the card', () => {
    const name = `Publiek-private samenwerking ${'Slimme Maakindustrie '.repeat(5)}`.trim();
    const card = vcard(name, 'ROC');
    for (const line of card.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(unfold(card)).toContain(`FN:${name}\r\n`);
  });
});
