/**
 * Field errors come from the API's validation, in English, for developers. The pages say the
 * same thing in Dutch: each pattern below matches one message the validators produce; a message
 * without a pattern gets a general sentence (the field is still marked), never the English.
 */
const RULES: [RegExp, (match: RegExpExecArray) => string][] = [
  [/^is required/, () => 'Vul dit veld in.'],
  [/^is not a known field/, () => 'Dit veld hoort niet bij dit formulier.'],
  [
    /must be longer than or equal to (\d+) characters?/,
    (m) => (m[1] === '1' ? 'Vul dit veld in.' : `Gebruik minstens ${m[1]} tekens.`),
  ],
  [
    /must be shorter than or equal to (\d+) characters?/,
    (m) => `Gebruik hoogstens ${m[1]} tekens.`,
  ],
  [/must contain at least (\d+) elements?/, (m) => `Kies of vul er minstens ${m[1]} in.`],
  [/must contain no more than (\d+) elements?/, (m) => `Hoogstens ${m[1]} toegestaan.`],
  [/elements must be unique/, () => 'Elke waarde mag maar één keer voorkomen.'],
  [/must be an email/, () => 'Vul een geldig e-mailadres in, zoals naam@school.nl.'],
  [
    /must be an ESCO URI/,
    () => 'Vul een ESCO-adres in dat begint met http://data.europa.eu/esco/.',
  ],
  [/must be a URL address/, () => 'Vul een volledig webadres in, beginnend met https://.'],
  [/must be a UUID/, () => 'Kies een waarde uit de lijst.'],
  [/must be a phone number/, () => 'Vul een telefoonnummer in, zoals +31 20 123 4567.'],
  [
    /must be K followed by 4 digits/,
    () => 'Een keuzedeelcode is een K met vier cijfers, zoals K0080.',
  ],
  [/crebo code must be 5 digits/, () => 'Een crebocode bestaat uit vijf cijfers.'],
  [/must not be less than ([\d.]+)/, (m) => `Vul minstens ${m[1].replace('.', ',')} in.`],
  [/must not be greater than ([\d.]+)/, (m) => `Vul hoogstens ${m[1].replace('.', ',')} in.`],
  [/must be (?:an integer|a number)/, () => 'Vul een getal in.'],
  [/must not be before start/, () => 'De einddatum ligt vóór de begindatum.'],
  [
    /must be a (?:valid )?(?:calendar )?date|not a real date|YYYY-MM-DD/i,
    () => 'Vul een bestaande datum in (dag-maand-jaar).',
  ],
  [/must be one of the following values|^unknown \S+ code/, () => 'Kies een waarde uit de lijst.'],
  [
    /is required when publishing a new version/,
    () => 'Beschrijf wat er in deze versie is veranderd.',
  ],
  [
    /an mbo-certificaat requires formal learning/,
    () => 'Een mbo-certificaat kan alleen bij formeel leren.',
  ],
  [/needs at least one location/, () => 'Een fysieke omgeving heeft minstens één locatie nodig.'],
  [/must be a published asset/, () => 'Kies een gepubliceerde bouwsteen.'],
  [
    /must not be the asset itself|must not refer to the asset itself/,
    () => 'Kies een andere bouwsteen dan deze.',
  ],
  [/^unknown asset/, () => 'Deze bouwsteen bestaat niet (meer).'],
  [/^unknown organisation/, () => 'Deze organisatie bestaat niet (meer).'],
  [
    /non-commercial \(NC\)/,
    () =>
      'Deze module heeft een niet-commerciële licentie (NC) en kan niet in een betaalde cursus.',
  ],
  [/is already in the course/, () => 'Deze bouwsteen staat al in de cursus.'],
  [/^must be published/, () => 'Alleen gepubliceerde bouwstenen kunnen in een cursus.'],
  [
    /prerequisite "(.+)" is not earlier/,
    (m) => `Voorkennis "${m[1]}" staat niet eerder in de cursus.`,
  ],
  [/level jumps from (\S+) to (\S+)/, (m) => `Het niveau springt van ${m[1]} naar ${m[2]}.`],
  [/update available: version (\d+)/, (m) => `Er is een nieuwere versie (${m[1]}).`],
  [
    /withdrawn: the asset was archived/,
    () => 'Niet meer beschikbaar: de bouwsteen is gearchiveerd.',
  ],
  [
    /give exactly one of organisationId and name/,
    () => 'Kies een werkgever of vul een nieuwe naam in.',
  ],
  [/must contain letters or digits/, () => 'Gebruik letters of cijfers.'],
  [/must be true or false/, () => 'Kies ja of nee.'],
  [/must be ticked or left empty/, () => 'Vink het vakje aan of laat het leeg.'],
  [
    /own admin role/,
    () => 'U kunt uw eigen beheerdersrol niet weghalen en uw eigen account niet deactiveren.',
  ],
  [/^is not your current password/, () => 'Dit is niet uw huidige wachtwoord.'],
  [/^must differ from your current password/, () => 'Kies een ander wachtwoord dan uw huidige.'],
  [
    /^does not match the new password/,
    () => 'Dit is niet hetzelfde als het nieuwe wachtwoord. Typ het nog eens.',
  ],
  [/NUL|control character/i, () => 'Deze tekst bevat tekens die niet kunnen worden opgeslagen.'],
  [
    /not valid UTF-8/,
    () => 'Deze tekst bevat tekens die niet konden worden gelezen (�). Typ ze opnieuw.',
  ],
  [
    /^must be an? (?:object|array)/,
    () => 'Dit veld is niet ingevuld zoals het formulier het vraagt. Vul het opnieuw in.',
  ],
];

export function dutchMessage(message: string): string {
  for (const [pattern, say] of RULES) {
    const match = pattern.exec(message);
    if (match) return say(match);
  }
  return 'Deze waarde klopt niet.';
}
