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
    levels: ['mbo-4'],
    license: 'CC-BY-4.0',
    curriculum: {
      creboCodes: ['25923'],
      learningPaths: ['bbl'],
      electiveCodes: ['K0080'],
      durationMonths: 36,
    },
    ...overrides,
  };
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
    license: 'CC-BY-4.0',
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
    license: 'CC-BY-4.0',
    practice: {
      problem: 'Te weinig docenten.',
      approach: 'Monteurs geven les in duo met een docent.',
      configurations: ['B'],
    },
    ...overrides,
  };
}
