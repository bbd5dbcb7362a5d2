import { Inject, Injectable, Optional } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Principal } from '@bouwsteen/auth';
import {
  Clock,
  DomainException,
  FieldCode,
  FieldError,
  ForbiddenError,
  MAX_PAGE_SIZE,
  NotFoundError,
  Page,
  PageQueryDto,
  ValidationFailedError,
  assertFresh,
  toPage,
  unknownPps,
} from '@bouwsteen/common';
import { AuditTrail, OutboxWriter, TransactionRunner } from '@bouwsteen/database';
import { PpsRepository } from '@bouwsteen/organisations';
import { ContentChecks } from './content-checks';
import {
  contentOf,
  mergeContent,
  otherKinds,
  similarityFeatures,
  toVersionColumns,
  withOfferingIds,
} from './asset-content';
import { toAssetDto, toAssetSummaryDto, toVersionSummaryDto } from './asset.mapper';
import { wholeSeconds } from './whole-seconds';
import { publishedAssetFields, publishedVersionFields } from './publication';
import { AssetChangeLogEntry, AssetsRepository, ChangeLogPosition } from './assets.repository';
import { AssetContentDto } from './dto/asset-content.dto';
import {
  ArchiveAssetDto,
  AssetDto,
  AssetListQueryDto,
  AssetSummaryDto,
  CreateAssetDto,
  PublishAssetDto,
  UpdateAssetDto,
  VersionSummaryDto,
} from './dto/asset.dto';
import { AssetKind } from './asset-codes';
import { AssetEntity } from './entities/asset.entity';
import {
  AssetWithSimilarDto,
  DeriveAssetDto,
  DerivativeDto,
  LineageDto,
} from './dto/derivative.dto';
import { licenseNotes } from './license-policy';
import { Licenses } from './licenses';
import { LineageRow } from './assets.repository';
import { AssetPolicy } from './asset.policy';
import { AssetEvents } from './asset-events';
import { DUPLICATE_CHECK, DuplicateCheck, DuplicateQuery } from './duplicate-check';
import { SimilarAssetDto } from './dto/similar-asset.dto';
import { AssetError } from './asset.errors';
import { missingToPublish, takenFromPublished } from './completeness';
import { PublishCheckDto } from './dto/publish-check.dto';
import { CommonError } from '@bouwsteen/common';

export interface ExportedAsset {
  id: string;
  kind: AssetKind;
  ppsId: string;
  sourceId: string | null;
  content: AssetContentDto;
}

export interface CreateOptions {
  source?: string;
  demoKey?: string;
}

/**
 * The publishing workflow. Drafts are edited in place; a published version is never changed:
 * editing it opens the next version as a draft, and publishing that needs a change note.
 */
@Injectable()
export class AssetsService {
  constructor(
    private readonly assets: AssetsRepository,
    private readonly pps: PpsRepository,
    private readonly checks: ContentChecks,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditTrail,
    private readonly outbox: OutboxWriter,
    private readonly events: AssetEvents,
    private readonly licenses: Licenses,
    private readonly clock: Clock,
    @Optional() @Inject(DUPLICATE_CHECK) private readonly duplicates?: DuplicateCheck,
  ) {}

  async get(principal: Principal | undefined, id: string): Promise<AssetDto> {
    const asset = await this.visible(principal, id);
    return toAssetDto(asset, asset.view!, AssetPolicy.canReadDrafts(principal, asset.ppsId));
  }

  /**
   * A page of the assets the query matches. `narrow` is for the pages' own lists (a PPS lead's
   * blocks, a picker): words in the title and the order, which the API's query does not offer.
   */
  async list(
    principal: Principal | undefined,
    query: AssetListQueryDto,
    narrow: { titleWords?: string[]; order?: 'newest' | 'title' } = {},
  ): Promise<Page<AssetSummaryDto>> {
    const [rows, total] = await this.assets.list(
      {
        kinds: query.kind,
        ppsId: query.ppsId,
        statuses: query.status,
        leadInstitution: query.leadInstitution,
        province: query.province,
        updatedSince: query.updatedSince,
        source: query.source,
        titleWords: narrow.titleWords,
        order: narrow.order,
        offset: query.offset,
        limit: query.pageSize,
      },
      AssetPolicy.readerScope(principal),
    );
    return toPage(rows.map(toAssetSummaryDto), total, query);
  }

