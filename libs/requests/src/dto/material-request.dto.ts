import { ApiProperty } from '@nestjs/swagger';
import { IsString } from 'class-validator';
import { MaxLength, MinLength } from '@bouwsteen/common/pure';
import { AccountEmail } from '@bouwsteen/auth/pure';

/**
 * What someone asking a PPS for its material tells it: who they are, how to answer them, where
 * they work and what they want it for. Nothing more is asked: it is personal data the PPS only
 * needs to answer (see the retention in request-rules.ts).
 */
export class SendMaterialRequestDto {
  @ApiProperty({ example: 'Sanne de Vries' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @ApiProperty({ example: 's.devries@roc-voorbeeld.nl' })
  @AccountEmail()
  email: string;

  @ApiProperty({ example: 'ROC Voorbeeld, opleiding Mechatronica' })
  @IsString()
  @MinLength(1)
  @MaxLength(150)
  organisation: string;

  @ApiProperty({ example: 'Ik wil de module volgend jaar gebruiken in leerjaar 2 (BOL).' })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  purpose: string;
}
