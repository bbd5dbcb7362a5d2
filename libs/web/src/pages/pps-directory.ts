import { Injectable } from '@nestjs/common';
import { PpsListQueryDto, PpsService, PpsSummaryDto } from '@bouwsteen/organisations';

/** At most this many PPS are listed on one page; the region has a few dozen. */
const MAX_PPS = 1000;

/** Every PPS, for the PPS overview, the start page and the names behind the PPS facet. */
@Injectable()
export class PpsDirectory {
  constructor(private readonly pps: PpsService) {}

  async all(): Promise<PpsSummaryDto[]> {
    const all: PpsSummaryDto[] = [];
    for (let pageNumber = 1; all.length < MAX_PPS; pageNumber++) {
      const page = await this.pps.list(
        Object.assign(new PpsListQueryDto(), { pageNumber, pageSize: 100 }),
      );
      all.push(...page.items);
      if (pageNumber >= page.totalPages) break;
    }
    return all.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  }
}
