import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsDateString, IsOptional, IsUrl } from 'class-validator';
import { MaxLength } from '@bouwsteen/common/pure';
import { PageQueryDto } from '@bouwsteen/common';

export class FollowDto {
  @ApiProperty({ enum: ['asset', 'pps'], example: 'asset' })
  targetType: 'asset' | 'pps';

  @ApiProperty({ format: 'uuid' })
  targetId: string;

  @ApiProperty({ format: 'date-time' })
  since: string;
}

export class NotificationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({
    enum: ['new-version', 'archived', 'review', 'saved-search'],
    example: 'new-version',
    description:
      'review: a review of a block of your PPS; saved-search: new blocks for one of your saved searches with alerts on',
  })
  type: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The block it is about; null for saved-search (see assetIds)',
  })
  assetId: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 2 })
  assetVersion: number | null;

  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'saved-search: the new blocks (the first 20); empty for the other types',
  })
  assetIds: string[];

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '/zoeken?q=cobots&niveau=mbo-2&sorteer=nieuw',
    description: 'saved-search: the page showing the search; null for the other types',
  })
  link: string | null;

  @ApiProperty({ example: 'u volgt deze bouwsteen', description: 'Why you are told, in Dutch' })
  reason: string;

  @ApiProperty({
    example: 'Nieuwe versie (2) van "Veilig werken met cobots"',
    description: 'In Dutch',
  })
  message: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  readAt: string | null;
}

export class NotificationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: true, description: 'Only unread notifications' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;
}

export class MarkAllReadDto {
  @ApiPropertyOptional({
    example: '2026-11-28T09:00:00Z',
    description:
      'Only those made at or before this instant (what you saw); left out: every unread notification',
  })
  @IsOptional()
  @IsDateString({ strict: true })
  upTo?: string;
}

export class MarkedReadDto {
  @ApiProperty({ example: 3, description: 'How many unread notifications are now read' })
  marked: number;
}

export class CreateWebhookDto {
  @ApiProperty({
    example: 'https://lms.example.nl/hooks/bouwsteen',
    description: 'Receives a signed POST per notification',
  })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  @MaxLength(2000)
  url: string;
}

export class WebhookDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'https://lms.example.nl/hooks/bouwsteen' })
  url: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class CreatedWebhookDto extends WebhookDto {
  @ApiProperty({
    example: 'whsec_9f…',
    description:
      'Shown once. Each delivery carries X-Bouwsteen-Signature: sha256=HMAC-SHA256(secret, timestamp + "." + body) and X-Bouwsteen-Timestamp',
  })
  secret: string;
}
