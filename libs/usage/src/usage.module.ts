import { Module } from '@nestjs/common';
import { AssetsModule } from '@bouwsteen/assets';
import { CoursesModule } from '@bouwsteen/courses';
import { FollowModule } from '@bouwsteen/follow';
import { RequestsModule } from '@bouwsteen/requests';
import { ReuseModule } from '@bouwsteen/reuse';
import { ReviewsModule } from '@bouwsteen/reviews';
import { SearchAnalyticsService } from './search-analytics.service';
import { SearchLogRepository } from './search-log.repository';
import { UsageRecorder } from './usage-recorder';
import { UsageService } from './usage.service';
import { UsageController } from './usage.controller';
import { ViewsRepository } from './views.repository';

/** Usage figures and search analytics; the pages (dashboard, analytics) are in libs/web. */
@Module({
  imports: [AssetsModule, CoursesModule, FollowModule, RequestsModule, ReuseModule, ReviewsModule],
  controllers: [UsageController],
  providers: [
    ViewsRepository,
    SearchLogRepository,
    UsageRecorder,
    UsageService,
    SearchAnalyticsService,
  ],
  exports: [UsageRecorder, UsageService, SearchAnalyticsService],
})
export class UsageModule {}
