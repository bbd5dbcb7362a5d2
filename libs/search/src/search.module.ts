import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { MeiliHealthIndicator } from './meili-health.indicator';
import { meiliClientProvider } from './meili-client.provider';

@Module({
  imports: [TerminusModule],
  providers: [meiliClientProvider, MeiliHealthIndicator],
  exports: [meiliClientProvider, MeiliHealthIndicator],
})
export class SearchModule {}
