import { Module } from '@nestjs/common';
import { AssetsModule } from '@bouwsteen/assets';
import { JobsModule } from '@bouwsteen/jobs';
import { OrganisationsModule } from '@bouwsteen/organisations';
import { ReviewsModule } from '@bouwsteen/reviews';
import { FollowController } from './follow.controller';
import { FollowRepository } from './follow.repository';
import { FollowService } from './follow.service';
import { NotificationEvents } from './notification-events';
import { NotificationWriter } from './notification-writer';
import { WebhookDispatcher } from './webhook-dispatcher';

/** Follows, notifications and webhooks; hangs off the asset events, so assets need not know it. */
@Module({
  imports: [AssetsModule, OrganisationsModule, JobsModule, ReviewsModule],
  controllers: [FollowController],
  providers: [FollowRepository, FollowService, NotificationWriter, NotificationEvents],
  exports: [NotificationWriter, NotificationEvents, FollowRepository, FollowService],
})
export class FollowModule {}

/** The worker's side: makes the deliveries (jobs of the webhook queue). */
@Module({
  imports: [FollowModule, JobsModule],
  providers: [WebhookDispatcher],
})
export class FollowWorkerModule {}
