import { Module } from '@nestjs/common';
import { AuthModule } from '@bouwsteen/auth';
import { CommonModule } from '@bouwsteen/common';
import { ConfigModule } from '@bouwsteen/config';
import { DatabaseModule } from '@bouwsteen/database';
import { SeedModule } from '@bouwsteen/seed';

@Module({ imports: [ConfigModule, CommonModule, DatabaseModule, AuthModule, SeedModule] })
export class CliModule {}
