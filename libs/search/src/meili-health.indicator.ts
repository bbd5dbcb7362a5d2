import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { MeiliSearch } from 'meilisearch';
import { MEILI_CLIENT } from './meili-client.provider';

@Injectable()
export class MeiliHealthIndicator {
  constructor(
    @Inject(MEILI_CLIENT) private readonly client: MeiliSearch,
    private readonly health: HealthIndicatorService,
  ) {}

  async check(key = 'meilisearch'): Promise<HealthIndicatorResult> {
    const indicator = this.health.check(key);
    try {
      const { status } = await this.client.health();
      return status === 'available' ? indicator.up() : indicator.down({ status });
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : 'unreachable' });
    }
  }
}
