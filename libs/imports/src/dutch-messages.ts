/**
 * The report speaks Dutch: the API's English validation messages (class-validator's, the
 * content checks', the bulk writer's) rendered for the person who filled in the spreadsheet.
 * Numbers and names in a message are carried over; an unknown message is shown as it is.
 */
const RULES: [RegExp, (...groups: string[]) => string][] = [
  [/^is required(?: for a \w+)?$/, () => 'is verplicht'],
  [/^is not a known field; remove it$/, () => 'is geen bekend veld; laat het weg'],
  [/^must not be sent for a (\w+)$/, () => 'hoort niet bij deze soort bouwsteen'],
  [/^(?:each value )?must be a string.*$/, () => 'moet tekst zijn'],
  [/^must be an array.*$/, () => 'moet een lijst zijn'],
  [/^must be an object.*$/, () => 'moet een samengestelde waarde zijn'],
  [/^must be an integer.*$/, () => 'moet een geheel getal zijn'],
  [/^must be a number.*$/, () => 'moet een getal zijn'],
  [/^must be true or false.*$/, () => 'moet ja of nee zijn'],
  [/^must be longer than or equal to (\d+) characters$/, (n) => `moet minstens ${n} tekens hebben`],
  [
    /^each value in \w+ must be longer than or equal to (\d+) characters$/,
    (n) => `elke waarde moet minstens ${n} tekens hebben`,
  ],
  [
    /^must be shorter than or equal to (\d+) characters$/,
    (n) => `mag hoogstens ${n} tekens hebben`,
  ],
  [
    /^each value in \w+ must be shorter than or equal to (\d+) characters$/,
    (n) => `elke waarde mag hoogstens ${n} tekens hebben`,
  ],
  [/^must contain no more than (\d+) elements$/, (n) => `mag hoogstens ${n} waarden bevatten`],
  [
    /^must contain at least (\d+) elements?$/,
    (n) => `moet minstens ${n} waarde${n === '1' ? '' : 'n'} bevatten`,
  ],
  [/^All \S+ elements must be unique$/, () => 'bevat dezelfde waarde twee keer'],
  [/^(?:each value in \w+ )?must be a UUID$/, () => 'moet een Bouwsteen-id zijn (een UUID)'],
  [/^must be an? URL address$/, () => 'moet een webadres zijn dat begint met https://'],
  [/^must be an email$/, () => 'moet een e-mailadres zijn'],
  [/^must not be less than (\S+)$/, (n) => `mag niet kleiner zijn dan ${n}`],
  [/^must not be greater than (\S+)$/, (n) => `mag niet groter zijn dan ${n}`],
  [
    /^must be one of the following values: (.*)$/,
    (list) => `moet een van deze waarden zijn: ${list}`,
  ],
  [
    /^must be an existing date written as YYYY-MM-DD.*$/,
    () => 'moet een bestaande datum zijn (JJJJ-MM-DD)',
  ],
  [/^must not be before (\w+)$/, () => 'mag niet vóór de begindatum liggen'],
  [
    /^(?:each elective code )?must be K followed by 4 digits$/,
    () => 'moet K gevolgd door 4 cijfers zijn',
  ],
  [/^each crebo code must be 5 digits$/, () => 'elke crebocode moet uit 5 cijfers bestaan'],
  [/^must be a phone number$/, () => 'moet een telefoonnummer zijn'],
  [/^must be a Dutch postal code.*$/, () => 'moet een Nederlandse postcode zijn, zoals 1941 AA'],
  [
    /^must be an ISO 3166-1 alpha-2 code$/,
    () => 'moet een landcode van twee letters zijn, zoals NL',
  ],
  [/^must be an ESCO URI on data.europa.eu$/, () => 'moet een ESCO-URI op data.europa.eu zijn'],
  [/^unknown \w+ code "([^"]*)".*$/, (code) => `onbekende waarde "${code}"`],
  [/^must not refer to the asset itself$/, () => 'mag niet naar de bouwsteen zelf verwijzen'],
  [/^unknown asset (\S+)$/, (id) => `onbekende bouwsteen ${id}`],
  [
    /^must be a (.+), not a (\w+)$/,
    (kinds, kind) => `moet een ${kinds.replace(' or ', ' of ')} zijn, geen ${kind}`,
  ],
  [/^unknown organisation (\S+)$/, (id) => `onbekende organisatie ${id}`],
  [/^unknown asset in this PPS$/, () => 'geen bouwsteen van deze PPS'],
  [
    /^belongs to another building block of this PPS$/,
    () => 'hoort al bij een andere bouwsteen van deze PPS',
  ],
  [
    /^differs from the block's code (.*)$/,
    (code) => `verschilt van de eigen code van deze bouwsteen (${code})`,
  ],
  [
    /^is a (\w+); a block keeps its kind$/,
    (kind) => `is een ${kind}; de soort van een bouwsteen verandert niet`,
  ],
  [/^is archived and can no longer change$/, () => 'is gearchiveerd en verandert niet meer'],
  [
    /^was changed by someone else during the import; not overwritten$/,
    () => 'is tijdens de import door iemand anders gewijzigd; niet overschreven',
  ],
  [
    /^could not be saved; try this row again$/,
    () => 'kon niet worden opgeslagen; probeer deze regel opnieuw',
  ],
  [
    /^the source is ShareAlike \(([^)]*)\).*$/,
    (code) => `de bron is GelijkDelen (${code}): een afgeleide houdt dezelfde licentie`,
  ],
  [
    /^the source is NonCommercial \(([^)]*)\).*$/,
    (code) => `de bron is NietCommercieel (${code}): een afgeleide blijft NietCommercieel`,
  ],
];

const KIND_WORDS: Record<string, string> = {
  module: 'module',
  curriculum: 'curriculum',
  infrastructure: 'praktijkomgeving',
  practice: 'goede praktijk',
};

/**
 * Rules that raise a code are worded by it, not by matching their English (the direction of
 * issue 24's one message catalogue; the patterns above are for the rules that do not yet).
 */
const BY_CODE: Record<string, string> = {
  neededToPublish: 'is nodig om te publiceren; vul het in, of importeer zonder te publiceren',
};

/** A field error of the API's rules, in Dutch: by its code where it has one. */
export function errorInDutch(error: { message: string; code?: string }): string {
  return (error.code && BY_CODE[error.code]) || inDutch(error.message);
}

export function inDutch(message: string): string {
  for (const [pattern, render] of RULES) {
    const match = pattern.exec(message);
    if (match)
      return render(...match.slice(1)).replace(
        /\b(module|curriculum|infrastructure|practice)\b/g,
        (kind) => KIND_WORDS[kind],
      );
  }
  return message;
}
