import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AssetPolicy, AssetsRepository } from '@bouwsteen/assets';
import { Principal } from '@bouwsteen/auth';
import {
  Clock,
  DomainException,
  FieldCode,
  FieldError,
  ForbiddenError,
  NotFoundError,
  Page,
  PageQueryDto,
  ValidationFailedError,
  dutchToday,
  toPage,
  unknownOrganisation,
  unknownPps,
} from '@bouwsteen/common';
import { OutboxWriter, TransactionRunner } from '@bouwsteen/database';
import { OrganisationsRepository, PpsRepository } from '@bouwsteen/organisations';
import { RecordReuseDto, ReuseDto } from './dto/reuse.dto';
import { ReusePolicy } from './reuse.policy';
import { DuplicateReuseError, Reuse, ReuseRepository } from './reuse.repository';
import { AssetError } from '@bouwsteen/assets';
import { OrganisationError } from '@bouwsteen/organisations';
import { ReuseError } from './reuse.errors';

/**
 * Reuse is evidence that one PPS or organisation adopted another's asset. Only members speak
 * for their own PPS or organisation (ReusePolicy), and a PPS cannot "reuse" its own work.
 */
@Injectable()
export class ReuseService {
  constructor(
    private readonly reuses: ReuseRepository,
    private readonly assets: AssetsRepository,
    private readonly pps: PpsRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly tx: TransactionRunner,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  /**
   * What is wrong with a reuse to record, beyond its shape: for a form that found shape errors
   * too, so every mistake is named in one round (the fields it sends are the ones that passed).
   */
  async problems(
    principal: Principal,
    assetId: string,
    dto: Partial<RecordReuseDto>,
  ): Promise<FieldError[]> {
    const asset = await this.assets.findForReader(assetId, AssetPolicy.readerScope(principal));
    return asset && asset.publishedVersion !== null ? this.problemsOf(asset, dto) : [];
  }

  private async problemsOf(
    asset: { id: string; publishedVersion: number | null },
    dto: Partial<RecordReuseDto>,
  ): Promise<FieldError[]> {
    const assetId = asset.id;
    const version = dto.version ?? asset.publishedVersion!;
    const errors: FieldError[] = [];
    if (Boolean(dto.adopterPpsId) === Boolean(dto.adopterOrganisationId)) {
      errors.push({
        field: 'adopterPpsId',
        message: 'give exactly one of adopterPpsId and adopterOrganisationId',
        code: FieldCode.ExactlyOneAdopter,
      });
    }
    if ((await this.assets.findVersion(assetId, version))?.state !== 'published') {
      errors.push({
        field: 'version',
        message: `version ${version} of this asset was never published`,
        code: FieldCode.VersionNotPublished,
        values: { version },
      });
    }
    if (dto.startedOn && dto.startedOn > dutchToday(this.clock.now())) {
      errors.push({
        field: 'startedOn',
        message: 'must not be in the future: record a reuse once it has started',
        code: FieldCode.NotInFuture,
      });
    }
    if (dto.adopterPpsId && !(await this.pps.exists(dto.adopterPpsId))) {
      errors.push(unknownPps('adopterPpsId', dto.adopterPpsId));
    }
    if (
      dto.adopterOrganisationId &&
      (await this.organisations.findByIds([dto.adopterOrganisationId])).length === 0
    ) {
      errors.push(unknownOrganisation('adopterOrganisationId', dto.adopterOrganisationId));
    }
    return errors;
  }

  async record(principal: Principal, assetId: string, dto: RecordReuseDto): Promise<ReuseDto> {
    const asset = await this.assets.findForReader(assetId, AssetPolicy.readerScope(principal));
    if (!asset) throw new NotFoundError(AssetError.NotFound, 'asset', assetId);
    if (asset.publishedVersion === null) {
      throw new DomainException(AssetError.NotPublished, 'Only a published asset can be reused');
    }
    const version = dto.version ?? asset.publishedVersion;
    const errors = await this.problemsOf(asset, dto);
    if (errors.length > 0) throw new ValidationFailedError(errors);
    const adopter = { ppsId: dto.adopterPpsId, organisationId: dto.adopterOrganisationId };
    if (!ReusePolicy.mayRecordFor(principal, adopter)) {
      throw new ForbiddenError(
        dto.adopterPpsId
          ? 'You can record reuse only for a PPS you are a member of'
          : 'You can record reuse only for your own organisation',
      );
    }
    if (dto.adopterPpsId === asset.ppsId) {
      throw new DomainException(
        ReuseError.OwnAsset,
        'This asset belongs to that PPS; reuse records adoption by others',
      );
    }
    const id = await this.tx.run(async (manager) => {
      // The asset row is locked first: concurrent records of the same asset take turns, so the
      // recount below always sees every committed record (no lost counts), and an archive that
      // raced this request is seen.
      const locked = await this.assets.lockForUpdate(manager, assetId);
      if (locked?.status === 'archived') {
        throw new DomainException(
          AssetError.Archived,
          `This asset was archived${locked.successorId ? `; its successor is ${locked.successorId}` : ''}: record reuse of a current asset`,
        );
      }
      const created = await this.reuses
        .insert(manager, {
          assetId,
          assetVersion: version,
          adopterPpsId: dto.adopterPpsId ?? null,
          adopterOrganisationId: dto.adopterOrganisationId ?? null,
          mode: dto.mode,
          context: dto.context,
          reachStudents: dto.reachStudents ?? null,
          reachWorkers: dto.reachWorkers ?? null,
          startedOn: dto.startedOn ?? null,
          recordedBy: principal.userId,
        })
        .catch((error: unknown) => {
          if (error instanceof DuplicateReuseError)
            throw new DomainException(
              ReuseError.ReuseExists,
              'This adopter already recorded reuse of this version in this context',
            );
          throw error;
        });
      await this.recount(manager, assetId);
      return created;
    });
    return toReuseDto((await this.reuses.findById(id))!);
  }

  /**
   * Which of these adopters (PPS or organisations) recorded reuse of the asset's version already:
   * the pages offer "record reuse" only to those who may still succeed.
   */
  recordedBy(assetId: string, version: number, adopterIds: string[]): Promise<string[]> {
    return this.reuses.adoptersOf(assetId, version, adopterIds);
  }

  async remove(principal: Principal, id: string): Promise<void> {
    const reuse = await this.reuses.findById(id);
    if (!reuse) throw new NotFoundError(ReuseError.NotFound, 'reuse', id);
    if (!ReusePolicy.mayRemove(principal, reuse)) {
      throw new ForbiddenError('Only whoever recorded a reuse (or an admin) may remove it');
    }
    await this.tx.run(async (manager) => {
      await this.assets.lockForUpdate(manager, reuse.assetId);
      await this.reuses.delete(manager, id);
      await this.recount(manager, reuse.assetId);
    });
  }

  async forAsset(
    principal: Principal | undefined,
    assetId: string,
    query: PageQueryDto,
  ): Promise<Page<ReuseDto>> {
    if (!(await this.assets.readableBy(assetId, AssetPolicy.readerScope(principal))))
      throw new NotFoundError(AssetError.NotFound, 'asset', assetId);
    const [rows, total] = await this.reuses.listForAsset(assetId, query.offset, query.pageSize);
    return toPage(rows.map(toReuseDto), total, query);
  }

  async byPps(ppsId: string, query: PageQueryDto): Promise<Page<ReuseDto>> {
    if (!(await this.pps.exists(ppsId)))
      throw new NotFoundError(OrganisationError.PpsNotFound, 'pps', ppsId);
    const [rows, total] = await this.reuses.listByPps(ppsId, query.offset, query.pageSize);
    return toPage(rows.map(toReuseDto), total, query);
  }

  /** The asset's reuse count (distinct adopters) follows every change, in the index too. */
  private async recount(manager: EntityManager, assetId: string): Promise<void> {
    await this.assets.setReuseCount(
      manager,
      assetId,
      await this.reuses.adopterCount(manager, assetId),
    );
    await this.outbox.enqueue(manager, 'asset', assetId);
  }

  /** Per block, how many reuse records it has (counts only, never who): the publishers' usage figures. */
  countsByAsset(assetIds: readonly string[]): Promise<Map<string, number>> {
    return this.reuses.countsByAsset(assetIds);
  }
}

function toReuseDto(reuse: Reuse): ReuseDto {
  const { recordedBy: _recordedBy, recordedAt, ...rest } = reuse;
  return { ...rest, recordedAt: recordedAt.toISOString() };
}
