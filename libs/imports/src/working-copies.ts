import { Inject, Injectable, Logger } from '@nestjs/common';
import { chmodSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';

/** `<job id>.<pid>`: whose copy it is, so a worker only ever clears the copies of dead ones. */
const COPY_NAME = /^([0-9a-f-]{36})\.(\d+)$/;

/**
 * A worker's copies of the files of the imports it runs (spreadsheets are read by random
 * access): a private directory (0700), a 0600 file per running job, removed when the job ends.
 * A worker killed outright leaves its copies; the next worker to start on the host clears those
 * whose process is gone.
 */
@Injectable()
export class WorkingCopies {
  private readonly logger = new Logger(WorkingCopies.name);
  private prepared?: string;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  private get directory(): string {
    if (this.prepared) return this.prepared;
    const directory = this.config.imports.directory;
    mkdirSync(directory, { recursive: true, mode: 0o700 });
    // A directory others could read or write would let them read or swap a copy: closed.
    if (statSync(directory).mode & 0o077) chmodSync(directory, 0o700);
    return (this.prepared = directory);
  }

  pathFor(jobId: string): string {
    return join(this.directory, `${jobId}.${process.pid}`);
  }

  remove(jobId: string): void {
    rmSync(this.pathFor(jobId), { force: true });
  }

  /** Removes copies left by workers that are no longer running. */
  clearLeftovers(): number {
    let cleared = 0;
    for (const name of readdirSync(this.directory)) {
      const match = COPY_NAME.exec(name);
      if (!match || isAlive(Number(match[2]))) continue;
      rmSync(join(this.directory, name), { force: true });
      cleared++;
    }
    if (cleared > 0) this.logger.log(`Removed ${cleared} file copies left by stopped workers`);
    return cleared;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
