import { Global, Module } from '@nestjs/common';
import { Clock } from './clock';
import { DNS_RESOLVER, PublicHttpClient, systemResolver } from './net/public-http-client';

@Global()
@Module({
  providers: [Clock, PublicHttpClient, { provide: DNS_RESOLVER, useValue: systemResolver }],
  exports: [Clock, PublicHttpClient],
})
export class CommonModule {}
