import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validate } from 'class-validator';
import { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { DtoClass, dtoClasses } from '../harness/dto-walk';

/**
 * Rules over every request DTO, read from the real classes: their class-validator metadata
 * comes with their Nest/Swagger decorators, which the unit tier does not load — so this runs
 * with the services' tiers, needing no database of its own.
 */

const ARRAY_ONLY = ['arrayMaxSize', 'arrayMinSize', 'arrayUnique', 'arrayNotEmpty'];

function byProperty(target: DtoClass): Map<string, ValidationMetadata[]> {
  const result = new Map<string, ValidationMetadata[]>();
  for (const metadata of getMetadataStorage().getTargetValidationMetadatas(
    target,
    '',
    true,
    false,
  )) {
    result.set(metadata.propertyName, [...(result.get(metadata.propertyName) ?? []), metadata]);
  }
  return result;
}

const nameOf = (metadata: ValidationMetadata) => metadata.name ?? metadata.type;

describe('request DTO rules (checked over every DTO)', () => {
  const classes = dtoClasses();

  it('finds the DTOs', () => {
    expect(classes.length).toBeGreaterThan(40);
  });

  it('declares @IsArray on every list, so a string sent for a list is named as such', () => {
    const missing: string[] = [];
    for (const target of classes) {
      for (const [property, metadatas] of byProperty(target)) {
        const isList = metadatas.some(
          (metadata) => metadata.each || ARRAY_ONLY.includes(nameOf(metadata) ?? ''),
        );
        const hasIsArray = metadatas.some((metadata) => nameOf(metadata) === 'isArray');
        if (isList && !hasIsArray) missing.push(`${target.name}.${property}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('checks every date-only field as a real calendar date', () => {
    const loose: string[] = [];
    for (const target of classes) {
      for (const [property, metadatas] of byProperty(target)) {
        const patterns = metadatas.filter((metadata) => nameOf(metadata) === 'matches');
        if (
          patterns.some((metadata) => String(metadata.constraints?.[0]).includes('\\d{4}-\\d{2}'))
        )
          loose.push(`${target.name}.${property}`);
      }
    }
    expect(loose).toEqual([]);
  });
});

describe('nested objects and PATCH bodies (checked over every DTO)', () => {
  const classes = dtoClasses();

  it('checks every nested object as an object, so [[…]], [] or "text" is refused by name', () => {
    const loose: string[] = [];
    for (const target of classes) {
      for (const [property, metadatas] of byProperty(target)) {
        const nested = metadatas.filter((metadata) => metadata.type === 'nestedValidation');
        const objects = metadatas.filter((metadata) => nameOf(metadata) === 'isObject');
        for (const rule of nested)
          if (!objects.some((object) => Boolean(object.each) === Boolean(rule.each)))
            loose.push(`${target.name}.${property}${rule.each ? ' (each)' : ''}`);
      }
    }
    expect(loose).toEqual([]);
  });

  /** The class each PATCH body leaves fields out of; a new Update*Dto must be added here. */
  const CREATES: Record<string, string> = {
    UpdateAssetDto: 'AssetContentDto',
    UpdatePpsDto: 'CreatePpsDto',
    UpdateOrganisationDto: 'CreateOrganisationDto',
    UpdateUserDto: 'CreateUserDto',
    UpdateCourseDto: 'CreateCourseDto',
    UpdateListDto: 'CreateListDto',
    UpdateSavedSearchDto: 'CreateSavedSearchDto',
  };

  it('refuses null in every PATCH field its create requires (omitted keeps, null would clear)', async () => {
    const named = new Map(classes.map((target) => [target.name, target]));
    const updates = classes.filter((target) => /^Update\w*Dto$/.test(target.name));
    expect(updates.map((target) => target.name).sort()).toEqual(Object.keys(CREATES).sort());
    const accepted: string[] = [];
    for (const update of updates) {
      const create = named.get(CREATES[update.name])!;
      const missing = new Set(
        (await validate(plainToInstance(create as never, {}) as object)).map(
          (error) => error.property,
        ),
      );
      expect(missing.size).toBeGreaterThan(0);
      for (const property of missing) {
        const errors = await validate(
          plainToInstance(update as never, { [property]: null }) as object,
        );
        if (!errors.some((error) => error.property === property))
          accepted.push(`${update.name}.${property}`);
      }
    }
    expect(accepted).toEqual([]);
  });
});
