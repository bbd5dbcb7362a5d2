import { Module } from '@nestjs/common';
import { FollowModule } from '@bouwsteen/follow';
import { JobsModule } from '@bouwsteen/jobs';
import { RequestsModule } from '@bouwsteen/requests';
import { DigestJob } from './digest-job';
import { MailController } from './mail.controller';
import { MailEntries } from './mail-entries';
import { MailJob } from './mail-job';
import { MailKeys } from './mail-keys';
import { MailPreferencesService } from './mail-preferences.service';
import { MailQueue } from './mail-queue';
import { MailRepository } from './mail.repository';
import { MailTransport } from './mail-transport';

/**
 * Queueing mail with its cause, wherever the cause happens: in the API (a request, a review, a
 * new version) and in the worker (saved-search alerts). One module, so an application holding
 * both sides still has one MailQueue listening, never two mailing the same notification.
 */
@Module({
  imports: [FollowModule, RequestsModule, JobsModule],
  providers: [MailRepository, MailKeys, MailQueue],
  exports: [MailRepository, MailKeys],
})
export class MailQueueModule {}

/** E-mail settings and the queueing of mail with its cause (API side; never sends). */
@Module({
  imports: [MailQueueModule],
  controllers: [MailController],
  providers: [MailPreferencesService],
  exports: [MailPreferencesService, MailQueueModule],
})
export class MailModule {}

/** The worker's side: sends mail (jobs of the mail queue), looks for due digests, and queues. */
@Module({
  imports: [MailQueueModule, FollowModule, RequestsModule, JobsModule],
  providers: [MailEntries, MailTransport, MailJob, DigestJob],
})
export class MailWorkerModule {}
