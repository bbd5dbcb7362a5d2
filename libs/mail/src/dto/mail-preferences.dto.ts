import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsObject, ValidateIf, ValidateNested } from 'class-validator';
import {
  DIGEST_FREQUENCIES,
  DigestFrequency,
  MAIL_MODES,
  MAIL_TYPES,
  MailMode,
  MailType,
} from '../mail-types';

export class MailTypePreferenceDto {
  @ApiProperty({ enum: MAIL_TYPES, example: 'material-request' })
  @IsIn(MAIL_TYPES)
  type: MailType;

  @ApiProperty({
    enum: MAIL_MODES,
    example: 'immediate',
    description:
      'off: no mail; digest: in the daily or weekly digest (default); immediate: at once',
  })
  @IsIn(MAIL_MODES)
  mode: MailMode;
}

export class MailTypeSettingDto extends MailTypePreferenceDto {
  @ApiProperty({ example: 'Iemand vraagt uw materiaal', description: 'In Dutch' })
  label: string;
}

export class MailPreferencesDto {
  @ApiProperty({ enum: DIGEST_FREQUENCIES, example: 'daily' })
  digestFrequency: DigestFrequency;

  @ApiProperty({ type: [MailTypeSettingDto], description: 'Every mail type, in a fixed order' })
  types: MailTypeSettingDto[];

  @ApiProperty({
    description:
      'Whether this site sends e-mail at all (SMTP configured); settings are kept either way',
  })
  mailEnabled: boolean;
}

/** What to change; a field left out keeps its setting, null is refused (it would clear it). */
export class ChangeMailPreferencesDto {
  @ApiPropertyOptional({ enum: DIGEST_FREQUENCIES, example: 'weekly' })
  @ValidateIf((_, value) => value !== undefined)
  @IsIn(DIGEST_FREQUENCIES)
  digestFrequency?: DigestFrequency;

  @ApiPropertyOptional({
    type: [MailTypePreferenceDto],
    description: 'Types to change; types left out keep their setting',
  })
  @ValidateIf((_, value) => value !== undefined)
  @IsArray()
  @ArrayMaxSize(MAIL_TYPES.length)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => MailTypePreferenceDto)
  types?: MailTypePreferenceDto[];
}
