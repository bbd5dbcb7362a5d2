import { Catalogue, dutchNumber, euro, kindChoice, kindName, quoted } from './wording';

/**
 * What the services' own rules find, in Dutch: references to what must exist, the rules of
 * building blocks, licences and publishing, courses (errors and warnings), reuse, accounts,
 * searches and webhooks, and the refusals (409) a form shows at its field. Each says what to do.
 */
export const NL_RULES = {
  unknownPps: () => 'Deze PPS bestaat niet (meer). Kies een PPS uit de lijst.',
  unknownOrganisation: () => 'Deze organisatie bestaat niet (meer). Kies er een uit de lijst.',
  unknownAsset: () =>
    'Deze bouwsteen bestaat niet (meer), of u kunt hem niet zien. Kies een andere bouwsteen.',
  unknownCode: (v) =>
    v.value === undefined
      ? 'Kies een waarde uit de lijst.'
      : Number(v.more) > 0
        ? `Kies waarden uit de lijst; "${quoted(v.value)}" en ${dutchNumber(v.more)} meer staan er niet in.`
        : `Kies een waarde uit de lijst; "${quoted(v.value)}" staat er niet in.`,
  listedTwice: () => 'Deze staat er al eerder in. Haal hem hier weg.',
  needsLettersOrDigits: () => 'Gebruik letters of cijfers.',
  unknownOffering: () =>
    'Deze bouwsteen heeft geen uitvoering met dit id. Laat het id weg voor een nieuwe uitvoering.',
  endBeforeStart: () => 'Vul een einddatum in die niet vóór de begindatum ligt.',
  notInFuture: () => 'Vul een datum in die niet in de toekomst ligt.',

  signInRefused: () =>
    'Het e-mailadres of het wachtwoord klopt niet, of het account is gedeactiveerd. Kijk ze na en probeer het opnieuw.',
  signInTooOften: (v) =>
    `Te veel mislukte pogingen. Probeer het over ${dutchNumber(v.seconds ?? 60)} seconden opnieuw.`,

  neededToPublish: () => 'Nodig om te publiceren: vul dit in, of bewaar de bouwsteen als concept.',
  keptWhilePublished: () =>
    'Deze bouwsteen is gepubliceerd en kan niet zonder dit veld: het is nodig om te publiceren. Vul het in.',
  notForKind: (v) =>
    `Dit hoort niet bij een ${kindName(v.kind)}; laat het leeg of kies een andere soort.`,
  wrongKind: (v) => `Kies ${kindChoice(v.expected)}; dit is een ${kindName(v.kind)}.`,
  selfReference: () => 'Kies een andere bouwsteen dan deze.',
  successorNotPublished: () => 'Kies een gepubliceerde bouwsteen.',
  referenceNotPublished: () =>
    'Deze bouwsteen is nog een concept, dus niet te zien voor wie dit leest: publiceer hem eerst, of haal hem hier weg.',
  referenceArchived: () =>
    'Deze bouwsteen is gearchiveerd: kies zijn opvolger of een andere gepubliceerde bouwsteen, of haal hem hier weg.',
  changeNoteRequired: () => 'Beschrijf wat er in deze versie is veranderd.',
  certificateNeedsFormal: () =>
    'Een mbo-certificaat kan alleen bij formeel leren: kies formeel leren of een ander certificaat.',
  physicalNeedsLocation: () =>
    'Een fysieke omgeving heeft een locatie nodig: vul er minstens één in.',
  unknownPlace: (v) =>
    `${v.place ? `"${v.place}" staat` : 'Deze plaats of postcode staat'} niet in onze lijst, dus Bouwsteen kan de locatie niet op de kaart zetten. Als concept blijft hij zo bewaard; om te publiceren kiest u een plaats die het veld voorstelt, of vult u onder "Coördinaten zelf invullen" de plek op de kaart in.`,
  placeNeeded: () =>
    'Om te publiceren moet de locatie op de kaart kunnen: vul de plaats of de postcode in, of vul de coördinaten zelf in.',
  contactNeedsWho: () =>
    'Alleen een rol bereikt niemand: vul bij een contactpersoon ook een naam, e-mailadres, telefoonnummer of organisatie in.',
  licenceShareAlike: (v) =>
    `De bron heeft een GelijkDelen-licentie (${v.source ?? 'SA'}): kies dezelfde licentie.`,
  licenceNonCommercial: (v) =>
    `De bron is niet-commercieel (${v.source ?? 'NC'}): kies een licentie die ook niet-commercieel is (NC).`,
  versionNotPublished: (v) =>
    v.version !== undefined
      ? `Versie ${dutchNumber(v.version)} is nooit gepubliceerd. Kies een gepubliceerde versie.`
      : 'Deze versie is nooit gepubliceerd. Kies een gepubliceerde versie.',

  notCourseKind: (v) =>
    `Een cursus bestaat uit modules en praktijkomgevingen, niet uit een ${kindName(v.kind)}. Haal deze weg.`,
  notPublished: () =>
    'Alleen gepubliceerde bouwstenen kunnen in een cursus. Haal deze weg of kies een andere.',
  alreadyInCourse: () => 'Deze bouwsteen staat al in de cursus. Haal hem hier weg.',
  nonCommercialInPaidCourse: (v) =>
    v.modulePriceCents !== undefined
      ? `Deze module heeft een niet-commerciële licentie (NC), maar kost zelf ${euro(v.modulePriceCents)}: daardoor is de cursus niet kosteloos. Haal hem weg, of kies een module zonder prijs.`
      : v.coursePriceCents !== undefined
        ? `Deze module heeft een niet-commerciële licentie (NC) en kan niet in een cursus die ${euro(v.coursePriceCents)} kost. Haal hem weg, of maak de cursus kosteloos.`
        : 'Deze module heeft een niet-commerciële licentie (NC) en kan niet in een betaalde cursus. Haal hem weg, of maak de cursus kosteloos.',
  noPublishedAsset: () => 'Deze bouwsteen is niet gepubliceerd. Kies een gepubliceerde bouwsteen.',
  exactlyOneEmployer: () => 'Kies een werkgever uit de lijst, of vul de naam van een nieuwe in.',
  prerequisiteNotEarlier: (v) =>
    `Zet de voorkennis "${v.title ?? 'deze module'}" eerder in de cursus.`,
  levelJump: (v) =>
    `Het niveau springt van ${v.from ?? '?'} naar ${v.to ?? '?'}. Kijk of er een module tussen moet.`,
  updateAvailable: (v) =>
    `Er is een nieuwere versie (${dutchNumber(v.version)}). Werk het onderdeel bij als die beter past.`,
  withdrawn: () =>
    'Niet meer beschikbaar: de bouwsteen is gearchiveerd. Haal hem weg of kies een andere.',

  exactlyOneAdopter: () => 'Kies een PPS of een organisatie, niet allebei.',
  editorNeedsPps: () => 'Een redacteur hoort bij een PPS: kies er minstens één.',
  ownAdminRole: () =>
    'U kunt uw eigen beheerdersrol niet weghalen en uw eigen account niet deactiveren.',
  wrongCurrentPassword: () => 'Dit is niet uw huidige wachtwoord. Typ het nog eens.',
  confirmationMismatch: () =>
    'Dit is niet het e-mailadres van uw account. Typ het zoals het bij Mijn account staat.',
  sameAsCurrentPassword: () => 'Kies een ander wachtwoord dan uw huidige.',
  passwordRepeatMismatch: () =>
    'Dit is niet hetzelfde als het nieuwe wachtwoord. Typ het nog eens.',
  maxBelowMin: (v) =>
    v.min !== undefined
      ? `Vul een maximum in van ${dutchNumber(v.min)} of meer (niet minder dan het minimum).`
      : 'Vul een maximum in dat niet kleiner is dan het minimum.',
  latLngTogether: () => 'Vul breedtegraad en lengtegraad allebei in, of geen van beide.',
  radiusNeedsPoint: () => 'Kies eerst een plaats (breedtegraad en lengtegraad) voor de straal.',
  distanceNeedsPoint: () => 'Kies eerst een plaats om op afstand te sorteren.',
  notPublicAddress: () =>
    'Vul het adres in van een server die op internet bereikbaar is (geen intern of lokaal adres).',
  publicNeedsOrganisation: () =>
    'Een openbare lijst staat op de pagina van uw organisatie, maar uw account hoort (nog) niet bij een organisatie. Kies "Alleen ik" of deel de lijst met een link; de beheerder van Bouwsteen kan uw organisatie toevoegen.',
  chooseScore: (v) =>
    `Kies een score van ${dutchNumber(v.min ?? 1)} tot ${dutchNumber(v.max ?? 5)}.`,
  chooseLevel: () => 'Kies het mbo-niveau waarvoor u de bouwsteen gebruikte of las.',
  chooseUse: () => 'Kies of u de bouwsteen hebt gebruikt of alleen gelezen.',
  choosePathway: () => 'Kies BOL of BBL.',
  chooseSetting: () => 'Kies of het op school of in de praktijk was.',
  chooseReportReason: () => 'Kies waarom u deze review meldt.',

  // Refusals of a whole request (409) that a form shows at the field they are about; their
  // codes are the problem codes (see the pages' `conflicts`).
  'reuse-exists': () =>
    'Uw PPS heeft hergebruik van deze versie al vastgelegd (ook in een ander venster). U ziet het bij de bouwsteen onder "Wie dit hergebruikt".',
  'own-asset': () =>
    'Deze bouwsteen is van deze PPS zelf. Hergebruik vastleggen kan alleen voor werk van een andere PPS: kies een andere PPS.',
  'material-request-too-often': () =>
    'Vanaf dit adres of met dit e-mailadres zijn het afgelopen uur al veel verzoeken verstuurd. Probeer het over een uur opnieuw; wat u schreef staat er nog.',
  'material-request-no-recipient': () =>
    'Deze PPS kan via Bouwsteen nog geen verzoeken ontvangen: er is nog niemand die ze hier leest. Uw verzoek is niet verstuurd en niet bewaard. Neem contact op via de gegevens hieronder; wat u schreef staat er nog, zodat u het kunt kopiëren.',
  'material-request-asset-archived': () =>
    'Deze bouwsteen is gearchiveerd: de PPS onderhoudt hem niet meer en u kunt het materiaal niet meer aanvragen. Uw verzoek is niet verstuurd en niet bewaard; wat u schreef staat er nog.',
  'review-exists': () =>
    'U heeft al een review van deze bouwsteen geschreven (misschien in een ander venster). Laad de pagina opnieuw om die te bewerken; wat u typte staat er nog.',
  'review-role-not-allowed': () =>
    'Reviews schrijven docenten: accounts met de rol docent of projectleider van een PPS. Met uw rol kunt u reviews lezen en melden, maar niet schrijven.',
  'review-own-pps': () =>
    'Deze bouwsteen is van uw eigen PPS. Een review van eigen werk kan niet; u kunt wel reageren op de reviews van anderen.',
  'review-asset-archived': () =>
    'Deze bouwsteen is gearchiveerd: er kunnen geen reviews meer bij. Wat u typte is niet opgeslagen en staat er nog.',
  'review-already-replied': () =>
    'Op deze review is al gereageerd namens uw PPS (misschien door een collega, of in een ander venster). Er kan één reactie per review bij; uw tekst is niet opgeslagen en staat er nog, zodat u hem kunt kopiëren.',
  'review-already-reported': () =>
    'U had deze review al gemeld; de PPS ziet uw eerdere melding. Een tweede melding is niet nodig.',
  'review-report-own-pps': () =>
    'Deze bouwsteen is van uw eigen PPS. Reviews van eigen werk meldt u niet: uw PPS kan erop reageren, en een review verbergen kan alleen als iemand anders hem meldde.',
  'too-many-lists': () =>
    'U heeft al 50 lijsten, het meeste dat kan. Verwijder eerst een lijst die u niet meer gebruikt.',
  'list-full': () =>
    'Deze lijst heeft al 200 bouwstenen, het meeste dat kan. Haal er eerst een af of kies een andere lijst.',
  'list-asset-not-published': () =>
    'Alleen gepubliceerde bouwstenen kunnen op een lijst; deze is (nog) niet gepubliceerd of gearchiveerd.',
  'list-nothing-for-a-course': () =>
    'Op deze lijst staat geen gepubliceerde module of praktijkomgeving: een cursus kan er niets van gebruiken.',
  'too-many-saved-searches': () =>
    'U heeft al 50 bewaarde zoekopdrachten, het meeste dat kan. Verwijder eerst een zoekopdracht.',
  'email-taken': () =>
    'Er is al een account met dit e-mailadres (hoofdletters tellen niet mee). Vul een ander e-mailadres in, of zoek het account in de lijst hierboven.',
  'last-admin': () =>
    'Dit is het enige actieve beheerdersaccount. Geef eerst een ander account de rol beheerder; daarna kan dit account weg.',
  'organisation-domain-taken': () =>
    'Een van deze domeinen hoort al bij een andere organisatie. Een domein hoort bij één organisatie: haal het daar eerst weg, of laat het hier weg.',
} satisfies Catalogue;
