import { Catalogue, counted, dutchNumber } from './wording';

/**
 * What the API's own checks of a request find, in Dutch: class-validator's rules (by their
 * names, with the decorator's parameters), the Dutch formats' rules, and text or forms that
 * cannot be taken as sent. Each sentence says what to do.
 */
export const NL_INPUT = {
  isDefined: () => 'Vul dit veld in.',
  whitelistValidation: () => 'Dit veld kent Bouwsteen niet; laat het weg.',
  isString: () => 'Vul hier tekst in.',
  isInt: () => 'Vul een geheel getal in, zonder komma.',
  isNumber: (v) =>
    v.maxDecimals !== undefined
      ? `Vul een getal in met hoogstens ${counted(v.maxDecimals, 'cijfer', 'cijfers')} na de komma, zoals 12,5.`
      : 'Vul een getal in.',
  isBoolean: () => 'Kies ja of nee.',
  isArray: () => 'Vul hier een lijst van waarden in.',
  isObject: () => 'Dit veld is niet ingevuld zoals gevraagd. Vul het opnieuw in.',
  nestedValidation: () => 'Dit veld is niet ingevuld zoals gevraagd. Vul het opnieuw in.',
  maxLength: (v) =>
    v.each
      ? `Gebruik per waarde hoogstens ${counted(v.max, 'teken', 'tekens')}.`
      : `Gebruik hoogstens ${counted(v.max, 'teken', 'tekens')}.`,
  minLength: (v) => {
    if (Number(v.min) <= 1) return v.each ? 'Laat geen van de waarden leeg.' : 'Vul dit veld in.';
    return v.each
      ? `Gebruik per waarde minstens ${dutchNumber(v.min)} tekens.`
      : `Gebruik minstens ${dutchNumber(v.min)} tekens.`;
  },
  hasText: () => 'Vul dit veld in: alleen spaties of lege regels tellen niet als tekst.',
  arrayMaxSize: (v) => `Kies of vul er hoogstens ${dutchNumber(v.max)} in.`,
  arrayMinSize: (v) => `Kies of vul er minstens ${dutchNumber(v.min)} in.`,
  arrayUnique: () => 'Haal wat dubbel staat weg: elke waarde mag maar één keer voorkomen.',
  min: (v) => `Vul een getal in van ${dutchNumber(v.min)} of meer.`,
  max: (v) => `Vul een getal in van ${dutchNumber(v.max)} of minder.`,
  isIn: () => 'Kies een waarde uit de lijst.',
  isUuid: () =>
    'Dit verwijst naar niets wat Bouwsteen kent. Kies er een uit de lijst, of neem de code over zoals Bouwsteen hem gaf (bijvoorbeeld uit een export).',
  isEmail: () => 'Vul een geldig e-mailadres in, zoals naam@school.nl.',
  emailKeyTooLong: () =>
    'Dit e-mailadres is te lang: Bouwsteen bewaart het ook in kleine letters, en dan telt het meer dan 254 tekens (een letter als İ wordt er twee). Gebruik een korter adres.',
  isAsciiEmail: () =>
    'Gebruik een e-mailadres met alleen gewone letters (a-z), cijfers en leestekens, zoals naam@school.nl. Letters met accenten of uit een ander schrift kan Bouwsteen niet gebruiken.',
  isUrl: () => 'Vul een volledig webadres in, beginnend met https://.',
  isDateString: () => 'Vul een datum en tijd in zoals 2026-01-31T09:00:00Z.',
  isLatitude: () => 'Vul een breedtegraad in tussen -90 en 90.',
  isLongitude: () => 'Vul een lengtegraad in tussen -180 en 180.',
  isCalendarDate: () => 'Vul een datum in die bestaat, zoals 31-01-2026 (tussen 1900 en 2199).',
  isNotBefore: () => 'Vul een einddatum in die niet vóór de begindatum ligt.',
  isCreboCode: () => 'Vul een crebocode in: vijf cijfers, zoals 25923.',
  isElectiveCode: () => 'Vul een keuzedeelcode in: een K met vier cijfers, zoals K0080.',
  isPhoneNumber: () => 'Vul een telefoonnummer in, zoals +31 20 123 4567.',
  latLngSwapped: () =>
    'Breedtegraad en lengtegraad lijken omgewisseld: in Nederland ligt de breedtegraad tussen 50,7 en 53,6 (zoals 52,3) en de lengtegraad tussen 3,3 en 7,3 (zoals 4,9). Zet het getal rond 52 bij breedtegraad en het getal rond 5 bij lengtegraad.',
  inNetherlands: () =>
    'Deze plek ligt niet in Nederland: de breedtegraad ligt hier tussen 50,7 en 53,6, de lengtegraad tussen 3,3 en 7,3. Controleer de coördinaten, of kies bij het adres het land waar de plek ligt.',
  isPostalCode: () => 'Vul een Nederlandse postcode in, zoals 1941 AA.',
  isCountryCode: () => 'Vul een landcode van twee hoofdletters in, zoals NL.',
  isKvkNumber: () => 'Vul een KvK-nummer in: acht cijfers.',
  isBrinCode: () => 'Vul een BRIN-code in: twee cijfers en twee letters of cijfers, zoals 25LJ.',
  isDomainName: () =>
    'Vul een domeinnaam in kleine letters in, zoals novacollege.nl (zonder https:// of www).',
  isEscoUri: () => 'Vul een ESCO-adres in dat begint met http://data.europa.eu/esco/.',

  textControl: (v) =>
    v.chars
      ? `Deze tekst bevat ${Number(v.count) === 1 ? 'een teken dat niet kan' : 'tekens die niet kunnen'} worden opgeslagen, hier zichtbaar gemaakt als ${v.chars}. Haal ${Number(v.count) === 1 ? 'het' : 'ze'} weg en probeer het opnieuw.`
      : 'Deze tekst bevat onzichtbare stuurtekens die niet kunnen worden opgeslagen. Haal ze weg en probeer het opnieuw.',
  textSurrogate: () =>
    'Deze tekst bevat een half teken (bijvoorbeeld van een emoji) dat niet kan worden opgeslagen. Typ het laatste stuk opnieuw.',
  textHiddenFormat: (v) =>
    `Deze tekst bevat onzichtbare tekens die de leesrichting omdraaien of tekst verbergen${
      v.chars
        ? `, hier zichtbaar gemaakt als ${String(v.chars)
            .split(' ')
            .map((char) => `[${char}]`)
            .join(' ')}`
        : ''
    }. Daardoor leest de tekst op het scherm anders dan hij is. Haal ${Number(v.count) === 1 ? 'het' : 'ze'} weg en probeer het opnieuw.`,
  // `file`: the text came from an imported file, which the person saves again rather than retypes.
  textUnreadable: (v) =>
    v.file
      ? 'Deze tekst bevat tekens die niet konden worden gelezen (�). Sla het bestand op als CSV UTF-8 en importeer opnieuw.'
      : 'Deze tekst bevat tekens die niet konden worden gelezen (�). Typ ze opnieuw.',
  formTooLarge: (v) =>
    `Deze tekst is te lang om in één keer te versturen: een formulier mag hoogstens ${v.limit ?? 'een beperkte hoeveelheid tekst'} bevatten. Wat paste staat er nog; de rest ging niet mee. Maak de tekst korter, of plak hem in delen, en verstuur opnieuw.`,
  tickedOrEmpty: () => 'Vink het vakje aan of laat het leeg.',
} satisfies Catalogue;
