import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Principal } from '@bouwsteen/auth';
import { Clock, FieldCode, FieldError, ForbiddenError, loggableError } from '@bouwsteen/common';
import { OutboxWriter, TransactionRunner } from '@bouwsteen/database';
import { contentOf, toVersionColumns, withOfferingIds } from './asset-content';
import { AssetEvents } from './asset-events';
import { AssetPolicy } from './asset.policy';
import { AssetsRepository } from './assets.repository';
import { CheckContext, ContentChecks } from './content-checks';
import { AssetContentDto } from './dto/asset-content.dto';
import { AssetKind } from './asset-codes';
import { AssetEntity } from './entities/asset.entity';
import { VersionContent } from './entities/asset-version.entity';
import { publishedAssetFields, publishedVersionFields } from './publication';
import { takenFromPublished } from './completeness';
import { keepNotGiven, sameContent } from './bulk-content';
import { identify } from './bulk-targets';

/** One building block as a bulk write receives it: the whole content, named by id or code. */
export interface BulkItem {
  /** The caller's handle for the item (its row), echoed in the outcome. */
  key: number;
  /** Bouwsteen's id of an existing block of this PPS. */
  id?: string;
  /** The PPS's own code: finds the block an earlier write made, or names a new one. */
  sourceId?: string;
  kind: AssetKind;
  content: AssetContentDto;
  /**
   * The field paths the source gave (a file's columns, a JSON line's keys), when it may give
   * only some: an existing block keeps what a path not given holds. Without it the content is
   * the whole block.
   */
  given?: readonly string[];
  /**
   * The caller found problems of its own with the item (its shape) and left out the fields
   * they are in: the rest is checked as any item's is — what only the database knows, what
   * publishing needs — so every problem is told at once, and the item is never written.
   */
  checkOnly?: boolean;
}

export type BulkResult = 'created' | 'updated' | 'unchanged' | 'failed';

export interface BulkOutcome {
  key: number;
  result: BulkResult;
  assetId?: string;
  /** This write published the block (a new block or a new version). */
  published: boolean;
  errors: FieldError[];
  /**
   * In a dry run that does not publish: what publishing would need and the block lacks — the
   * errors a write that publishes refuses it for — so a dry run can say it beforehand.
   */
  publishGaps?: FieldError[];
}

export interface BulkOptions {
  publish: boolean;
  /** Check and compare only: nothing is written. */
  dryRun: boolean;
  /**
   * In a dry run: the blocks it would have written (or published) so far, by their ids (made
   * up for new ones), with their kinds. Items may refer to them as the real run's may: blocks
   * of this PPS, written (and published, when it publishes) before them.
   */
  provisional?: ReadonlyMap<string, AssetKind>;
  /** The change note of a new version published by the write. */
  changeNote: string;
  /**
   * Called inside every transaction that writes, with that transaction's outcomes, just before
   * it commits: an import keeps its progress with the rows it covers. What it throws ends the
   * write (it is not taken for a problem of the rows).
   */
  record?: (manager: EntityManager, outcomes: BulkOutcome[]) => Promise<void>;
}

/** A new block, as publishing finds it: never published, never in a feed. */
const UNPUBLISHED = { firstPublishedAt: null, edurepEver: false };

/** Carries an error of `record` past the one-by-one retry, which is for the rows' faults. */
class RecordFailure {
  constructor(readonly cause: unknown) {}
}

interface Plan {
  item: BulkItem;
  target?: AssetEntity;
  columns?: VersionContent;
  content?: AssetContentDto;
  action: 'create' | 'update' | 'publish' | 'unchanged' | 'failed';
  errors: FieldError[];
  /** What publishing would need (a dry run that does not publish: see BulkOutcome). */
  gaps?: FieldError[];
  /** The id a new block gets (chosen here; the item is left as it came, for a retry). */
  newId?: string;
}

