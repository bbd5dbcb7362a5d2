import { Global, Module } from '@nestjs/common';
import { Clock } from './clock';
import {
  DNS_RESOLVER,
  DnsResolver,
  PublicHttpClient,
  systemResolver,
} from './net/public-http-client';

@Global()
@Module({
  providers: [
    Clock,
    { provide: DNS_RESOLVER, useValue: systemResolver },
    // A factory, not @Injectable: the client stays a plain class its unit spec can load.
    {
      provide: PublicHttpClient,
      useFactory: (resolver: DnsResolver) => new PublicHttpClient(resolver),
      inject: [DNS_RESOLVER],
    },
  ],
  exports: [Clock, PublicHttpClient],
})
export class CommonModule {}
