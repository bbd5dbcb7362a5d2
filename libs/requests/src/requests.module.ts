import { Module } from '@nestjs/common';
import { AssetsModule } from '@bouwsteen/assets';
import { OrganisationsModule } from '@bouwsteen/organisations';
import { RequestEvents } from './request-events';
import { RequestsRepository } from './requests.repository';
import { RequestsService } from './requests.service';

/** Requests for material and each PPS's inbox of them; the pages are in libs/web. */
@Module({
  imports: [AssetsModule, OrganisationsModule],
  providers: [RequestsRepository, RequestsService, RequestEvents],
  exports: [RequestsService, RequestsRepository, RequestEvents],
})
export class RequestsModule {}