/**
 * Many building blocks of one PPS in one transaction (imports): the same rules as one write
 * (ContentChecks, licences, the policy), read for the whole batch at once and written with
 * multi-row INSERTs, one outbox statement and one wake-up for the search worker. Each item is
 * whole or absent: an item that fails a rule is reported and left out, the rest go in. An
 * existing block is only changed at the revision it was read at, so an edit someone makes
 * while the import runs is never overwritten (the item is reported instead).
 */
@Injectable()
export class AssetBulkWriter {
  private readonly logger = new Logger(AssetBulkWriter.name);

  constructor(
    private readonly assets: AssetsRepository,
    private readonly checks: ContentChecks,
    private readonly tx: TransactionRunner,
    private readonly outbox: OutboxWriter,
    private readonly events: AssetEvents,
    private readonly clock: Clock,
  ) {}

  /** The PPS's own codes → ids of its blocks (references by code in an import). */
  idsBySourceId(ppsId: string, sourceIds: string[]): Promise<Map<string, string>> {
    return this.assets.idsBySourceId(ppsId, sourceIds);
  }

  async write(
    principal: Principal,
    ppsId: string,
    items: BulkItem[],
    options: BulkOptions,
  ): Promise<BulkOutcome[]> {
    if (!AssetPolicy.canEdit(principal, ppsId))
      throw new ForbiddenError('Only editors of this PPS (or an admin) may import into it');
    const plans = await this.plan(principal, ppsId, items, options);
    if (options.dryRun) return plans.map((plan) => outcomeOf(plan, options.publish));
    try {
      return await this.tx.run(async (manager) => {
        const outcomes = await this.apply(manager, principal, ppsId, plans, options);
        if (options.record)
          await options.record(manager, outcomes).catch((error: unknown) => {
            throw new RecordFailure(error);
          });
        return outcomes;
      });
    } catch (error) {
      if (error instanceof RecordFailure) throw error.cause;
      // A batch fails whole only on what no check could foresee (another import creating the
      // same code at the same moment): then each item goes alone, so one cannot sink the rest.
      if (items.length === 1) {
        this.logger.warn(`Bulk item not written: ${loggableError(error)}`);
        return [
          failed(items[0].key, {
            field: '',
            message: 'could not be saved; try this row again',
            code: FieldCode.SaveFailed,
          }),
        ];
      }
      const outcomes: BulkOutcome[] = [];
      for (const item of items)
        outcomes.push(...(await this.write(principal, ppsId, [item], options)));
      return outcomes;
    }
  }

  private async plan(
    principal: Principal,
    ppsId: string,
    items: BulkItem[],
    options: BulkOptions,
  ): Promise<Plan[]> {
    const targets = await this.assets.importTargets(
      ppsId,
      items.flatMap((item) => (item.id ? [item.id] : [])),
      items.flatMap((item) => (item.sourceId ? [item.sourceId] : [])),
    );
    const byId = new Map(targets.map((asset) => [asset.id, asset]));
    const bySource = new Map(
      targets.flatMap((asset) => (asset.sourceId ? [[asset.sourceId, asset] as const] : [])),
    );
    // A dry run's blocks are as the real run leaves them: of this PPS, and published when it
    // publishes (a dry run that does not says what publishing would need: as if it did).
    const provisional = options.dryRun ? options.provisional : undefined;
    const context = await this.checks.context(items, undefined, (id) => {
      const kind = provisional?.get(id);
      return kind && { kind, status: 'published', ppsId };
    });
    const plans: Plan[] = [];
    for (const item of items) {
      const plan = await this.planItem(principal, item, byId, bySource, context, options);
      plans.push(plan);
      // A block this write publishes counts as published for the rows after it (a curriculum
      // below its module in the same file), in a dry run as in the real one.
      const known = plan.target && context.assets.get(plan.target.id);
      if (options.publish && plan.action !== 'failed' && known)
        context.assets.set(plan.target!.id, { ...known, status: 'published' });
    }
    return plans;
  }

