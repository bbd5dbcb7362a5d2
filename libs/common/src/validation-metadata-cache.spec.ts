import 'reflect-metadata';
import { IsInt, IsString, ValidateNested, validate } from 'class-validator';
import { Type, plainToInstance } from 'class-transformer';
import { cacheValidationMetadata } from './validation-metadata-cache';
import { VALIDATOR_OPTIONS } from './validation';

class Part {
  @IsInt()
  hours!: number;
}

class Whole {
  @IsString()
  title!: string;

  @ValidateNested()
  @Type(() => Part)
  part!: Part;
}

const problems = async (plain: object) =>
  (await validate(plainToInstance(Whole, plain), VALIDATOR_OPTIONS)).map((error) => ({
    property: error.property,
    constraints: error.constraints,
    children: error.children?.map((child) => child.constraints),
  }));

describe('validation metadata cache', () => {
  it('gives the same verdicts as class-validator without it, for good and bad values', async () => {
    const cases = [
      { title: 'Module', part: { hours: 4 } },
      { title: 4, part: { hours: 'vier' } },
      { title: 'Module', part: { hours: 4 }, extra: true },
    ];
    const before = await Promise.all(cases.map(problems));
    cacheValidationMetadata();
    expect(await Promise.all(cases.map(problems))).toEqual(before);
    expect(await Promise.all(cases.map(problems))).toEqual(before);
    expect(before[0]).toEqual([]);
    expect(before[1].map((problem) => problem.property)).toEqual(['title', 'part']);
    expect(before[2][0].constraints).toEqual({
      whitelistValidation: 'property extra should not exist',
    });
  });

  it('sees rules added after a class was first validated', async () => {
    cacheValidationMetadata();
    class Later {
      @IsString()
      name!: string;
    }
    expect(await validate(plainToInstance(Later, { name: 1 }), VALIDATOR_OPTIONS)).toHaveLength(1);
    // A rule registered later for the same class (as a subclass or a late decorator would).
    IsInt()(Later.prototype, 'count');
    const errors = await validate(
      plainToInstance(Later, { name: 'x', count: 'veel' }),
      VALIDATOR_OPTIONS,
    );
    expect(errors.map((error) => [error.property, Object.keys(error.constraints ?? {})])).toEqual([
      ['count', ['isInt']],
    ]);
  });
});