  /**
   * The assets among `ids` this reader may see, in the order asked (at most MAX_PAGE_SIZE):
   * the titles behind a curriculum's modules, a place's users, a module's prerequisites.
   */
  async summaries(principal: Principal | undefined, ids: string[]): Promise<AssetSummaryDto[]> {
    const wanted = [...new Set(ids)].slice(0, MAX_PAGE_SIZE);
    if (!wanted.length) return [];
    const [rows] = await this.assets.list(
      { ids: wanted, offset: 0, limit: wanted.length },
      AssetPolicy.readerScope(principal),
    );
    const byId = new Map(rows.map((row) => [row.id, toAssetSummaryDto(row)]));
    return wanted.flatMap((id) => byId.get(id) ?? []);
  }

  /** Keuzedeel codes with a name from the registry's own modules (see the repository). */
  electiveNames(codes: string[]): Promise<{ code: string; assetId: string; title: string }[]> {
    const wanted = [...new Set(codes)].filter((code) => /^K\d{4}$/.test(code)).slice(0, 50);
    return this.assets.electiveNames(wanted);
  }

  /** Every published asset, page by page (what anyone may read and search engines may list). */
  publishedPage(offset: number, limit: number): Promise<{ id: string; publishedAt: Date }[]> {
    return this.assets.publishedPage(offset, Math.min(limit, 50_000));
  }

  /** Who changed which building block when (admins only: it includes drafts). */
  recentChanges(
    principal: Principal,
    limit = 100,
    before?: ChangeLogPosition,
  ): Promise<AssetChangeLogEntry[]> {
    if (!AssetPolicy.canReadChangeLog(principal))
      throw new ForbiddenError('Only admins read the change log');
    return this.assets.recentChanges(Math.min(limit, 500), before);
  }

  /**
   * One page of blocks as their content (the shape a client sends), in id order after
   * `afterId`: what an export writes. Each block as this reader sees it (drafts for its
   * editors); archived blocks are left out, since they can no longer change.
   */
  async exportPage(
    principal: Principal | undefined,
    filter: { ppsId?: string; kind?: AssetKind },
    afterId: string | null,
    limit: number,
  ): Promise<ExportedAsset[]> {
    const rows = await this.assets.exportPage(
      AssetPolicy.readerScope(principal),
      filter,
      afterId,
      Math.min(limit, 1000),
    );
    return rows.map((asset) => ({
      id: asset.id,
      kind: asset.kind,
      ppsId: asset.ppsId,
      sourceId: asset.sourceId,
      content: contentOf(asset.kind, asset.view!),
    }));
  }

  publishedCount(): Promise<number> {
    return this.assets.publishedCount();
  }

  async versions(
    principal: Principal | undefined,
    id: string,
    query: PageQueryDto,
  ): Promise<Page<VersionSummaryDto>> {
    const asset = await this.readable(principal, id);
    const [rows, total] = await this.assets.listVersions(
      id,
      AssetPolicy.canReadDrafts(principal, asset.ppsId),
      query.offset,
      query.pageSize,
    );
    return toPage(rows.map(toVersionSummaryDto), total, query);
  }

  async version(principal: Principal | undefined, id: string, number: number): Promise<AssetDto> {
    const asset = await this.visible(principal, id);
    const version = await this.assets.findVersion(id, number);
    if (
      !version ||
      (version.state === 'draft' && !AssetPolicy.canReadDrafts(principal, asset.ppsId))
    ) {
      throw new NotFoundError(AssetError.VersionNotFound, 'version', `${id}/${number}`);
    }
    return toAssetDto(asset, version, AssetPolicy.canReadDrafts(principal, asset.ppsId));
  }

  /** Creates a draft and says, in the same answer, what other PPS already published like it. */
  async createDraft(principal: Principal, dto: CreateAssetDto): Promise<AssetWithSimilarDto> {
    return this.withSimilar(principal, await this.create(principal, dto));
  }

  async updateDraft(
    principal: Principal,
    id: string,
    revision: number,
    dto: UpdateAssetDto,
  ): Promise<AssetWithSimilarDto> {
    return this.withSimilar(principal, await this.update(principal, id, revision, dto));
  }

