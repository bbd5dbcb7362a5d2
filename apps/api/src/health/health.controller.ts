import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Auth, CurrentPrincipal, Principal, isAdmin } from '@bouwsteen/auth';
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
      'ok; degraded (search unreachable, key refused, search failing, or indexing failing or parked: writes still work); or down (PostgreSQL: 503). Within 2 s. Status only, unless an admin asks.',
  })
  async ready(
    @CurrentPrincipal() principal: Principal | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Readiness | Pick<Readiness, 'status'>> {
    const result = await this.readiness.check();
    response.setHeader('Cache-Control', 'no-store');
    if (result.status === 'down') response.status(503);
    // Check details name internal hosts and error texts: for admins only.
    return isAdmin(principal) ? result : { status: result.status };
  }

  @Get('metrics')
  @Auth({ public: true })
  @Header('Content-Type', 'text/plain; version=0.0.4')
  @ApiProduces('text/plain')
  @ApiOperation({
    summary:
      'Prometheus gauges: readiness, PostgreSQL and Meilisearch up, search outbox backlog, failures and parked entries (numbers only)',
  })
  metrics(): Promise<string> {
    return this.readiness.metrics();
  }
}
