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

/** E-mail settings and the queueing of mail with its cause (API side; never sends). */
@Module({
  imports: [FollowModule, RequestsModule, JobsModule],
  controllers: [MailController],
  providers: [MailRepository, MailKeys, MailPreferencesService, MailQueue],
  exports: [MailPreferencesService, MailKeys],
})
export class MailModule {}

/** The worker's side: sends mail (jobs of the mail queue) and looks for due digests. */
@Module({
  imports: [FollowModule, RequestsModule, JobsModule],
  providers: [MailRepository, MailKeys, MailEntries, MailTransport, MailJob, DigestJob],
})
export class MailWorkerModule {}