  private async planItem(
    principal: Principal,
    item: BulkItem,
    byId: Map<string, AssetEntity>,
    bySource: Map<string, AssetEntity>,
    context: CheckContext,
    options: BulkOptions,
  ): Promise<Plan> {
    const { target, error } = identify(item, byId, bySource);
    if (error) {
      // What else is wrong with the content is told with it, so a row is fixed in one round;
      // what publishing needs depends on which block it is, and an archived one takes nothing.
      const errors =
        error.code === FieldCode.Archived
          ? [error]
          : [error, ...this.checks.problems(principal, item, undefined, context)];
      return { item, action: 'failed', errors };
    }
    // A file that leaves a column out leaves that field as it is (it never clears it).
    const stored = target ? contentOf(item.kind, target.view!) : undefined;
    const identified = withOfferingIds(
      item.kind,
      stored && item.given
        ? keepNotGiven(item.kind, stored, item.content, item.given)
        : item.content,
      stored,
    );
    const content = identified.content;
    // Publishing asks the same of a row as of one request: every missing answer at once. A
    // dry run that does not publish tells it too, for a real run that may.
    const needs =
      options.publish || options.dryRun
        ? this.checks.publishProblems(principal, { kind: item.kind, content }, context)
        : [];
    const shape = this.checks.problems(principal, { ...item, content }, target?.id, context);
    // What saving names already (an unknown block) is not said again as a publishing need.
    const said = new Set(shape.map((problem) => `${problem.field} ${problem.code}`));
    const unsaid = needs.filter((problem) => !said.has(`${problem.field} ${problem.code}`));
    const gaps = options.dryRun && !options.publish && unsaid.length > 0 ? unsaid : undefined;
    const errors = [
      ...identified.problems,
      ...shape,
      // A draft of a published block keeps what publishing needs, as a PATCH does.
      ...(options.publish
        ? unsaid
        : target && target.publishedVersion !== null
          ? takenFromPublished(item.kind, contentOf(item.kind, target.view!), content)
          : []),
    ];
    const license = content.license;
    if (target && license && !errors.some((problem) => problem.field === 'license')) {
      const licenseProblem = await this.checks.derivativeLicenseProblem(target, license);
      if (licenseProblem) errors.push({ field: 'license', ...licenseProblem });
    }
    if (errors.length > 0 || item.checkOnly) return { item, action: 'failed', errors, gaps };
    const columns = toVersionColumns(item.kind, content);
    if (!target) return { item, columns, content, action: 'create', errors: [], gaps };
    const same = sameContent(
      columns,
      toVersionColumns(item.kind, contentOf(item.kind, target.view!)),
    );
    if (!same) return { item, target, columns, content, action: 'update', errors: [], gaps };
    if (options.publish && target.hasDraft)
      return { item, target, columns, content, action: 'publish', errors: [] };
    return { item, target, action: 'unchanged', errors: [], gaps };
  }

