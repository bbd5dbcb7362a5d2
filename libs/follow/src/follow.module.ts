import { Module } from '@nestjs/common';
import { FollowController } from './follow.controller';
import { FollowRepository } from './follow.repository';
import { FollowService } from './follow.service';
import { NotificationWriter } from './notification-writer';
import { WebhookDispatcher } from './webhook-dispatcher';

@Module({
  controllers: [FollowController],
  providers: [FollowRepository, FollowService, NotificationWriter, WebhookDispatcher],
  exports: [NotificationWriter, WebhookDispatcher, FollowRepository],
})
export class FollowModule {}