  async similar(principal: Principal | undefined, id: string): Promise<readonly SimilarAssetDto[]> {
    return this.similarTo(await this.duplicateQuery(principal, id));
  }

  /** "Similar building blocks of other PPS" for a block's question (see withDuplicateQuery), kept. */
  similarTo(query: DuplicateQuery, limit?: number): Promise<readonly SimilarAssetDto[]> {
    if (!this.duplicates)
      throw new DomainException(
        CommonError.ServiceUnavailable,
        'The duplicate check is not available in this process',
      );
    return this.duplicates.similarKept(query, limit);
  }

  /** What "similar building blocks of other PPS" asks about an asset (also the web benchmark's floor). */
  async duplicateQuery(principal: Principal | undefined, id: string): Promise<DuplicateQuery> {
    return toDuplicateQuery(await this.visible(principal, id));
  }

  /**
   * The asset and its duplicate question from one read: the block page asks Meilisearch for
   * similar blocks as soon as it has the block, before its other reads, instead of reading the
   * block a second time for the question.
   */
  async withDuplicateQuery(
    principal: Principal | undefined,
    id: string,
  ): Promise<{ asset: AssetDto; query: DuplicateQuery }> {
    const asset = await this.visible(principal, id);
    return {
      asset: toAssetDto(asset, asset.view!, AssetPolicy.canReadDrafts(principal, asset.ppsId)),
      query: toDuplicateQuery(asset),
    };
  }

  private async withSimilar(principal: Principal, asset: AssetDto): Promise<AssetWithSimilarDto> {
    const query = await this.duplicateQuery(principal, asset.id);
    const { checked, similar } = (await this.duplicates?.similarIfAvailable(query)) ?? {
      checked: false,
      similar: [],
    };
    return { ...asset, similar, similarChecked: checked };
  }

  async create(
    principal: Principal,
    dto: CreateAssetDto,
    options: CreateOptions = {},
  ): Promise<AssetDto> {
    if (!(await this.pps.exists(dto.ppsId))) {
      throw new ValidationFailedError([unknownPps('ppsId', dto.ppsId)]);
    }
    if (!AssetPolicy.canEdit(principal, dto.ppsId)) {
      throw new ForbiddenError('Only editors of this PPS (or an admin) may add assets to it');
    }
    const { kind, ppsId, ...sent } = dto;
    const { content, problems } = withOfferingIds(kind, sent, undefined);
    if (problems.length > 0) throw new ValidationFailedError(problems);
    await this.validate(principal, kind, content, undefined);
    const id = await this.tx.run(async (manager) => {
      const asset = await this.assets.insertAsset(manager, {
        ppsId,
        kind,
        status: 'draft',
        latestVersion: 1,
        publishedVersion: null,
        source: options.source ?? 'user',
        demoKey: options.demoKey ?? null,
        createdBy: principal.userId,
      });
      await this.assets.insertVersion(manager, {
        ...toVersionColumns(kind, content),
        assetId: asset.id,
        number: 1,
        state: 'draft',
        createdBy: principal.userId,
      });
      return asset.id;
    });
    return this.get(principal, id);
  }

  async update(
    principal: Principal,
    id: string,
    revision: number,
    dto: UpdateAssetDto,
  ): Promise<AssetDto> {
    await this.tx.run(async (manager) => {
      const asset = await this.lockEditable(manager, principal, id, revision);
      this.refuseOtherKinds(asset.kind, dto);
      const base = contentOf(
        asset.kind,
        (await this.assets.findVersion(id, asset.latestVersion, manager))!,
      );
      const { content, problems } = withOfferingIds(asset.kind, mergeContent(base, dto), base);
      if (problems.length > 0) throw new ValidationFailedError(problems);
      if (asset.publishedVersion !== null) {
        const taken = takenFromPublished(asset.kind, base, content);
        if (taken.length > 0) throw new ValidationFailedError(taken);
      }
      // Every read inside the transaction goes through its connection: a second connection
      // per request would let a burst of edits exhaust the pool while holding row locks.
      await this.validate(principal, asset.kind, content, id, manager);
      if (typeof dto.license === 'string')
        await this.checkDerivativeLicense(asset, dto.license, manager);
      const columns = toVersionColumns(asset.kind, content);
      if (asset.hasDraft) {
        await this.assets.updateDraftVersion(manager, id, asset.latestVersion, {
          ...columns,
          updatedBy: principal.userId,
        });
      } else {
        await this.assets.insertVersion(manager, {
          ...columns,
          assetId: id,
          number: asset.latestVersion + 1,
          state: 'draft',
          createdBy: principal.userId,
        });
      }
      await this.assets.updateAsset(manager, id, revision, {
        latestVersion: asset.hasDraft ? asset.latestVersion : asset.latestVersion + 1,
      });
    });
    return this.get(principal, id);
  }