  private async apply(
    manager: EntityManager,
    principal: Principal,
    ppsId: string,
    plans: Plan[],
    options: BulkOptions,
  ): Promise<BulkOutcome[]> {
    const now = this.clock.now();
    const existing = plans.filter(
      (plan) => plan.target && plan.action !== 'unchanged' && plan.action !== 'failed',
    );
    const revisions = await this.assets.lockMany(
      manager,
      existing.map((plan) => plan.target!.id),
    );
    for (const plan of existing) {
      if (revisions.get(plan.target!.id) !== plan.target!.rowVersion) {
        plan.action = 'failed';
        plan.errors = [
          {
            field: '',
            message: 'was changed by someone else during the import; not overwritten',
            code: FieldCode.ChangedDuringImport,
          },
        ];
      }
    }
    const publishing = options.publish;
    // A new version of a block that was published before needs the change note.
    const versionState = (target: AssetEntity | undefined) =>
      publishing
        ? publishedVersionFields(
            principal.userId,
            now,
            target?.publishedVersion ? options.changeNote : null,
          )
        : { state: 'draft' as const };
    const creates = plans.filter((plan) => plan.action === 'create');
    for (const plan of creates) plan.newId = randomUUID();
    await this.assets.insertAssets(
      manager,
      creates.map((plan) => ({
        id: plan.newId!,
        ppsId,
        kind: plan.item.kind,
        latestVersion: 1,
        source: 'import',
        sourceId: plan.item.sourceId ?? null,
        demoKey: null,
        createdBy: principal.userId,
        ...(publishing
          ? publishedAssetFields(UNPUBLISHED, 1, now, plan.item.kind, plan.content!)
          : { status: 'draft' as const, publishedVersion: null }),
      })),
    );
    const newVersions = plans.filter(
      (plan) => plan.action === 'create' || (plan.action === 'update' && !plan.target!.hasDraft),
    );
    await this.assets.insertVersions(
      manager,
      // Assigned onto a small literal: spreading the wide columns first and adding to the copy
      // takes V8's slow path (as toVersionColumns explains).
      newVersions.map((plan) =>
        Object.assign(
          {
            assetId: plan.target?.id ?? plan.newId!,
            number: plan.target ? plan.target.latestVersion + 1 : 1,
            createdBy: principal.userId,
          },
          plan.columns!,
          versionState(plan.target),
        ),
      ),
    );
    const newlyPublished: string[] = creates.map((plan) => plan.newId!);
    for (const plan of plans) {
      if (plan.action !== 'update' && plan.action !== 'publish') continue;
      const target = plan.target!;
      const number = target.hasDraft ? target.latestVersion : target.latestVersion + 1;
      if (target.hasDraft) {
        await this.assets.updateDraftVersion(manager, target.id, number, {
          ...(plan.action === 'update' ? { ...plan.columns, updatedBy: principal.userId } : {}),
          ...versionState(target),
        });
      }
      await this.assets.updateAsset(manager, target.id, target.rowVersion, {
        latestVersion: number,
        ...(publishing
          ? publishedAssetFields(target, number, now, plan.item.kind, plan.content!)
          : {}),
      });
      if (plan.item.sourceId && !target.sourceId)
        await this.assets.setSourceId(manager, target.id, plan.item.sourceId);
      if (publishing) {
        newlyPublished.push(target.id);
        if (target.publishedVersion !== null)
          await this.events.emit(manager, {
            assetId: target.id,
            change: 'new-version',
            actorId: principal.userId,
          });
      }
    }
    for (const plan of plans) {
      if (plan.action === 'unchanged' && plan.item.sourceId && !plan.target!.sourceId)
        await this.assets.setSourceId(manager, plan.target!.id, plan.item.sourceId);
    }
    if (publishing) await this.outbox.enqueueMany(manager, 'asset', newlyPublished);
    return plans.map((plan) => outcomeOf(plan, publishing));
  }
}

function outcomeOf(plan: Plan, publish: boolean): BulkOutcome {
  const outcome = resultOf(plan, publish);
  return plan.gaps ? { ...outcome, publishGaps: plan.gaps } : outcome;
}

function resultOf(plan: Plan, publish: boolean): BulkOutcome {
  const base = { key: plan.item.key, assetId: plan.target?.id ?? plan.newId, errors: [] };
  switch (plan.action) {
    case 'failed':
      return { ...base, result: 'failed', published: false, errors: plan.errors };
    case 'create':
      return { ...base, result: 'created', published: publish };
    case 'update':
      return { ...base, result: 'updated', published: publish };
    case 'publish':
      return { ...base, result: 'unchanged', published: true };
    default:
      return { ...base, result: 'unchanged', published: false };
  }
}

function failed(key: number, error: FieldError): BulkOutcome {
  return { key, result: 'failed', published: false, errors: [error] };
}
