import 'reflect-metadata';
import { Type, plainToInstance } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Min,
  ValidateNested,
  validate,
} from 'class-validator';
import { MaxLength } from './text-length';
import { IsCalendarDate, IsNotBefore } from './dates';
import { IsCreboCode } from './formats';
import { VALIDATOR_OPTIONS, flattenValidationErrors } from './validation';

class Period {
  @IsCalendarDate()
  start!: string;

  @IsCalendarDate()
  @IsNotBefore('start')
  end!: string;
}

class Contact {
  @IsString()
  @MaxLength(10)
  name!: string;
}

class Block {
  @IsString()
  @MaxLength(1000)
  title!: string;

  @IsOptional()
  @IsInt()
  @Min(0.25)
  hours?: number;

  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  @ArrayMaxSize(3)
  keywords?: string[];

  @IsOptional()
  @IsIn(['mbo-3', 'mbo-4'])
  level?: string;

  @IsOptional()
  @IsArray()
  @IsCreboCode({ each: true })
  creboCodes?: string[];

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => Period)
  period?: Period;

  @IsOptional()
  @IsArray()
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => Contact)
  contacts?: Contact[];
}

const errorsOf = async (plain: object) =>
  flattenValidationErrors(await validate(plainToInstance(Block, plain), VALIDATOR_OPTIONS));

describe('field errors of the DTO rules', () => {
  it("name the rule as the code, with the decorator's parameters as values", async () => {
    expect(
      await errorsOf({
        title: 'x'.repeat(1001),
        hours: 0,
        keywords: ['a', 'b', 'c', 'd'.repeat(61)],
        level: 'hbo',
        creboCodes: ['1234'],
      }),
    ).toEqual([
      {
        field: 'title',
        message: 'must be shorter than or equal to 1000 characters',
        code: 'maxLength',
        values: { max: 1000 },
      },
      { field: 'hours', message: 'must not be less than 0.25', code: 'min', values: { min: 0.25 } },
      {
        field: 'keywords',
        message: 'must contain no more than 3 elements',
        code: 'arrayMaxSize',
        values: { max: 3 },
      },
      {
        field: 'keywords',
        message: 'each value in keywords must be shorter than or equal to 60 characters',
        code: 'maxLength',
        values: { max: 60, each: true },
      },
      {
        field: 'level',
        message: 'must be one of the following values: mbo-3, mbo-4',
        code: 'isIn',
        values: { allowed: 'mbo-3, mbo-4' },
      },
      {
        field: 'creboCodes',
        message: 'each crebo code must be 5 digits',
        code: 'isCreboCode',
        values: { each: true },
      },
    ]);
  });

  it('give nested fields their path, and custom rules their own names', async () => {
    const errors = await errorsOf({
      title: 'Module',
      period: { start: '2026-02-01', end: '2026-01-31' },
      contacts: [{ name: 'Een te lange naam' }],
    });
    expect(errors.map(({ field, code, values }) => ({ field, code, values }))).toEqual([
      { field: 'period.end', code: 'isNotBefore', values: { start: 'start' } },
      { field: 'contacts.0.name', code: 'maxLength', values: { max: 10 } },
    ]);
  });

  it('report a missing value, a wrong type and an unknown field by their own codes', async () => {
    const errors = await errorsOf({ hours: 'veel', contacts: [[]], extra: 1 });
    expect(errors.map(({ field, code, message }) => ({ field, code, message }))).toEqual([
      { field: 'extra', code: 'whitelistValidation', message: 'is not a known field; remove it' },
      { field: 'title', code: 'isDefined', message: 'is required' },
      { field: 'hours', code: 'isInt', message: 'must be an integer (got a string)' },
      { field: 'contacts.0', code: 'isObject', message: 'must be an object (got an array)' },
    ]);
  });
});
