import { randomBytes } from 'node:crypto';

export function unique(label: string): string {
  return `${label} ${randomBytes(3).toString('hex')}`;
}

export function moduleBody(
  ppsId: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    kind: 'module',
    ppsId,
    title: unique('E-learning Hydrauliek voor monteurs'),
    summary: 'Online module over hydraulische systemen, storingzoeken en veilig werken.',
    keywords: ['hydrauliek', 'storingzoeken'],
    levels: ['mbo-3'],
    sectors: ['techniek'],
    themes: ['llo'],
    license: 'CC-BY-SA-4.0',
    contacts: [{ role: 'Projectleider', name: 'Team opleidingen' }],
    module: {
      moduleType: 'e-learning',
      learningOutcomes: [{ text: 'Leest een hydraulisch schema en vindt een storing.' }],
      studyLoad: { value: 2, unit: 'ects' },
      audiences: ['worker'],
      learningMode: 'formal',
      deliveryModes: ['online'],
      certification: 'micro-credential',
      price: { amountCents: 25000, currency: 'EUR' },
    },
    ...overrides,
  };
}

export function curriculumBody(
  ppsId: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    kind: 'curriculum',
    ppsId,
    title: unique('Leerlijn Servicetechnicus'),
    summary: 'BBL-leerlijn servicetechnicus met praktijk bij de partners.',
    keywords: ['servicetechniek', 'bbl'],
    sectors: ['techniek'],
    levels: ['mbo-4'],
    license: 'CC-BY-4.0',
    contacts: [{ role: 'Projectleider', name: 'Team opleidingen' }],
    curriculum: {
      creboCodes: ['25923'],
      learningPaths: ['bbl'],
      electiveCodes: ['K0080'],
      durationMonths: 36,
    },
    ...overrides,
  };
}

/** A curriculum built of `moduleIds` (publishing one needs at least one module). */
export function curriculumWith(
  ppsId: string,
  moduleIds: string[],
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const body = curriculumBody(ppsId, overrides);
  return { ...body, curriculum: { ...(body.curriculum as object), moduleIds } };
}

export function infrastructureBody(
  ppsId: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    kind: 'infrastructure',
    ppsId,
    title: unique('Praktijkhal Duurzame Energie'),
    summary: 'Praktijkhal met warmtepompen en zonnepanelen voor studenten en werkenden.',
    keywords: ['warmtepomp', 'zonnepanelen'],
    sectors: ['techniek'],
    levels: ['mbo-3', 'mbo-4'],
    license: 'CC-BY-4.0',
    contacts: [{ role: 'Projectleider', name: 'Team opleidingen' }],
    infrastructure: {
      model: 'central',
      natures: ['physical'],
      locations: [
        {
          name: 'Praktijkhal',
          lat: 52.37,
          lng: 4.89,
          address: { city: 'Amsterdam', postalCode: '1014 BB' },
        },
      ],
      uses: ['learning'],
    },
    ...overrides,
  };
}

export function practiceBody(
  ppsId: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    kind: 'practice',
    ppsId,
    title: unique('Hybride docenten in de installatietechniek'),
    summary: 'Hoe monteurs uit bedrijven een dag per week lesgeven.',
    keywords: ['hybride docent', 'installatietechniek'],
    sectors: ['techniek'],
    levels: ['mbo-3'],
    license: 'CC-BY-4.0',
    contacts: [{ role: 'Projectleider', name: 'Team opleidingen' }],
    practice: {
      problem: 'Te weinig docenten.',
      approach: 'Monteurs geven les in duo met een docent.',
      configurations: ['B'],
    },
    ...overrides,
  };
}

/** Ids a full block refers to: organisations of its PPS and other blocks of the same PPS. */
export interface FullBlockRefs {
  organisationId: string;
  moduleId: string;
  curriculumId: string;
}

const tricky = 'Punt; komma, streep | en \\ backslash';

