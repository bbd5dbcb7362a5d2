import { Module } from '@nestjs/common';
import { CommonModule } from '@bouwsteen/common';
import { ConfigModule } from '@bouwsteen/config';
import { DatabaseModule } from '@bouwsteen/database';
import { FollowModule } from '@bouwsteen/follow';
import { SearchIndexModule } from '@bouwsteen/search';

/** Background jobs run here, apart from the API, so they scale and fail on their own. */
@Module({ imports: [ConfigModule, CommonModule, DatabaseModule, SearchIndexModule, FollowModule] })
export class WorkerModule {}
