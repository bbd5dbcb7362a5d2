import { FieldTexts, PERIOD_TEXTS, STUDY_LOAD_TEXTS, placed } from './record-texts';

/**
 * Each kind's own fields (the object named after the kind), by API path. The kind's object is
 * labelled as the form titles its section ("Over de module").
 */
const STUDY_LOAD = { label: 'Studiebelasting' };

const MODULE_TEXTS: FieldTexts = {
  module: { label: 'Over de module' },
  'module.moduleType': { label: 'Soort module', vocabulary: 'moduleTypes' },
  ...placed(
    'module.learningOutcomes',
    { label: 'Leeruitkomsten', entry: 'Leeruitkomst', help: 'Wat kan de deelnemer na afloop?' },
    {
      text: { label: 'Leeruitkomst' },
      escoUri: {
        label: 'ESCO-vaardigheid (adres)',
        help: 'Bijvoorbeeld http://data.europa.eu/esco/skill/…',
      },
    },
  ),
  ...placed('module.studyLoad', STUDY_LOAD, STUDY_LOAD_TEXTS),
  'module.audiences': { label: 'Doelgroep', vocabulary: 'audiences' },
  'module.learningMode': { label: 'Leervorm', vocabulary: 'learningModes' },
  'module.deliveryModes': { label: 'Vorm van uitvoering', vocabulary: 'deliveryModes' },
  ...placed(
    'module.assessment',
    { label: 'Toetsing' },
    {
      type: { label: 'Soort toets', help: 'Bijvoorbeeld praktijkopdracht.' },
      description: { label: 'Toelichting' },
    },
  ),
  'module.certification': { label: 'Certificaat', vocabulary: 'certifications' },
  'module.stackable': { label: 'Stapelbaar tot een groter geheel' },
  ...placed(
    'module.prerequisites',
    { label: 'Voorkennis' },
    {
      moduleIds: { label: 'Eerst te volgen modules' },
      description: { label: 'Beschrijving van de voorkennis' },
    },
  ),
  'module.electiveCode': {
    label: 'Keuzedeelcode',
    help: 'Als de module een keuzedeel is: de code van SBB, een K met vier cijfers.',
  },
  ...placed(
    'module.price',
    { label: 'Prijs per deelnemer, exclusief btw', help: 'Leeg laten als er geen prijs is.' },
    {
      amountCents: { label: 'Bedrag in eurocent' },
      currency: { label: 'Munteenheid', options: { EUR: 'euro' } },
    },
  ),
  ...placed(
    'module.offerings',
    { label: 'Uitvoeringen', entry: 'Uitvoering' },
    {
      ...placed('period', { label: 'Periode' }, PERIOD_TEXTS),
      id: {
        label: 'Id van de uitvoering',
        help: 'Geeft Bouwsteen; blijft hetzelfde als datum of locatie verandert.',
      },
      location: { label: 'Locatie' },
      seats: { label: 'Aantal plaatsen' },
    },
  ),
  ...placed(
    'module.microCredential',
    {
      label: 'Microcredential',
      help: 'Alleen invullen als de module een microcredential oplevert.',
    },
    {
      awardingBody: { label: 'Uitgevende instelling', help: 'Wie het certificaat afgeeft.' },
      qualityAssurance: { label: 'Kwaliteitsborging' },
      assessmentType: { label: 'Soort beoordeling', help: 'Bijvoorbeeld praktijkexamen.' },
      participation: { label: 'Deelname', help: 'Bijvoorbeeld hybride.' },
    },
  ),
};

const CURRICULUM_TEXTS: FieldTexts = {
  curriculum: { label: 'Over het curriculum' },
  'curriculum.creboCodes': {
    label: 'Crebocodes',
    help: 'Vijf cijfers elk. Een curriculum buiten de mbo-kwalificaties heeft er geen.',
  },
  'curriculum.qualificationDossier': { label: 'Kwalificatiedossier' },
  'curriculum.qualifications': { label: 'Kwalificaties' },
  'curriculum.learningPaths': { label: 'Leerweg', vocabulary: 'learningPaths' },
  'curriculum.durationMonths': { label: 'Duur in maanden' },
  ...placed('curriculum.studyLoad', STUDY_LOAD, STUDY_LOAD_TEXTS),
  ...placed(
    'curriculum.coreTasks',
    { label: 'Kerntaken', entry: 'Kerntaak' },
    {
      code: { label: 'Code', help: 'Zoals B1-K1.' },
      title: { label: 'Naam van de kerntaak' },
      workProcesses: { label: 'Werkprocessen' },
    },
  ),
  'curriculum.electiveCodes': {
    label: 'Keuzedelen',
    help: 'De codes van SBB, één per regel: elk een K met vier cijfers.',
  },
  'curriculum.moduleIds': { label: 'Modules in dit curriculum' },
  'curriculum.admissionRequirements': { label: 'Toelatingseisen' },
  'curriculum.credential': { label: 'Diploma of certificaat' },
};

