import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { AssetsRepository, AssetsService, CreateAssetDto } from '@bouwsteen/assets';
import { Principal } from '@bouwsteen/auth';
import {
  DomainException,
  VALIDATOR_OPTIONS,
  flattenValidationErrors,
  nameKey,
} from '@bouwsteen/common';
import { TransactionRunner } from '@bouwsteen/database';
import { PpsFields, PpsRepository } from '@bouwsteen/organisations';
import { QualificationsService } from '@bouwsteen/qualifications';
import { ReuseError, ReuseService } from '@bouwsteen/reuse';
import { readFile, readJson } from './seed-files';
import { SeedSummary } from './seed-summary';

interface DemoAsset {
  key: string;
  pps: string;
  kind: CreateAssetDto['kind'];
  status: 'draft' | 'published';
  [field: string]: unknown;
}

interface DemoReuse {
  asset: string;
  adopterPps: string;
  mode: 'as-is' | 'adapted' | 'inspired';
  context: string;
  reachStudents?: number;
  reachWorkers?: number;
}

interface DemoFile {
  pps: Record<string, Partial<PpsFields>>;
  assets: DemoAsset[];
  reuses: DemoReuse[];
}

/** The illustrative qualification structure the demo's crebo and keuzedeel codes belong to. */
const REFERENCE_QUALIFICATIONS = 'kwalificaties-referentieset.xml';

/** References between demo assets are written as demo keys and resolved to ids on load. */
const REFERENCE_FIELDS: Record<string, [string, string]> = {
  moduleRefs: ['moduleIds', 'curriculum'],
  usedByRefs: ['usedByIds', 'infrastructure'],
};

@Injectable()
export class DemoService {
  constructor(
    private readonly assetsService: AssetsService,
    private readonly assets: AssetsRepository,
    private readonly pps: PpsRepository,
    private readonly tx: TransactionRunner,
    private readonly reuse: ReuseService,
    private readonly qualifications: QualificationsService,
  ) {}

  async load(publisher: Principal): Promise<NonNullable<SeedSummary['demo']>> {
    const demo = readJson<DemoFile>('demo.json');
    const summary = {
      ppsProfilesFilled: 0,
      assetsCreated: 0,
      assetsUnchanged: 0,
      reusesCreated: 0,
      // The demo's codes get names and coverage from an illustrative set in SBB's format; an
      // operator's import of SBB's own file replaces it and is never overwritten by it.
      qualificationsLoaded: await this.qualifications.loadReference(
        readFile(REFERENCE_QUALIFICATIONS),
        REFERENCE_QUALIFICATIONS,
      ),
    };
    const ppsIds = new Map<string, string>();
    for (const name of new Set([
      ...Object.keys(demo.pps),
      ...demo.assets.map((asset) => asset.pps),
    ])) {
      const found = await this.pps.findByKey(nameKey(name));
      if (!found)
        throw new Error(`demo.json names an unknown PPS "${name}"; run the reference seed first`);
      ppsIds.set(name, found.id);
      const profile = demo.pps[name];
      // Only a PPS nobody has described yet gets the demo profile; real edits win.
      if (profile && found.configurations.length === 0 && !found.purpose) {
        await this.tx.run((manager) =>
          this.pps.update(manager, found.id, found.rowVersion, profile),
        );
        summary.ppsProfilesFilled++;
      }
    }
    const idsByKey = new Map<string, string>();
    for (const entry of demo.assets) {
      const existing = await this.assets.findByDemoKey(entry.key);
      if (existing) {
        idsByKey.set(entry.key, existing.id);
        summary.assetsUnchanged++;
        continue;
      }
      const dto = await this.toDto(entry, ppsIds.get(entry.pps)!, idsByKey);
      const created = await this.assetsService.create(publisher, dto, {
        source: 'demo',
        demoKey: entry.key,
      });
      idsByKey.set(entry.key, created.id);
      if (entry.status === 'published')
        await this.assetsService.publish(publisher, created.id, created.revision, {});
      summary.assetsCreated++;
    }
    for (const reuse of demo.reuses) {
      const adopter = await this.pps.findByKey(nameKey(reuse.adopterPps));
      const assetId = idsByKey.get(reuse.asset);
      if (!adopter || !assetId)
        throw new Error(
          `demo.json: reuse of ${reuse.asset} by ${reuse.adopterPps} names something unknown`,
        );
      // Through the same service as a user's record: the same rules, and "already recorded"
      // is how a second load learns it has nothing to do.
      const created = await this.reuse
        .record(publisher, assetId, {
          adopterPpsId: adopter.id,
          mode: reuse.mode,
          context: reuse.context,
          reachStudents: reuse.reachStudents,
          reachWorkers: reuse.reachWorkers,
        })
        .then(
          () => true,
          (error: unknown) => {
            if (error instanceof DomainException && error.code === ReuseError.ReuseExists)
              return false;
            throw error;
          },
        );
      if (created) summary.reusesCreated++;
    }
    return summary;
  }

  /** Runs the same validation as the API, so demo content can never hold what a user could not. */
  private async toDto(
    entry: DemoAsset,
    ppsId: string,
    idsByKey: Map<string, string>,
  ): Promise<CreateAssetDto> {
    const { key, pps: _pps, status: _status, ...fields } = entry;
    const details = { ...(fields[entry.kind] as Record<string, unknown>) };
    for (const [refField, [idField]] of Object.entries(REFERENCE_FIELDS)) {
      const refs = details[refField] as string[] | undefined;
      if (!refs) continue;
      delete details[refField];
      details[idField] = refs.map((ref) => {
        const id = idsByKey.get(ref);
        if (!id)
          throw new Error(`demo asset ${key} refers to ${ref}, which is not defined before it`);
        return id;
      });
    }
    const dto = plainToInstance(CreateAssetDto, { ...fields, [entry.kind]: details, ppsId });
    const errors = await validate(dto, VALIDATOR_OPTIONS);
    if (errors.length > 0) {
      throw new Error(
        `demo asset ${key} is invalid: ${JSON.stringify(flattenValidationErrors(errors))}`,
      );
    }
    return dto;
  }
}
