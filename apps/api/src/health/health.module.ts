import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { SearchIndexModule } from '@bouwsteen/search';
import { HealthController } from './health.controller';
import { ReadinessService } from './readiness.service';

@Module({
  imports: [TerminusModule.forRoot({ logger: false }), SearchIndexModule],
  controllers: [HealthController],
  providers: [ReadinessService],
})
export class HealthModule {}
