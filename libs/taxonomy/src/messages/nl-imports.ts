import { Catalogue, counted, dutchNumber, kindName } from './wording';

/**
 * What an import finds in a row, in Dutch, for the report (where each line names its column):
 * a row of a spreadsheet or JSON Lines file, its references by the PPS's own codes, and what
 * the bulk writer refuses. Each says what to change in the file.
 */
export const NL_IMPORTS = {
  unknownKind: (v) =>
    v.choices
      ? `Vul een soort bouwsteen in: ${v.choices}.`
      : 'Vul een soort bouwsteen in: module, curriculum, praktijkomgeving of goede praktijk.',
  kindOfAnotherSheet: (v) =>
    `Deze rij is een ${kindName(v.kind)}, maar dit blad is voor een ${kindName(v.sheetKind)}. Zet de rij in een blad of sjabloon voor een ${kindName(v.kind)}.`,
  notAnAmount: () => 'Vul een bedrag in euro in, zoals 12,50 of € 1.250,00.',
  ambiguousAmount: (v) =>
    `Dit bedrag is niet eenduidig. Bedoelt u ${v.asEuros ?? ''}, schrijf dan ${v.thousands ?? ''}; bedoelt u euro’s en centen, schrijf dan twee cijfers na de komma (zoals 12,50).`,
  subCentAmount: () => 'Vul een bedrag in hele centen in: hoogstens twee cijfers na de komma.',
  negativeAmount: () => 'Vul een bedrag van € 0,00 of meer in.',
  amountTooLarge: (v) =>
    v.max !== undefined
      ? `Vul een bedrag van hoogstens ${v.max} in.`
      : 'Dit bedrag is te groot: vul een kleiner bedrag in.',
  columnOfOtherKind: (v) =>
    `Deze kolom hoort bij een ${kindName(v.owner)}, niet bij een ${kindName(v.kind)}: laat hem leeg.`,
  tooManyParts: (v) =>
    `Record ${v.record ?? ''} heeft ${counted(v.parts, 'deel', 'delen')}; gebruik de delen ${v.expected ?? 'uit het sjabloon'}, gescheiden door |.`,
  unknownValue: (v) =>
    v.choices ? `Kies een waarde uit: ${v.choices}.` : 'Kies een waarde uit de lijst.',
  unknownSourceId: () =>
    'Geen bouwsteen van deze PPS heeft deze eigen code. Gebruik de eigen code van een bouwsteen in dit bestand of in Bouwsteen.',
  sourceIdFormat: () =>
    'Gebruik een eigen code van 1 tot 100 tekens, zonder spaties aan het begin of eind.',
  sourceIdRepeated: () =>
    'Deze eigen code staat al eerder in het bestand. Geef elke rij een eigen code.',
  referencedRowFailed: () =>
    'De rij met deze eigen code is zelf niet ingelezen (zie de melding bij die rij). Verbeter die rij en importeer opnieuw.',
  referenceCycle: () =>
    'Deze rij en de rij met deze code verwijzen in een kring naar elkaar, dus geen van beide is ingelezen. Haal één verwijzing weg en importeer opnieuw.',
  readStoppedBeforeReference: () =>
    'Deze eigen code staat niet in het deel van het bestand dat is gelezen, en ook niet in Bouwsteen; de rest van het bestand is niet gelezen (zie de melding over het bestand). Verbeter het bestand en importeer opnieuw.',
  notAnObject: () => 'Zet op elke regel één bouwsteen als JSON-object: {"kind": …}.',
  notJson: (v) =>
    `Deze regel is geen geldige JSON${v.at !== undefined ? ` (bij teken ${dutchNumber(v.at)})` : ''}. Zet op elke regel één bouwsteen als JSON-object, met namen en teksten tussen dubbele aanhalingstekens en zonder komma na het laatste veld.`,
  lineTooLong: (v) =>
    `Deze regel is langer dan een regel mag zijn${v.max !== undefined ? ` (${dutchNumber(v.max)} bytes)` : ''}. Maak de teksten van deze bouwsteen korter.`,
  keyUnshowable: () =>
    'Een veldnaam bevat een NUL-teken of een ander onzichtbaar stuurteken. Typ de naam opnieuw zoals de API hem schrijft (zoals title).',
  keyTooLong: (v) =>
    `Een veldnaam is langer dan ${v.max !== undefined ? `${dutchNumber(v.max)} tekens` : 'een veldnaam mag zijn'}. Gebruik de veldnamen van de API (zoals title).`,
  keyNotAllowed: () => 'De veldnaam __proto__ is niet toegestaan. Haal hem weg.',

  unknownAssetInPps: () =>
    'Geen bouwsteen van deze PPS heeft dit id. Laat het id leeg voor een nieuwe bouwsteen.',
  sourceIdTaken: () =>
    'Deze eigen code hoort al bij een andere bouwsteen van deze PPS. Kies een andere code.',
  sourceIdDiffers: (v) =>
    `Deze bouwsteen heeft al de eigen code ${v.code ?? ''}. Gebruik die code, of laat de kolom leeg.`,
  kindKept: (v) =>
    `Deze bouwsteen is een ${kindName(v.kind)}, en de soort verandert niet. Kies die soort, of laat het id weg voor een nieuwe bouwsteen.`,
  archived: () => 'Deze bouwsteen is gearchiveerd en verandert niet meer. Laat deze rij weg.',
  changedDuringImport: () =>
    'Iemand anders wijzigde deze bouwsteen tijdens de import; hij is niet overschreven. Importeer deze rij opnieuw.',
  saveFailed: () => 'Deze rij kon niet worden opgeslagen. Importeer haar opnieuw.',
} satisfies Catalogue;
