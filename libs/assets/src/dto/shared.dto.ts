import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsEmail,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  IsUrl,
  Max,
  Min,
} from 'class-validator';
import { MaxLength, MinLength } from '@bouwsteen/common/pure';
import { IsCalendarDate, IsNotBefore, IsPhoneNumber } from '@bouwsteen/common';
import { LINK_TYPES, STUDY_LOAD_UNITS } from '../asset-codes';

/** Contacts are roles ("projectleider"), not people's private data; email should be a team address. */
export class ContactDto {
  @ApiProperty({ example: 'Projectleider' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  role: string;

  @ApiPropertyOptional({ example: 'Team Techport' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({ example: 'info@techportmbo.nl' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ example: '+31 251 123 456' })
  @IsOptional()
  @IsPhoneNumber()
  phone?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;
}

export class LinkDto {
  @ApiProperty({ example: 'Docentenhandleiding (PDF)' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @ApiProperty({ example: 'https://www.wikiwijs.nl/arrangement/voorbeeld' })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2000)
  url: string;

  @ApiProperty({ enum: LINK_TYPES, example: 'document' })
  @IsIn(LINK_TYPES)
  type: (typeof LINK_TYPES)[number];
}

export class StudyLoadDto {
  @ApiProperty({ example: 40, description: 'Amount in the given unit' })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0.25)
  @Max(10000)
  value: number;

  @ApiProperty({
    enum: STUDY_LOAD_UNITS,
    example: 'sbu',
    description: 'hour; sbu (studiebelastingsuur, 1 hour); ects (28 hours)',
  })
  @IsIn(STUDY_LOAD_UNITS)
  unit: (typeof STUDY_LOAD_UNITS)[number];
}

export class StudyLoadViewDto extends StudyLoadDto {
  @ApiProperty({
    example: 40,
    description: 'The load in hours (1 sbu = 1 hour, 1 ECTS = 28 hours)',
  })
  hours: number;
}

export class PeriodDto {
  @ApiPropertyOptional({ example: '2020-09-01' })
  @IsOptional()
  @IsCalendarDate()
  start?: string;

  @ApiPropertyOptional({ example: '2022-07-01' })
  @IsOptional()
  @IsCalendarDate()
  @IsNotBefore('start')
  end?: string;
}