/** A block of `kind` with every field of every kind of value filled, nested ones included. */
export function fullBody(
  kind: 'module' | 'curriculum' | 'infrastructure' | 'practice',
  ppsId: string,
  refs: FullBlockRefs,
): Record<string, unknown> {
  const shared = {
    kind,
    ppsId,
    title: unique(`Volledig ingevulde ${kind}`),
    summary: 'Een bouwsteen waarin elk veld is ingevuld, ook de geneste.',
    description: 'Eerste alinea.\n\nTweede alinea met “aanhalingstekens” en een é.',
    keywords: ['a;b', 'c|d', 'e,f', 'gewoon'],
    language: 'en',
    sectors: ['techniek', 'ict'],
    levels: ['mbo-3', 'mbo-4'],
    themes: ['llo', 'innovation'],
    challenges: ['digital', 'energy'],
    license: 'CC-BY-4.0',
    contacts: [
      {
        role: tricky,
        name: 'Team Volledig',
        email: 'team@example.nl',
        phone: '+31 20 123 4567',
        organisationId: refs.organisationId,
      },
      { role: 'Tweede contact' },
    ],
    links: [
      { title: tricky, url: 'https://example.nl/a?b=c;d', type: 'video' },
      { title: 'Handleiding', url: 'https://example.nl/handleiding.pdf', type: 'document' },
    ],
  };
  switch (kind) {
    case 'module':
      return {
        ...shared,
        module: {
          moduleType: 'keuzedeel',
          learningOutcomes: [
            { text: tricky, escoUri: 'http://data.europa.eu/esco/skill/abc' },
            { text: 'Tweede uitkomst' },
          ],
          studyLoad: { value: 1.25, unit: 'ects' },
          audiences: ['student', 'worker'],
          learningMode: 'formal',
          deliveryModes: ['hybrid', 'workplace'],
          assessment: { type: 'praktijkopdracht', description: 'Op de werkplek; met | tekens' },
          certification: 'mbo-certificaat',
          stackable: true,
          prerequisites: { moduleIds: [refs.moduleId], description: 'Basis, eerst doen' },
          electiveCode: 'K0080',
          price: { amountCents: 39550, currency: 'EUR' },
          offerings: [
            { period: { start: '2026-09-01', end: '2026-12-01' }, location: 'Almere', seats: 12 },
            { period: { start: '2027-02-01' }, location: 'Lelystad; hal 2' },
          ],
          microCredential: {
            awardingBody: 'Nova College',
            qualityAssurance: 'Kwaliteitsregister',
            assessmentType: 'praktijkexamen',
            participation: 'hybride',
          },
        },
      };
    case 'curriculum':
      return {
        ...shared,
        curriculum: {
          creboCodes: ['25923', '25831'],
          qualificationDossier: 'Eerste monteur elektrotechnische installaties',
          qualifications: ['Eerste monteur woning', 'Eerste monteur utiliteit'],
          learningPaths: ['bol', 'bbl'],
          durationMonths: 36,
          studyLoad: { value: 4800, unit: 'sbu' },
          coreTasks: [
            {
              code: 'B1-K1',
              title: 'Installeert; onderhoudt',
              workProcesses: ['B1-K1-W1 Bereidt voor, plant', 'B1-K1-W2 Voert uit'],
            },
            { code: 'B1-K2', title: 'Levert op' },
          ],
          electiveCodes: ['K0080', 'K0771'],
          moduleIds: [refs.moduleId],
          admissionRequirements: 'Vmbo-diploma kader',
          credential: 'mbo-diploma niveau 3',
        },
      };
    case 'infrastructure':
      return {
        ...shared,
        infrastructure: {
          model: 'distributed',
          natures: ['physical', 'digital'],
          locations: [
            {
              name: 'Praktijkhal; noord',
              address: {
                street: 'Zeestraat 12',
                postalCode: '1941 AA',
                city: 'Beverwijk',
                country: 'NL',
              },
              lat: 52.4866,
              lng: 4.6565,
            },
            {
              name: 'Satelliet',
              address: { city: 'Sydney', country: 'AU' },
              lat: -33.5,
              lng: 151.25,
            },
          ],
          equipment: [
            {
              name: 'Cobot-werkcel',
              ownerOrganisationId: refs.organisationId,
              owner: 'Tata Steel',
              capacity: 8,
              description: 'Twee werkplekken',
            },
            { name: 'Simulator' },
          ],
          software: [
            { code: 'coaching', description: 'Hybride docenten, op dinsdag' },
            { code: 'facility' },
          ],
          contributions: [
            {
              organisationId: refs.organisationId,
              partner: 'Tata Steel',
              contribution: 'Levert de installatie',
            },
          ],
          uses: ['learning', 'innovating'],
          access: 'Open voor alle PPS',
          booking: 'Via het roosterbureau',
          openingHours: 'ma–vr 8.00–21.00',
          costModel: 'Dagdeeltarief',
          usedByIds: [refs.moduleId, refs.curriculumId],
        },
      };
    case 'practice':
      return {
        ...shared,
        practice: {
          context: 'Drie ROC’s en twaalf bedrijven',
          problem: 'Bedrijven haakten af.',
          approach: 'Een gezamenlijke leerwerkplaats.',
          results: 'Uitval daalde van 18% naar 9%.',
          successConditions: ['Vaste contactpersoon', 'Korte lijnen; elke week'],
          pitfalls: ['Roosters botsen'],
          buildingBlocks: ['form', 'place'],
          configurations: ['B', 'C'],
          partnerOrganisationIds: [refs.organisationId],
          period: { start: '2020-09-01', end: '2022-07-01' },
          region: 'Zaanstreek',
        },
      };
  }
}

