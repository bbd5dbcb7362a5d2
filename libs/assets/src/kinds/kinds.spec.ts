import type { AssetVersionEntity } from '../entities/asset-version.entity';
import { EMPTY_KIND_COLUMNS, KIND_HANDLERS, nlqfLevel } from '.';

/** A version as read from the database (the entity has no behaviour, only columns). */
function stored(columns: object): AssetVersionEntity {
  const version: AssetVersionEntity = Object.assign(
    {} as AssetVersionEntity,
    EMPTY_KIND_COLUMNS,
    columns,
    {
      levels: ['mbo-4'],
    },
  );
  version.studyLoadHours =
    version.studyLoadUnit === 'ects' ? (version.studyLoadValue ?? 0) * 28 : version.studyLoadValue;
  return version;
}

describe('asset kind handlers', () => {
  const cases: Record<string, object> = {
    module: {
      moduleType: 'e-learning',
      learningOutcomes: [{ text: 'Leest een schema.' }],
      studyLoad: { value: 3, unit: 'ects' },
      audiences: ['worker'],
      learningMode: 'formal',
      deliveryModes: ['online'],
      certification: 'micro-credential',
      stackable: true,
      prerequisites: { moduleIds: ['0b7f6a54-3c39-4c55-9d0a-3d1f8f6f9a10'], description: 'Basis' },
      electiveCode: 'K0080',
      price: { amountCents: 1000, currency: 'EUR' },
    },
    curriculum: {
      creboCodes: ['25831'],
      learningPaths: ['bbl'],
      electiveCodes: ['K0771'],
      moduleIds: [],
      durationMonths: 36,
    },
    infrastructure: {
      model: 'hub',
      natures: ['physical', 'digital'],
      uses: ['learning'],
      usedByIds: [],
      locations: [{ name: 'Hal', lat: 52, lng: 4 }],
    },
    practice: {
      problem: 'Probleem',
      approach: 'Aanpak',
      buildingBlocks: ['form'],
      configurations: ['B'],
      period: { start: '2020-01-01' },
    },
  };

  it.each(Object.entries(cases))('stores and restores a %s without loss', (kind, input) => {
    const handler = KIND_HANDLERS[kind as keyof typeof KIND_HANDLERS];
    expect(handler.toInput(stored(handler.toColumns(input)))).toEqual(input);
  });

  it('shows the study load in hours, converting ECTS at 28 hours', () => {
    const view = KIND_HANDLERS.module.toView(
      stored(KIND_HANDLERS.module.toColumns(cases.module)),
    ) as { studyLoad: unknown };
    expect(view.studyLoad).toEqual({ value: 3, unit: 'ects', hours: 84 });
  });

  it('derives the NLQF level from the highest education level', () => {
    expect(nlqfLevel(['mbo-2', 'mbo-4'])).toBe(4);
    expect(nlqfLevel(['entree'])).toBe(1);
    expect(nlqfLevel(['vo'])).toBeNull();
  });

  it('lists the references a version makes, with their allowed kinds', () => {
    expect(
      KIND_HANDLERS.infrastructure.references(
        { ...cases.infrastructure, usedByIds: ['x'] },
        'infrastructure',
      ),
    ).toEqual([{ field: 'infrastructure.usedByIds.0', id: 'x', kinds: ['module', 'curriculum'] }]);
  });
});