  async publish(
    principal: Principal,
    id: string,
    revision: number,
    dto: PublishAssetDto,
  ): Promise<AssetDto> {
    await this.tx.run(async (manager) => {
      const asset = await this.lockEditable(manager, principal, id, revision);
      if (!asset.hasDraft)
        throw new DomainException(
          AssetError.NothingToPublish,
          'There is no draft to publish; edit the asset first',
        );
      const draft = await this.assets.findVersion(id, asset.latestVersion, manager);
      const content = contentOf(asset.kind, draft!);
      const problems = await this.publishGate(principal, asset.kind, content, manager);
      if (asset.publishedVersion !== null && !dto.changeNote)
        problems.push({
          field: 'changeNote',
          message: 'is required when publishing a new version',
          code: FieldCode.ChangeNoteRequired,
        });
      if (problems.length > 0) throw new ValidationFailedError(problems);
      const now = this.clock.now();
      await this.assets.updateDraftVersion(
        manager,
        id,
        asset.latestVersion,
        publishedVersionFields(principal.userId, now, dto.changeNote ?? null),
      );
      await this.assets.updateAsset(
        manager,
        id,
        revision,
        publishedAssetFields(asset, asset.latestVersion, now, asset.kind, content),
      );
      await this.outbox.enqueue(manager, 'asset', id);
      // A first publication is news to nobody yet; later versions are what followers wait for.
      if (asset.publishedVersion !== null) {
        await this.events.emit(manager, {
          assetId: id,
          change: 'new-version',
          actorId: principal.userId,
        });
      }
    });
    return this.get(principal, id);
  }

  /**
   * What the latest version still needs before it may be published (the publish page's list):
   * the draft's, or, with no draft, the published version's own completeness (`hasDraft` says
   * there is nothing to publish), never a false "incomplete".
   */
  async publishCheck(principal: Principal, id: string): Promise<PublishCheckDto> {
    const asset = await this.visible(principal, id);
    if (!AssetPolicy.canEdit(principal, asset.ppsId))
      throw new ForbiddenError('Only editors of the owning PPS (or an admin) may publish it');
    // An editor reads the latest version: the draft when there is one, else the published one.
    const content = contentOf(asset.kind, asset.view!);
    const problems = await this.publishGate(principal, asset.kind, content);
    return {
      hasDraft: asset.hasDraft,
      version: asset.view!.number,
      complete: problems.length === 0,
      missing: missingToPublish(asset.kind, content),
      problems,
    };
  }

  /** What stops this content from being published (ContentChecks.publishProblems). */
  private async publishGate(
    principal: Principal,
    kind: AssetKind,
    content: AssetContentDto,
    manager?: EntityManager,
  ): Promise<FieldError[]> {
    const item = { kind, content };
    return this.checks.publishProblems(principal, item, await this.checks.context([item], manager));
  }

  async archive(
    principal: Principal,
    id: string,
    revision: number,
    dto: ArchiveAssetDto,
  ): Promise<AssetDto> {
    await this.tx.run(async (manager) => {
      const asset = await this.lockEditable(manager, principal, id, revision);
      if (asset.status !== 'published') {
        throw new DomainException(
          AssetError.NotPublished,
          'Only a published asset can be archived; discard a draft instead',
        );
      }
      if (dto.successorId) await this.checkSuccessor(id, dto.successorId, manager);
      const now = this.clock.now();
      await this.assets.updateAsset(manager, id, revision, {
        status: 'archived',
        successorId: dto.successorId ?? null,
        archivedAt: now,
        archivedBy: principal.userId,
        publicChangedAt: wholeSeconds(now),
      });
      await this.outbox.enqueue(manager, 'asset', id);
      await this.events.emit(manager, {
        assetId: id,
        change: 'archived',
        actorId: principal.userId,
      });
    });
    return this.get(principal, id);
  }