/** The same kind with only what is required: every optional field left out. */
export function minimalBody(
  kind: 'module' | 'curriculum' | 'infrastructure' | 'practice',
  ppsId: string,
  /** A curriculum is published with at least one module; without one it stays a draft. */
  moduleId?: string,
): Record<string, unknown> {
  const shared = {
    kind,
    ppsId,
    title: unique(`Kale ${kind}`),
    summary: 'Alleen de verplichte velden zijn ingevuld.',
    keywords: ['kaal'],
    sectors: ['techniek'],
    levels: ['mbo-2'],
    license: 'CC0-1.0',
    contacts: [{ role: 'Contact', email: 'contact@example.nl' }],
  };
  switch (kind) {
    case 'module':
      return {
        ...shared,
        module: {
          moduleType: 'lesmodule',
          learningOutcomes: [{ text: 'Doet iets.' }],
          studyLoad: { value: 8, unit: 'hour' },
          audiences: ['student'],
          learningMode: 'non-formal',
          deliveryModes: ['on-site'],
          certification: 'none',
        },
      };
    case 'curriculum':
      return {
        ...shared,
        curriculum: { creboCodes: [], ...(moduleId ? { moduleIds: [moduleId] } : {}) },
      };
    case 'infrastructure':
      return { ...shared, infrastructure: { model: 'central', natures: ['digital'] } };
    case 'practice':
      return { ...shared, practice: { problem: 'Een probleem.', approach: 'Een aanpak.' } };
  }
}

/**
 * A module of which "dit bestaat al" compares only what is given here: its title, summary,
 * keywords and learning outcomes (no description, no default outcomes shared with others).
 */
export function comparedModule(
  ppsId: string,
  text: { title: string; summary: string; keywords: string[]; outcomes: string[] },
): Record<string, unknown> {
  return moduleBody(ppsId, {
    title: text.title,
    summary: text.summary,
    keywords: text.keywords,
    description: undefined,
    module: {
      ...(moduleBody(ppsId).module as object),
      learningOutcomes: text.outcomes.map((outcome) => ({ text: outcome })),
    },
  });
}

/** The published cobot module of the import's similarity tests, and a rewrite of it. */
export const COBOT_MODULE = {
  title: 'Veilig werken met collaboratieve robots',
  summary: 'Online module over risicoanalyse en veilig samenwerken met cobots op de werkvloer.',
  keywords: ['cobot', 'robotica', 'veiligheid'],
  outcomes: ['Voert een risicoanalyse uit voor een cobot-werkplek'],
};
export const COBOT_REWRITE = {
  title: 'Veilig samenwerken met cobots',
  summary:
    'E-learning over risicoanalyse en veilig werken met collaboratieve robots op de werkvloer.',
  keywords: ['cobot', 'robotica', 'veiligheid'],
  outcomes: ['Maakt een risicoanalyse van een werkplek met een cobot'],
};
