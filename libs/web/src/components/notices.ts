/** What a page says after a redirect (?melding=…): the outcome of the action just taken. */
export const NOTICES: Record<string, string> = {
  opgeslagen: 'Het concept is opgeslagen.',
  gepubliceerd: 'De bouwsteen is gepubliceerd. Iedereen kan hem nu vinden en hergebruiken.',
  gearchiveerd: 'De bouwsteen is gearchiveerd. Wie hem volgt of hergebruikt, krijgt bericht.',
  weggegooid: 'Het concept is weggegooid.',
  hergebruik: 'Het hergebruik is vastgelegd. De andere PPS ziet nu dat u op hun werk voortbouwt.',
  afgeleid:
    'Er is een concept gemaakt op basis van de bouwsteen van de andere PPS. Pas het aan en publiceer het; de bron wordt vermeld.',
  bijgewerkt: 'Alle onderdelen staan nu op hun nieuwste versie (of hun opvolger).',
  'op-lijst': 'De bouwsteen staat nu op uw lijst.',
  'al-op-lijst': 'De bouwsteen stond al op die lijst.',
  ingetrokken: 'De deellink is ingetrokken: wie hem heeft, ziet het voorstel niet meer.',
  'hergebruik-concept-weg':
    'Het hergebruik is vastgelegd en uw eigen concept is weggegooid: er hoeft niets dubbel gemaakt te worden.',
};

export function notice(code: unknown): string | undefined {
  return typeof code === 'string' ? NOTICES[code] : undefined;
}
