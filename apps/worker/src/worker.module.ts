import { Module } from '@nestjs/common';
import { CommonModule } from '@bouwsteen/common';
import { ConfigModule } from '@bouwsteen/config';
import { DatabaseModule } from '@bouwsteen/database';
import { FollowWorkerModule } from '@bouwsteen/follow';
import { ImportsWorkerModule } from '@bouwsteen/imports';
import { JobsModule } from '@bouwsteen/jobs';
import { ListsWorkerModule } from '@bouwsteen/lists';
import { MailWorkerModule } from '@bouwsteen/mail';
import { SearchIndexModule, SearchModule } from '@bouwsteen/search';

/**
 * Background work runs here, apart from the API, so it scales and fails on its own: the search
 * outbox relay, and the job engine's jobs (imports, webhook deliveries, saved-search alerts,
 * e-mail). SearchModule gives the
 * imports' "dit bestaat al" check (searching with the derived search-only key).
 */
@Module({
  imports: [
    ConfigModule,
    CommonModule,
    DatabaseModule,
    SearchIndexModule,
    SearchModule,
    JobsModule,
    FollowWorkerModule,
    ImportsWorkerModule,
    ListsWorkerModule,
    MailWorkerModule,
  ],
})
export class WorkerModule {}
