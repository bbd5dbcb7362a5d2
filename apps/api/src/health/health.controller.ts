import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Auth } from '@bouwsteen/auth';
import { Readiness, ReadinessService } from './readiness.service';

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(private readonly readiness: ReadinessService) {}

  @Get('health/live')
  @Auth({ public: true })
  @ApiOperation({ summary: 'The process is up (no dependencies checked)' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('health/ready')
  @Auth({ public: true })
  @ApiOperation({
    summary:
      'ok, or degraded (search down or indexing failing: writes still work), or error (PostgreSQL down: 503)',
  })
  async ready(@Res({ passthrough: true }) response: Response): Promise<Readiness> {
    const result = await this.readiness.check();
    if (result.status === 'error') response.status(503);
    return result;
  }

  @Get('metrics')
  @Auth({ public: true })
  @Header('Content-Type', 'text/plain; version=0.0.4')
  @ApiProduces('text/plain')
  @ApiOperation({
    summary: 'Prometheus gauges: search outbox backlog and failures, Meilisearch up',
  })
  metrics(): Promise<string> {
    return this.readiness.metrics();
  }
}
