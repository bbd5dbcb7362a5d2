import { IsOptional, IsString } from 'class-validator';
import { MaxLength, MinLength } from '@bouwsteen/common/pure';
import { maxLengths } from './field-limits';

class Inner {
  @IsString()
  @MaxLength(40)
  note: string;
}

class Outer {
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  title: string;

  @IsOptional()
  @MaxLength(2000)
  summary?: string;

  @IsString()
  free: string;
}

describe('maxLengths', () => {
  it('reads the API limits from the DTO, nested classes by their path', () => {
    expect(maxLengths(Outer, { schedule: Inner })).toEqual({
      title: 200,
      summary: 2000,
      'schedule.note': 40,
    });
  });
});
