import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, IsUrl } from 'class-validator';
import { MaxLength, MinLength } from '@bouwsteen/common/pure';
import {
  IsBrinCode,
  IsCountryCode,
  IsDomainName,
  IsKvkNumber,
  IsPostalCode,
  NestedList,
  OptionalNotNull,
  PageQueryDto,
  PatchType,
} from '@bouwsteen/common';

export class AddressDto {
  @ApiPropertyOptional({ example: 'Zeestraat 12' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  street?: string;

  @ApiPropertyOptional({ example: '1941 AA' })
  @IsOptional()
  @IsPostalCode()
  postalCode?: string;

  @ApiProperty({ example: 'Beverwijk' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  city: string;

  @ApiPropertyOptional({ example: 'NL' })
  @IsOptional()
  @IsCountryCode()
  country?: string;
}

export class CreateOrganisationDto {
  @ApiProperty({ example: 'Nova College' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ example: 'Nova' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  shortName?: string;

  @ApiProperty({ example: 'school', description: 'Code from the organisationTypes vocabulary' })
  @IsString()
  type: string;

  @ApiPropertyOptional({ type: [String], example: ['ROC Nova College'] })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  @ArrayMaxSize(20)
  aliases?: string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['novacollege.nl'],
    description:
      'Domains of the home organisation claim (schac_home_organization) by which people signing in through a federation belong to this organisation; each domain belongs to one organisation at most',
  })
  @IsOptional()
  @IsArray()
  @IsDomainName({ each: true })
  @ArrayMaxSize(20)
  domains?: string[];

  @ApiPropertyOptional({ example: '41224532', description: 'KvK number (8 digits)' })
  @IsOptional()
  @IsKvkNumber()
  kvkNumber?: string;

  @ApiPropertyOptional({
    example: '25LJ',
    description: 'BRIN code of a school (2 digits + 2 characters)',
  })
  @IsOptional()
  @IsBrinCode()
  brinCode?: string;

  @ApiPropertyOptional({ example: 'https://www.novacollege.nl' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(500)
  website?: string;

  @ApiPropertyOptional({ type: [AddressDto] })
  @OptionalNotNull()
  @NestedList(() => AddressDto)
  @ArrayMaxSize(20)
  addresses?: AddressDto[];
}

export class UpdateOrganisationDto extends PatchType(CreateOrganisationDto) {}

export class OrganisationListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'nova', description: 'Matches name, short name or alias' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ example: 'school' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  type?: string;
}

export class OrganisationDto {
  @ApiProperty({ example: '8f14e45f-ceea-4e6b-9a1d-3b2c1d0e9f8a' })
  id: string;

  @ApiProperty({ example: 'Nova College' })
  name: string;

  @ApiPropertyOptional({ example: 'Nova', type: String, nullable: true })
  shortName: string | null;

  @ApiProperty({ example: 'school' })
  type: string;

  @ApiProperty({ type: [String], example: ['ROC Nova College'] })
  aliases: string[];

  @ApiProperty({ type: [String], example: ['novacollege.nl'] })
  domains: string[];

  @ApiPropertyOptional({ example: null, type: String, nullable: true })
  kvkNumber: string | null;

  @ApiPropertyOptional({ example: '25LJ', type: String, nullable: true })
  brinCode: string | null;

  @ApiPropertyOptional({ example: 'https://www.novacollege.nl', type: String, nullable: true })
  website: string | null;

  @ApiProperty({ type: [AddressDto] })
  addresses: AddressDto[];

  @ApiProperty({ example: 'seed', description: 'seed, demo or user' })
  source: string;

  @ApiProperty({ example: 1, description: 'Send as If-Match: "<revision>" when editing' })
  revision: number;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class OrganisationRefDto {
  @ApiProperty({ example: '8f14e45f-ceea-4e6b-9a1d-3b2c1d0e9f8a' })
  id: string;

  @ApiProperty({ example: 'ROC van Amsterdam' })
  name: string;

  @ApiProperty({ example: 'school' })
  type: string;
}