const INFRASTRUCTURE_TEXTS: FieldTexts = {
  infrastructure: { label: 'Over de praktijkomgeving' },
  'infrastructure.model': { label: 'Model', vocabulary: 'infrastructureModels' },
  'infrastructure.natures': { label: 'Aard', vocabulary: 'infrastructureNature' },
  ...placed(
    'infrastructure.locations',
    {
      label: 'Locaties',
      entry: 'Locatie',
      help: 'Een fysieke omgeving heeft minstens één locatie: een naam en waar die ligt (de plaats of postcode), zodat hij op de kaart komt.',
    },
    {
      name: { label: 'Naam' },
      ...placed(
        'address',
        { label: 'Adres' },
        {
          street: { label: 'Straat en huisnummer' },
          postalCode: { label: 'Postcode', help: 'Zoals 1941 AA.' },
          city: {
            label: 'Plaats',
            help: 'Een plaats die Bouwsteen kent, zet de locatie vanzelf op de kaart; bij een andere plaats vraagt publiceren om de breedte- en lengtegraad.',
          },
          country: { label: 'Land' },
        },
      ),
      lat: {
        label: 'Breedtegraad',
        help: 'De plek op de kaart. Zoek hem op in een kaartdienst (OpenStreetMap, Google Maps): klik met rechts op de plek en neem het eerste getal over, zoals 52,4866.',
      },
      lng: {
        label: 'Lengtegraad',
        help: 'Het tweede getal van dezelfde plek, zoals 4,6565.',
      },
    },
  ),
  ...placed(
    'infrastructure.equipment',
    { label: 'Apparatuur', entry: 'Apparaat' },
    {
      name: { label: 'Naam' },
      ownerOrganisationId: { label: 'Eigenaar (partner)' },
      owner: { label: 'Eigenaar (andere)' },
      capacity: { label: 'Capaciteit', help: 'Hoeveel deelnemers tegelijk.' },
      description: { label: 'Opmerkingen' },
    },
  ),
  ...placed(
    'infrastructure.software',
    { label: 'Software', entry: 'Software', help: 'Wat de plek tot leven brengt.' },
    {
      code: { label: 'Soort software', vocabulary: 'infrastructureSoftware' },
      description: { label: 'Toelichting' },
    },
  ),
  ...placed(
    'infrastructure.contributions',
    { label: 'Bijdragen van partners', entry: 'Bijdrage' },
    {
      organisationId: { label: 'Partner' },
      partner: { label: 'Naam partner' },
      contribution: { label: 'Bijdrage' },
    },
  ),
  'infrastructure.uses': { label: 'Gebruik', vocabulary: 'infrastructureUses' },
  'infrastructure.access': { label: 'Toegang' },
  'infrastructure.booking': { label: 'Reserveren' },
  'infrastructure.openingHours': { label: 'Openingstijden' },
  'infrastructure.costModel': { label: 'Kosten' },
  'infrastructure.usedByIds': { label: 'Gebruikt door (modules en curricula)' },
};

const PRACTICE_TEXTS: FieldTexts = {
  practice: { label: 'Over de goede praktijk' },
  'practice.context': { label: 'Context' },
  'practice.problem': { label: 'Vraagstuk' },
  'practice.approach': { label: 'Aanpak' },
  'practice.results': { label: 'Resultaten' },
  'practice.successConditions': { label: 'Succesfactoren' },
  'practice.pitfalls': { label: 'Valkuilen' },
  'practice.buildingBlocks': {
    label: 'Bouwstenen van de PPS die dit laat zien',
    vocabulary: 'buildingBlocks',
  },
  'practice.configurations': { label: 'Samenwerkingsvormen', vocabulary: 'configurations' },
  'practice.partnerOrganisationIds': { label: 'Betrokken partners' },
  ...placed('practice.period', { label: 'Periode' }, PERIOD_TEXTS),
  'practice.region': { label: 'Regio' },
};

export const KIND_TEXTS: FieldTexts = {
  ...MODULE_TEXTS,
  ...CURRICULUM_TEXTS,
  ...INFRASTRUCTURE_TEXTS,
  ...PRACTICE_TEXTS,
};
