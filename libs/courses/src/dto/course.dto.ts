import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, Min } from 'class-validator';
import { MaxLength, MinLength } from '@bouwsteen/common/pure';
import {
  FieldErrorDto,
  FieldValues,
  IsCalendarDate,
  IsNotBefore,
  NestedList,
  NestedObject,
  PageQueryDto,
  PatchType,
} from '@bouwsteen/common';
import { PRICE_MAX_CENTS } from '@bouwsteen/assets/pure';

export const COURSE_STATUSES = ['draft', 'offered', 'running', 'archived'] as const;
export type CourseStatus = (typeof COURSE_STATUSES)[number];

export class EmployerInputDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'An organisation that is already registered',
  })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @ApiPropertyOptional({
    example: 'Installatiebedrijf De Vonk',
    description: 'A new employer, registered on the fly (or found by name)',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;
}

export class CourseItemInputDto {
  @ApiProperty({ format: 'uuid', description: 'A published module or infrastructure profile' })
  @IsUUID()
  assetId: string;

  @ApiPropertyOptional({
    example: 2,
    description: 'Version to pin; defaults to the latest published',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;

  @ApiPropertyOptional({
    example: 'Techport Innovatiecentrum, Beverwijk',
    description: 'Where this part takes place',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  location?: string;
}

export class CourseScheduleDto {
  @ApiPropertyOptional({ example: '2027-02-01' })
  @IsOptional()
  @IsCalendarDate()
  start?: string;

  @ApiPropertyOptional({ example: '2027-04-30' })
  @IsOptional()
  @IsCalendarDate()
  @IsNotBefore('start')
  end?: string;

  @ApiPropertyOptional({ example: 12 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(520)
  durationWeeks?: number;
}

export class CreateCourseDto {
  @ApiProperty({ example: 'Omscholing servicemonteur warmtepompen' })
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  title: string;

  @ApiProperty({ type: EmployerInputDto })
  @NestedObject(() => EmployerInputDto)
  employer: EmployerInputDto;

  @ApiProperty({ example: 'worker', description: 'audiences code' })
  @IsString()
  audience: string;

  @ApiPropertyOptional({ example: 'Zes monteurs kunnen zelfstandig warmtepompen onderhouden.' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  goals?: string;

  @ApiPropertyOptional({ type: CourseScheduleDto })
  @IsOptional()
  @NestedObject(() => CourseScheduleDto)
  schedule?: CourseScheduleDto;

  @ApiPropertyOptional({
    example: 15000,
    description: 'Course extras (coaching, materials) in euro cents per participant',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(PRICE_MAX_CENTS)
  extrasCents?: number;

  @ApiPropertyOptional({ example: 'Intake en praktijkbegeleiding op de werkplek' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  extrasDescription?: string;

  @ApiProperty({ type: [CourseItemInputDto], description: 'In order' })
  @NestedList(() => CourseItemInputDto)
  @ArrayMaxSize(40)
  items: CourseItemInputDto[];
}

export class UpdateCourseDto extends PatchType(CreateCourseDto) {
  @ApiPropertyOptional({ enum: COURSE_STATUSES, example: 'offered' })
  @IsOptional()
  @IsIn(COURSE_STATUSES)
  status?: CourseStatus;
}

export class CourseListQueryDto extends PageQueryDto {}

/** A warning about a course: a field error's shape (its code and values as the API's errors). */
export class CourseIssueDto extends FieldErrorDto {
  @ApiProperty({ example: 'items.2.assetId' })
  override field: string;

  @ApiProperty({
    example: 'prerequisite "PLC programmeren voor beginners" is not earlier in the course',
  })
  override message: string;

  @ApiProperty({
    example: 'prerequisiteNotEarlier',
    description:
      'prerequisiteNotEarlier (values: title), levelJump (from, to), updateAvailable ' +
      '(version) or withdrawn',
  })
  override code: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] },
    example: { title: 'PLC programmeren voor beginners' },
  })
  override values?: FieldValues;
}

export class CourseItemDto {
  @ApiProperty({ example: 1 }) position: number;
  @ApiProperty({ format: 'uuid' }) assetId: string;
  @ApiProperty({ example: 'module' }) kind: string;
  @ApiProperty({ example: 'Installeren en onderhouden van warmtepompen' }) title: string;
  @ApiProperty({ example: 'Opleidingscampus Technische Installaties Amsterdam' }) ppsName: string;
  @ApiProperty({ example: 1 }) version: number;
  @ApiProperty({ example: 2 }) latestVersion: number;
  @ApiProperty({ enum: ['current', 'update-available', 'withdrawn'], example: 'update-available' })
  state: string;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 240 }) studyLoadHours:
    | number
    | null;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 59500 }) priceCents: number | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'mbo-certificaat' }) certification:
    | string
    | null;
  @ApiProperty({ type: [String], example: ['on-site'] }) deliveryModes: string[];
  @ApiProperty({ type: [String], example: ['mbo-3'] }) levels: string[];
  @ApiProperty({ example: 'CC-BY-SA-4.0' }) license: string;
  @ApiPropertyOptional({ type: String, nullable: true }) location: string | null;
}

export class CertificateDto {
  @ApiProperty({ format: 'uuid' }) assetId: string;
  @ApiProperty({ example: 'Installeren en onderhouden van warmtepompen' }) title: string;
  @ApiProperty({ example: 'mbo-certificaat' }) certification: string;
  @ApiProperty({ example: true }) stackable: boolean;
}

export class CourseTotalsDto {
  @ApiProperty({ example: 256, description: 'Hours; sbu counted as hours, 1 ECTS = 28 hours' })
  studyLoadHours: number;
  @ApiProperty({
    example: 74500,
    description: 'Module prices plus extras, euro cents per participant',
  })
  priceCents: number;
  @ApiProperty({ type: [CertificateDto] }) certificates: CertificateDto[];
  @ApiProperty({
    example: true,
    description: 'All certificates of the course are stackable (and there are two or more)',
  })
  certificatesStack: boolean;
  @ApiProperty({ example: { 'on-site': 2, online: 1 } }) deliveryModes: Record<string, number>;
  @ApiPropertyOptional({ example: { lowest: 'mbo-2', highest: 'mbo-3' } }) levelRange: {
    lowest: string;
    highest: string;
  } | null;
}

export class CourseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Omscholing servicemonteur warmtepompen' }) title: string;
  @ApiProperty({
    example: { id: '8f14e45f-ceea-4e6b-9a1d-3b2c1d0e9f8a', name: 'Installatiebedrijf De Vonk' },
  })
  employer: { id: string; name: string };
  @ApiProperty({ example: 'worker' }) audience: string;
  @ApiPropertyOptional({ type: String, nullable: true }) goals: string | null;
  @ApiProperty({ type: CourseScheduleDto }) schedule: CourseScheduleDto;
  @ApiProperty({ enum: COURSE_STATUSES }) status: CourseStatus;
  @ApiProperty({ example: 15000 }) extrasCents: number;
  @ApiPropertyOptional({ type: String, nullable: true }) extrasDescription: string | null;
  @ApiProperty({ type: [CourseItemDto] }) items: CourseItemDto[];
  @ApiProperty({ type: CourseTotalsDto }) totals: CourseTotalsDto;
  @ApiProperty({
    type: [CourseIssueDto],
    description: 'Things to look at; they do not block saving',
  })
  warnings: CourseIssueDto[];
  @ApiProperty({ example: true }) shared: boolean;
  @ApiProperty({ example: 3, description: 'Send as If-Match: "<revision>"' }) revision: number;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class ShareLinkDto {
  @ApiProperty({
    example: 'Xk2…',
    description: 'Anyone with it can read the course; its office can ask for it again',
  })
  token: string;
  @ApiProperty({ example: '/cursus/Xk2…', description: 'The printable page for the employer' })
  html: string;
  @ApiProperty({ example: '/api/v1/shared/courses/Xk2…?format=json' }) json: string;
  @ApiProperty({ example: '/api/v1/shared/courses/Xk2…?format=csv' }) csv: string;
}

export class SharedFormatQueryDto {
  @ApiPropertyOptional({ enum: ['html', 'json', 'csv'], default: 'html' })
  @IsOptional()
  @IsIn(['html', 'json', 'csv'])
  format?: 'html' | 'json' | 'csv';
}
