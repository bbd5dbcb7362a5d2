import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString } from 'class-validator';
import { MaxLength, MinLength } from '@bouwsteen/common/pure';
import { PASSWORD_LINK_PURPOSES, PasswordLinkPurpose } from '../passwords/password-link-rules';

export class ChangePasswordDto {
  @ApiProperty({ example: 'the-password-you-signed-in-with' })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  currentPassword: string;

  @ApiProperty({ example: 'a-long-passphrase-of-your-own', minLength: 12 })
  @IsString()
  @MinLength(12)
  @MaxLength(256)
  newPassword: string;
}

/** The password chosen on an invitation or reset link's page. */
export class NewPasswordDto {
  @IsString()
  @MinLength(12)
  @MaxLength(256)
  newPassword: string;
}

export class PasswordLinkDto {
  @ApiProperty({ enum: PASSWORD_LINK_PURPOSES, example: 'invitation' })
  purpose: PasswordLinkPurpose;

  @ApiProperty({
    example: 'https://bouwsteen.example.nl/wachtwoord-instellen/Zx9…',
    description:
      'Shown once: pass it on to the account’s owner. It works once, until expiresAt, and a newer link for the account ends it.',
  })
  url: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt: string;

  @ApiProperty({
    example: true,
    description:
      'Whether a mail with the link was queued to the account’s address (only when e-mail is set up: SMTP_URL)',
  })
  mailed: boolean;
}

export class SessionDto {
  @ApiProperty({
    format: 'uuid',
    description: 'Names the session to end it (DELETE /me/sessions/{id})',
  })
  id: string;

  @ApiProperty({ format: 'date-time', description: 'When the browser signed in' })
  startedAt: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Last request, to the minute',
  })
  lastSeenAt: string | null;

  @ApiProperty({ format: 'date-time' })
  expiresAt: string;

  @ApiProperty({ example: 'Firefox op Windows', description: 'Browser and system, in Dutch' })
  browser: string;
}
