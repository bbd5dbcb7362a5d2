import { Injectable, Logger } from '@nestjs/common';
import { SearchDocumentsRepository } from './search-documents.repository';
import { SearchIndex } from './search-index';
import { SearchIndexer } from './search-indexer';

export interface DriftReport {
  missing: string[];
  extra: string[];
  stale: string[];
  repaired: boolean;
}

/**
 * Rebuilds the index from PostgreSQL beside the live one and swaps them in one atomic step, so
 * searchers never see a half-built index; and finds and repairs drift between the two stores.
 */
@Injectable()
export class ReindexService {
  private readonly logger = new Logger(ReindexService.name);

  constructor(
    private readonly documents: SearchDocumentsRepository,
    private readonly index: SearchIndex,
    private readonly indexer: SearchIndexer,
  ) {}

  async rebuild(
    progress: (done: number) => void = () => undefined,
    batchSize = 5000,
  ): Promise<number> {
    const staging = `${this.index.name}_rebuild_${Date.now()}`;
    await this.index.ensure();
    await this.index.ensure(staging);
    let done = 0;
    try {
      const tasks: number[] = [];
      for await (const batch of this.documents.allDocuments(batchSize)) {
        tasks.push(await this.index.enqueue(batch, staging));
        done += batch.length;
        progress(done);
      }
      await this.index.waitAll(tasks);
      await this.index.swapWith(staging);
    } finally {
      // After the swap the staging name holds the old documents; before it, a partial build.
      await this.index.drop(staging);
    }
    this.logger.log(`Rebuilt ${this.index.name} with ${done} documents`);
    return done;
  }

  async drift(repair: boolean): Promise<DriftReport> {
    const expected = await this.documents.indexableVersions();
    const actual = await this.index.versions();
    const missing = [...expected.keys()].filter((id) => !actual.has(id));
    const extra = [...actual.keys()].filter((id) => !expected.has(id));
    const stale = [...expected.entries()]
      .filter(([id, version]) => actual.has(id) && actual.get(id) !== version)
      .map(([id]) => id);
    if (repair) {
      const ids = [...missing, ...extra, ...stale];
      for (let start = 0; start < ids.length; start += 1000)
        await this.indexer.apply(ids.slice(start, start + 1000));
    }
    return { missing, extra, stale, repaired: repair };
  }
}
