import { Module } from '@nestjs/common';
import { SearchIndexModule } from '@bouwsteen/search';
import { HealthController } from './health.controller';
import { ReadinessService } from './readiness.service';

@Module({
  imports: [SearchIndexModule],
  controllers: [HealthController],
  providers: [ReadinessService],
})
export class HealthModule {}
