import { Module } from '@nestjs/common';
import { AssetsModule } from '@bouwsteen/assets';
import { OrganisationsModule } from '@bouwsteen/organisations';
import { FollowController } from './follow.controller';
import { FollowRepository } from './follow.repository';
import { FollowService } from './follow.service';
import { NotificationWriter } from './notification-writer';
import { WebhookDispatcher } from './webhook-dispatcher';

/** Follows, notifications and webhooks; hangs off the asset events, so assets need not know it. */
@Module({
  imports: [AssetsModule, OrganisationsModule],
  controllers: [FollowController],
  providers: [FollowRepository, FollowService, NotificationWriter, WebhookDispatcher],
  exports: [NotificationWriter, WebhookDispatcher, FollowRepository, FollowService],
})
export class FollowModule {}
