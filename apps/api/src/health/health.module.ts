import { Module } from '@nestjs/common';
import { SearchModule } from '@bouwsteen/search';
import { HealthController } from './health.controller';
import { ReadinessService } from './readiness.service';

@Module({
  imports: [SearchModule],
  controllers: [HealthController],
  providers: [ReadinessService],
})
export class HealthModule {}
