import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { MaxLength, MinLength } from '@bouwsteen/common/pure';

/** Deleting one's own account: said twice, so a stolen session alone cannot do it. */
export class DeleteOwnAccountDto {
  @ApiProperty({
    example: 'anna@pps-techniek.nl',
    description:
      'The account’s e-mail address, typed again (letter case and spaces around it do not matter).',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(320)
  confirmation: string;

  @ApiPropertyOptional({
    example: 'the-password-you-signed-in-with',
    description:
      'Required when the account has a password (checked as a sign-in is, so a wrong one counts towards the limit); an account that only signs in through its institution has none.',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  currentPassword?: string;
}