  /**
   * Starts a derivative in the caller's PPS from the published version of another asset. The
   * source license decides: no derivatives of ND or all-rights-reserved; share-alike keeps the
   * license; non-commercial is carried and flagged; attribution travels with the copy.
   */
  async derive(
    principal: Principal,
    sourceId: string,
    dto: DeriveAssetDto,
  ): Promise<DerivativeDto> {
    const source = await this.visible(principal, sourceId);
    if (source.publishedVersion === null) {
      throw new DomainException(
        AssetError.NotPublished,
        'Only a published asset can be the source of a derivative',
      );
    }
    if (!(await this.pps.exists(dto.ppsId))) {
      throw new ValidationFailedError([unknownPps('ppsId', dto.ppsId)]);
    }
    if (!AssetPolicy.canEdit(principal, dto.ppsId)) {
      throw new ForbiddenError(
        'Only editors of the target PPS (or an admin) may start a derivative in it',
      );
    }
    const version = await this.assets.findVersion(sourceId, source.publishedVersion);
    const terms = await this.licenses.terms(version!.license ?? '');
    if (!terms.derivatives) {
      throw new DomainException(
        AssetError.LicenseForbidsDerivatives,
        `${terms.code} allows no derivatives; ask ${source.pps.name} for permission, or record a reuse "as is" instead`,
      );
    }
    const attribution = `Gebaseerd op "${version!.title}" (versie ${version!.number}) van ${source.pps.name}, ${terms.code}`;
    const id = await this.tx.run(async (manager) => {
      const asset = await this.assets.insertAsset(manager, {
        ppsId: dto.ppsId,
        kind: source.kind,
        status: 'draft',
        latestVersion: 1,
        publishedVersion: null,
        source: 'user',
        demoKey: null,
        createdBy: principal.userId,
        basedOnAssetId: sourceId,
        basedOnVersion: version!.number,
        attribution,
      });
      await this.assets.insertVersion(manager, {
        ...toVersionColumns(
          source.kind,
          withOfferingIds(source.kind, contentOf(source.kind, version!), undefined, true).content,
        ),
        assetId: asset.id,
        number: 1,
        state: 'draft',
        createdBy: principal.userId,
      });
      return asset.id;
    });
    return { ...(await this.get(principal, id)), licenseNotes: licenseNotes(terms) };
  }

  async lineage(principal: Principal | undefined, id: string): Promise<LineageDto> {
    const rows = await this.assets.lineage(id, AssetPolicy.readerScope(principal));
    if (!rows.some((row) => row.direction === 'self'))
      throw new NotFoundError(AssetError.NotFound, 'asset', id);
    const walk = (direction: LineageRow['direction']) =>
      rows.filter((row) => row.direction === direction).map(toLineageNode);
    return { ancestors: walk('up'), descendants: walk('down') };
  }

  /** Drops the unpublished draft; an asset that was never published disappears with it. */
  async discardDraft(principal: Principal, id: string, revision: number): Promise<void> {
    await this.tx.run(async (manager) => {
      const asset = await this.lockEditable(manager, principal, id, revision);
      if (!asset.hasDraft)
        throw new DomainException(AssetError.NoDraft, 'There is no draft to discard');
      // The draft's row goes: the audit trail keeps who discarded which (its title, no content).
      const draft = await this.assets.findVersion(id, asset.latestVersion, manager);
      await this.audit.record(manager, {
        actorId: principal.userId,
        action: 'discarded',
        subjectType: 'asset',
        subjectId: id,
        summary: `${draft?.title ?? ''}: draft ${asset.latestVersion}`,
      });
      if (asset.publishedVersion === null) {
        await this.assets.deleteAsset(manager, id);
        return;
      }
      await this.assets.deleteDraftVersion(manager, id, asset.latestVersion);
      await this.assets.updateAsset(manager, id, revision, {
        latestVersion: asset.publishedVersion,
      });
    });
  }

