import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  EXPANSIONS,
  LEVELS,
  LEVELS_OF_QUALIFICATION,
  MODES_OF_DELIVERY,
  ORGANIZATION_TYPES,
  PAGE_SIZES,
  PROGRAM_TYPES,
  QUALIFICATIONS_AWARDED,
  SECTORS,
  SORTS,
  courseQuery,
  offeringQuery,
} from './ooapi-parameters';

/** The bundled spec, unmodified: our copies of its enumerations must be exactly its own. */
const spec = JSON.parse(
  readFileSync(join(__dirname, '../../../../test/fixtures/specs/ooapi-v5/ooapi.json'), 'utf8'),
);
const schemas = spec.components.schemas;

/** The schema of a path's parameter, its $ref followed. */
function parameter(path: string, name: string) {
  for (const entry of spec.paths[path].get.parameters) {
    const resolved = entry.$ref
      ? entry.$ref
          .slice(2)
          .split('/')
          .reduce((node: Record<string, unknown>, key: string) => node[key], spec)
      : entry;
    if (resolved.name === name) return resolved.schema;
  }
  throw new Error(`${path} has no ${name}`);
}

describe('OOAPI parameters against the spec', () => {
  it('knows each enumeration as the spec lists it', () => {
    expect(LEVELS).toEqual(schemas.level.enum);
    expect(MODES_OF_DELIVERY).toEqual(schemas.modesOfDelivery.items.enum);
    expect(ORGANIZATION_TYPES).toEqual(schemas.organizationType.enum);
    expect(PROGRAM_TYPES).toEqual(schemas.programType.enum);
    expect(QUALIFICATIONS_AWARDED).toEqual(schemas.qualificationAwarded.enum);
    expect(LEVELS_OF_QUALIFICATION).toEqual(schemas.levelOfQualification.enum);
    expect(SECTORS).toEqual(schemas.sector.enum);
    expect(PAGE_SIZES).toEqual(parameter('/courses', 'pageSize').enum);
  });

  it('sorts and expands by what each path allows', () => {
    const sorts = (path: string) =>
      (parameter(path, 'sort').items.enum as string[]).filter((value) => !value.startsWith('-'));
    expect([...SORTS.courses].sort()).toEqual(sorts('/courses').sort());
    expect([...SORTS.offerings].sort()).toEqual(sorts('/courses/{courseId}/offerings').sort());
    expect([...SORTS.organizations].sort()).toEqual(sorts('/organizations').sort());
    expect([...SORTS.programs].sort()).toEqual(sorts('/programs').sort());
    expect(EXPANSIONS.course).toEqual(parameter('/courses/{courseId}', 'expand').items.enum);
    expect(EXPANSIONS.offering).toEqual(parameter('/offerings/{offeringId}', 'expand').items.enum);
    expect(EXPANSIONS.organization).toEqual(
      parameter('/organizations/{organizationId}', 'expand').items.enum,
    );
    expect(EXPANSIONS.program).toEqual(parameter('/programs/{programId}', 'expand').items.enum);
  });

  it('reads a sort with - for descending, and refuses what the spec does not allow', () => {
    expect(courseQuery({ sort: '-name,courseId' }).sort).toEqual([
      { field: 'name', descending: true },
      { field: 'courseId', descending: false },
    ]);
    expect(courseQuery({}).sort).toEqual([{ field: 'name', descending: false }]);
    expect(() => courseQuery({ sort: 'startDate' })).toThrow(/sort/);
    expect(() => courseQuery({ q: ['a', 'b'] })).toThrow(/q must be given once/);
    expect(() => courseQuery({ level: { a: 'b' } })).toThrow(/level/);
  });

  it('shows future offerings unless since is asked', () => {
    expect(offeringQuery({}, '2026-05-01').since).toBe('2026-05-01');
    expect(offeringQuery({ since: '2020-01-01' }, '2026-05-01').since).toBe('2020-01-01');
    expect(() => offeringQuery({ since: '2026-02-30' }, '2026-05-01')).toThrow(/since/);
  });
});
