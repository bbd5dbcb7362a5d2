import { Module } from '@nestjs/common';
import { AssetsModule } from '@bouwsteen/assets';
import { ReviewEvents } from './review-events';
import { PpsReviewReportsController, ReviewsController } from './reviews.controller';
import { ReviewsRepository } from './reviews.repository';
import { ReviewsService } from './reviews.service';

/** Reviews of building blocks; the pages are in libs/web, the notification in libs/follow. */
@Module({
  imports: [AssetsModule],
  controllers: [ReviewsController, PpsReviewReportsController],
  providers: [ReviewsRepository, ReviewsService, ReviewEvents],
  exports: [ReviewsService, ReviewEvents],
})
export class ReviewsModule {}
