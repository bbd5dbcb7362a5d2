import { ApiProperty } from '@nestjs/swagger';

export class BasedOnDto {
  @ApiProperty({ format: 'uuid' })
  assetId: string;

  @ApiProperty({ example: 2 })
  version: number;
}
