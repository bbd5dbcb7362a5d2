import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckResult,
  HealthCheckService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { Auth } from '@bouwsteen/auth';
import { MeiliHealthIndicator } from '@bouwsteen/search';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly meili: MeiliHealthIndicator,
  ) {}

  @Get('live')
  @Auth({ public: true })
  @ApiOperation({ summary: 'The process is up (no dependencies checked)' })
  @HealthCheck()
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  @Get('ready')
  @Auth({ public: true })
  @ApiOperation({ summary: 'PostgreSQL and Meilisearch answer; 503 otherwise' })
  @HealthCheck()
  ready(): Promise<HealthCheckResult> {
    return this.health.check([
      () => this.database.pingCheck('postgres', { timeout: 2000 }),
      () => this.meili.check('meilisearch'),
    ]);
  }
}