  /** The read check alone (no version loaded), for reads about an asset rather than of it. */
  private async readable(principal: Principal | undefined, id: string): Promise<{ ppsId: string }> {
    const asset = await this.assets.readableBy(id, AssetPolicy.readerScope(principal));
    if (!asset) throw new NotFoundError(AssetError.NotFound, 'asset', id);
    return asset;
  }

  private async visible(principal: Principal | undefined, id: string): Promise<AssetEntity> {
    const asset = await this.assets.findForReader(id, AssetPolicy.readerScope(principal));
    if (!asset) throw new NotFoundError(AssetError.NotFound, 'asset', id);
    return asset;
  }

  private async lockEditable(
    manager: EntityManager,
    principal: Principal,
    id: string,
    revision: number,
  ): Promise<AssetEntity> {
    const asset = await this.assets.lockForUpdate(manager, id);
    // A draft someone may not even read is reported as absent, not as forbidden.
    if (!asset || !AssetPolicy.canRead(principal, asset))
      throw new NotFoundError(AssetError.NotFound, 'asset', id);
    if (!AssetPolicy.canEdit(principal, asset.ppsId))
      throw new ForbiddenError(
        'Only editors of the owning PPS (or an admin) may change this asset',
      );
    assertFresh(revision, asset.rowVersion);
    if (asset.status === 'archived')
      throw new DomainException(AssetError.Archived, 'An archived asset can no longer be changed');
    return asset;
  }

  private refuseOtherKinds(kind: AssetKind, dto: Partial<AssetContentDto>): void {
    const errors = otherKinds(kind)
      .filter((other) => dto[other] !== undefined)
      .map((other) => ({
        field: other,
        message: `must not be sent for a ${kind}`,
        code: FieldCode.NotForKind,
        values: { kind },
      }));
    if (errors.length > 0) throw new ValidationFailedError(errors);
  }

  /**
   * The content rules (codes the taxonomy knows, references, organisations) for what a form
   * holds that passed validation: a form names these with its shape errors in one round.
   */
  async contentProblems(
    principal: Principal,
    kind: AssetKind,
    content: Partial<AssetContentDto>,
    selfId?: string,
  ): Promise<FieldError[]> {
    const item = { kind, content: content as AssetContentDto };
    return this.checks.problems(principal, item, selfId, await this.checks.context([item]));
  }

  private async validate(
    principal: Principal,
    kind: AssetKind,
    content: AssetContentDto,
    selfId: string | undefined,
    manager?: EntityManager,
  ): Promise<void> {
    const item = { kind, content };
    const problems = this.checks.problems(
      principal,
      item,
      selfId,
      await this.checks.context([item], manager),
    );
    if (problems.length > 0) throw new ValidationFailedError(problems);
  }

  private async checkDerivativeLicense(
    asset: AssetEntity,
    license: string,
    manager: EntityManager,
  ): Promise<void> {
    const problem = await this.checks.derivativeLicenseProblem(asset, license, manager);
    if (problem) throw new ValidationFailedError([{ field: 'license', ...problem }]);
  }

  private async checkSuccessor(
    id: string,
    successorId: string,
    manager: EntityManager,
  ): Promise<void> {
    if (successorId === id)
      throw new ValidationFailedError([
        {
          field: 'successorId',
          message: 'must not be the asset itself',
          code: FieldCode.SelfReference,
        },
      ]);
    const successor = (await this.assets.kindsOf([successorId], manager)).get(successorId);
    if (!successor || successor.status !== 'published') {
      throw new ValidationFailedError([
        {
          field: 'successorId',
          message: 'must be a published asset',
          code: FieldCode.SuccessorNotPublished,
        },
      ]);
    }
  }
}

function toLineageNode(row: LineageRow) {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    status: row.status,
    ppsName: row.pps_name,
    depth: row.depth,
    basedOnAssetId: row.based_on_asset_id,
    basedOnVersion: row.based_on_version,
  };
}

function toDuplicateQuery(asset: AssetEntity): DuplicateQuery {
  return {
    ...similarityFeatures(asset.kind, contentOf(asset.kind, asset.view!)),
    kind: asset.kind,
    excludePpsId: asset.ppsId,
    excludeAssetId: asset.id,
  };
}
