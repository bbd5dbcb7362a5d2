import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { insertJsonRows, updateAtRevision } from '@bouwsteen/database';
import { PpsPublicView } from '@bouwsteen/organisations';
import { AssetVersionEntity, VersionContent } from './entities/asset-version.entity';
import { AssetKind, AssetStatus } from './asset-codes';
import { AssetEntity } from './entities/asset.entity';
import { AssetPolicy, ReaderScope } from './asset.policy';
import { LineageRow, lineageSql } from './lineage-sql';

export type { LineageRow } from './lineage-sql';
import { AssetError } from './asset.errors';

export interface AssetListFilter {
  ids?: string[];
  kinds?: AssetKind[];
  ppsId?: string;
  statuses?: AssetStatus[];
  leadInstitution?: string;
  province?: string;
  updatedSince?: string;
  source?: string;
  /** Words that must all occur in the title the reader sees (a PPS lead's own list, a picker). */
  titleWords?: string[];
  /** Newest change first (the default), or by the title the reader sees, A to Z. */
  order?: 'newest' | 'title';
  offset: number;
  limit: number;
}

export type AssetFields = Pick<
  AssetEntity,
  | 'ppsId'
  | 'kind'
  | 'status'
  | 'latestVersion'
  | 'publishedVersion'
  | 'source'
  | 'demoKey'
  | 'createdBy'
> &
  Partial<Pick<AssetEntity, 'basedOnAssetId' | 'basedOnVersion' | 'attribution'>>;

export type AssetChanges = Partial<
  Pick<
    AssetEntity,
    | 'status'
    | 'latestVersion'
    | 'publishedVersion'
    | 'successorId'
    | 'firstPublishedAt'
    | 'archivedAt'
    | 'archivedBy'
    | 'publicChangedAt'
  >
>;
/** What a bulk insert sets beyond a new draft's fields: its id, code and, when published, when. */
export type NewAssetExtras = Pick<AssetEntity, 'id'> &
  Partial<Pick<AssetEntity, 'sourceId' | 'firstPublishedAt' | 'publicChangedAt'>>;
export type VersionFields = VersionContent &
  Pick<AssetVersionEntity, 'assetId' | 'number' | 'state' | 'createdBy'>;

@Injectable()
export class AssetsRepository {
  constructor(@InjectRepository(AssetEntity) private readonly assets: Repository<AssetEntity>) {}

  /** The asset with the version this reader may see: the latest for its editors, else the published one. */
  findForReader(id: string, scope: ReaderScope): Promise<AssetEntity | null> {
    return this.readerQuery(scope).andWhere('a.id = :id', { id }).getOne();
  }

  /**
   * Whether the reader may see the asset, and its PPS: the same rule as findForReader without
   * loading a version, for reads that only need the check (versions, lineage, reuse).
   */
  async readableBy(id: string, scope: ReaderScope): Promise<{ ppsId: string } | null> {
    const row = await this.assets
      .createQueryBuilder('a')
      .select('a.pps_id', 'ppsId')
      .where(AssetPolicy.readableSql('a', ':allDrafts', ':readerPps'))
      .andWhere('a.id = :id', { id })
      .setParameters({ allDrafts: scope.allDrafts, readerPps: scope.ppsIds })
      .getRawOne<{ ppsId: string }>();
    return row ?? null;
  }

  async list(filter: AssetListFilter, scope: ReaderScope): Promise<[AssetEntity[], number]> {
    // The page's ids come from the asset table alone, along the updated_at index; only those
    // rows are then read with their PPS and version. (TypeORM's skip/take sorted every match
    // joined with its version: 160 ms for a page of one at 100,000 blocks.)
    const matches = this.listMatches(filter, scope).select('a.id', 'id');
    const picked = await (
      filter.order === 'title'
        ? matches
            .addSelect('lower(t.title)', 'sort_title')
            .orderBy('sort_title', 'ASC')
            .addOrderBy('a.id', 'ASC')
        : newestFirst(matches)
    )
      .offset(filter.offset)
      .limit(filter.limit)
      .getRawMany<{ id: string }>();
    const total = await this.listMatches(filter, scope)
      .select('count(*)::int', 'count')
      .getRawOne<{ count: number }>();
    if (picked.length === 0) return [[], total?.count ?? 0];
    const rows = await newestFirst(
      this.readerQuery(scope).andWhere('a.id IN (:...pageIds)', {
        pageIds: picked.map((row) => row.id),
      }),
    ).getMany();
    const position = new Map(picked.map((row, index) => [row.id, index]));
    rows.sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0));
    return [rows, total?.count ?? 0];
  }

  /** The assets a list matches, as a query over `a` (with its PPS only when a filter needs it). */
  private listMatches(
    filter: AssetListFilter,
    scope: ReaderScope,
  ): SelectQueryBuilder<AssetEntity> {
    const query = this.assets
      .createQueryBuilder('a')
      .where(AssetPolicy.readableSql('a', ':allDrafts', ':readerPps'))
      .setParameters({ allDrafts: scope.allDrafts, readerPps: scope.ppsIds });
    if (filter.leadInstitution || filter.province)
      query.innerJoin(PpsPublicView, 'pps', 'pps.id = a.pps_id');
    if (filter.ids)
      query.andWhere('a.id IN (:...ids)', { ids: filter.ids.length ? filter.ids : [null] });
    if (filter.kinds?.length) query.andWhere('a.kind IN (:...kinds)', { kinds: filter.kinds });
    if (filter.ppsId) query.andWhere('a.ppsId = :ppsId', { ppsId: filter.ppsId });
    if (filter.statuses?.length)
      query.andWhere('a.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter.leadInstitution)
      query.andWhere('pps.leadOrganisationId = :lead', { lead: filter.leadInstitution });
    if (filter.province)
      query.andWhere(':province = ANY(pps.provinces)', { province: filter.province });
    if (filter.updatedSince)
      query.andWhere('a.updatedAt >= :since', { since: filter.updatedSince });
    if (filter.source) query.andWhere('a.source = :source', { source: filter.source });
    if (filter.titleWords?.length || filter.order === 'title') {
      // The title the reader sees: the draft's for its editors, else the published one's.
      const draftVisible = AssetPolicy.draftsVisibleSql('a', ':allDrafts', ':readerPps');
      query.innerJoin(
        AssetVersionEntity,
        't',
        `t.asset_id = a.id AND t.number = CASE WHEN ${draftVisible} THEN a.latest_version ELSE a.published_version END`,
      );
      (filter.titleWords ?? []).slice(0, 10).forEach((word, index) =>
        query.andWhere(`t.title ILIKE :titleWord${index}`, {
          [`titleWord${index}`]: `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
        }),
      );
    }
    return query;
  }

  private readerQuery(scope: ReaderScope): SelectQueryBuilder<AssetEntity> {
    const draftVisible = AssetPolicy.draftsVisibleSql('a', ':allDrafts', ':readerPps');
    return this.assets
      .createQueryBuilder('a')
      .innerJoinAndMapOne('a.pps', PpsPublicView, 'pps', 'pps.id = a.pps_id')
      .innerJoinAndMapOne(
        'a.view',
        AssetVersionEntity,
        'v',
        `v.asset_id = a.id AND v.number = CASE WHEN ${draftVisible} THEN a.latest_version ELSE a.published_version END`,
      )
      .where(AssetPolicy.readableSql('a', ':allDrafts', ':readerPps'))
      .setParameters({ allDrafts: scope.allDrafts, readerPps: scope.ppsIds });
  }

  /**
   * A name for each keuzedeel code: the title of a listed module that carries it (the most
   * reused, then the first published), since the registry holds no list of SBB's names.
   */
  async electiveNames(
    codes: string[],
  ): Promise<{ code: string; assetId: string; title: string }[]> {
    if (!codes.length) return [];
    return this.assets.manager.query(
      `SELECT DISTINCT ON (code) code, p.id AS "assetId", p.title
       FROM asset_version v
       JOIN asset_published p ON p.id = v.asset_id AND p.version = v.number
       CROSS JOIN LATERAL unnest(v.elective_codes) AS code
       WHERE v.state = 'published' AND v.elective_codes <> '{}' AND v.elective_codes && $1::text[]
         AND p.listed AND p.kind = 'module' AND code = ANY($1)
       ORDER BY code, p.reuse_count DESC, p.first_published_at, p.id`,
      [codes],
    );
  }

  /** Listed assets by id, with when their current version came out: sitemaps. */
  async publishedPage(offset: number, limit: number): Promise<{ id: string; publishedAt: Date }[]> {
    return this.assets.manager.query(
      `SELECT id, published_at AS "publishedAt" FROM asset_published
       WHERE listed ORDER BY id OFFSET $1 LIMIT $2`,
      [offset, limit],
    );
  }

  async publishedCount(): Promise<number> {
    const [row] = await this.assets.manager.query(
      `SELECT count(*)::int AS count FROM asset_published WHERE listed`,
    );
    return row.count;
  }

  /**
   * Locks the asset row for the rest of the transaction so workflow steps run one at a time.
   * NO KEY UPDATE, not UPDATE: the key never changes, and a plain UPDATE lock would also block
   * the KEY SHARE lock that a foreign key to this row takes — archiving A with successor B while
   * B is archived with successor A then deadlocks (seen in the pool test, one run in six).
   */
  lockForUpdate(manager: EntityManager, id: string): Promise<AssetEntity | null> {
    return manager
      .getRepository(AssetEntity)
      .findOne({ where: { id }, lock: { mode: 'for_no_key_update' } });
  }

  findVersion(
    assetId: string,
    number: number,
    manager: EntityManager = this.assets.manager,
  ): Promise<AssetVersionEntity | null> {
    return manager.getRepository(AssetVersionEntity).findOneBy({ assetId, number });
  }

  async listVersions(
    assetId: string,
    includeDraft: boolean,
    offset: number,
    limit: number,
  ): Promise<[AssetVersionEntity[], number]> {
    const query = this.assets.manager
      .getRepository(AssetVersionEntity)
      .createQueryBuilder('v')
      .where('v.assetId = :assetId', { assetId })
      .orderBy('v.number', 'DESC')
      .skip(offset)
      .take(limit);
    if (!includeDraft) query.andWhere(`v.state = 'published'`);
    return query.getManyAndCount();
  }

  async insertAsset(manager: EntityManager, fields: AssetFields): Promise<AssetEntity> {
    const repository = manager.getRepository(AssetEntity);
    return repository.save(repository.create(fields));
  }

  /** Many new assets in one statement (imports); ids are chosen by the caller. */
  async insertAssets(
    manager: EntityManager,
    rows: (AssetFields & NewAssetExtras)[],
  ): Promise<void> {
    await insertJsonRows(manager, AssetEntity, rows);
  }

  /** Many versions in one INSERT (imports). */
  async insertVersions(
    manager: EntityManager,
    rows: (VersionFields & Partial<AssetVersionEntity>)[],
  ): Promise<void> {
    await insertJsonRows(manager, AssetVersionEntity, rows as Partial<AssetVersionEntity>[]);
  }

  /**
   * The assets of a PPS that an import's rows name, by id or by the PPS's own code, each with
   * its latest version (draft or published): what a row is compared with.
   */
  importTargets(ppsId: string, ids: string[], sourceIds: string[]): Promise<AssetEntity[]> {
    if (ids.length === 0 && sourceIds.length === 0) return Promise.resolve([]);
    return this.assets
      .createQueryBuilder('a')
      .innerJoinAndMapOne(
        'a.view',
        AssetVersionEntity,
        'v',
        'v.asset_id = a.id AND v.number = a.latest_version',
      )
      .where('a.pps_id = :ppsId', { ppsId })
      .andWhere('(a.id = ANY(:ids::uuid[]) OR a.source_id = ANY(:sourceIds::text[]))', {
        ids,
        sourceIds,
      })
      .getMany();
  }

  /** The PPS's own codes → asset ids (an import may refer to a block by its code). */
  async idsBySourceId(ppsId: string, sourceIds: string[]): Promise<Map<string, string>> {
    if (sourceIds.length === 0) return new Map();
    const rows: { id: string; source_id: string }[] = await this.assets.query(
      'SELECT id, source_id FROM asset WHERE pps_id = $1 AND source_id = ANY($2::text[])',
      [ppsId, sourceIds],
    );
    return new Map(rows.map((row) => [row.source_id, row.id]));
  }

  /** Locks many assets (in id order, so two bulk writes cannot deadlock); their revisions. */
  async lockMany(manager: EntityManager, ids: string[]): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; row_version: number }[] = await manager.query(
      `SELECT id, row_version FROM asset WHERE id = ANY($1::uuid[])
       ORDER BY id FOR NO KEY UPDATE`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row.row_version]));
  }

  async setSourceId(manager: EntityManager, id: string, sourceId: string): Promise<void> {
    await manager.query('UPDATE asset SET source_id = $2 WHERE id = $1', [id, sourceId]);
  }

  /**
   * One page of what a reader may export, in id order after `afterId` (keyset: a long export
   * never re-reads what it already wrote): the version this reader sees of each unarchived block.
   */
  exportPage(
    scope: ReaderScope,
    filter: { ppsId?: string; kind?: AssetKind },
    afterId: string | null,
    limit: number,
  ): Promise<AssetEntity[]> {
    const query = this.readerQuery(scope)
      .andWhere(`a.status <> 'archived'`)
      .orderBy('a.id', 'ASC')
      .limit(limit);
    if (afterId) query.andWhere('a.id > :afterId', { afterId });
    if (filter.ppsId) query.andWhere('a.pps_id = :ppsId', { ppsId: filter.ppsId });
    if (filter.kind) query.andWhere('a.kind = :kind', { kind: filter.kind });
    return query.getMany();
  }

  async insertVersion(manager: EntityManager, fields: VersionFields): Promise<void> {
    await manager
      .getRepository(AssetVersionEntity)
      .insert(fields as QueryDeepPartialEntity<AssetVersionEntity>);
  }

  async updateDraftVersion(
    manager: EntityManager,
    assetId: string,
    number: number,
    changes: Partial<AssetVersionEntity>,
  ): Promise<void> {
    await manager
      .getRepository(AssetVersionEntity)
      .update(
        { assetId, number, state: 'draft' },
        changes as QueryDeepPartialEntity<AssetVersionEntity>,
      );
  }

  async deleteDraftVersion(manager: EntityManager, assetId: string, number: number): Promise<void> {
    await manager.getRepository(AssetVersionEntity).delete({ assetId, number, state: 'draft' });
  }

  async deleteAsset(manager: EntityManager, id: string): Promise<void> {
    await manager.getRepository(AssetEntity).delete({ id });
  }

  updateAsset(
    manager: EntityManager,
    id: string,
    revision: number,
    changes: AssetChanges,
  ): Promise<void> {
    return updateAtRevision(manager, AssetEntity, AssetError.NotFound, id, revision, changes);
  }

  async kindsOf(
    ids: string[],
    manager: EntityManager = this.assets.manager,
  ): Promise<Map<string, { kind: AssetKind; status: AssetStatus; ppsId: string }>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; kind: AssetKind; status: AssetStatus; pps_id: string }[] =
      await manager.query('SELECT id, kind, status, pps_id FROM asset WHERE id = ANY($1::uuid[])', [
        ids,
      ]);
    return new Map(
      rows.map((row) => [row.id, { kind: row.kind, status: row.status, ppsId: row.pps_id }]),
    );
  }

  /** Ancestors, descendants and the read check of an asset in one statement (lineageSql). */
  lineage(id: string, scope: ReaderScope): Promise<LineageRow[]> {
    return this.assets.query(lineageSql(), [id, scope.allDrafts, scope.ppsIds]);
  }

  /** A new public face for every published or archived block of these PPS (OAI datestamps). */
  async touchPublicFace(manager: EntityManager, ppsIds: string[], at: Date): Promise<void> {
    if (ppsIds.length === 0) return;
    await manager.query(
      `UPDATE asset SET public_changed_at = $2
       WHERE pps_id = ANY($1::uuid[]) AND public_changed_at IS NOT NULL`,
      [ppsIds, at],
    );
  }

  /** A new public face for the listed blocks whose current version names one of these codes. */
  async touchPublicFaceOfCodes(
    manager: EntityManager,
    crebos: string[],
    electiveCodes: string[],
    at: Date,
  ): Promise<number> {
    if (crebos.length === 0 && electiveCodes.length === 0) return 0;
    const rows: unknown[] = await manager.query(
      `UPDATE asset SET public_changed_at = $3
        WHERE id IN (SELECT id FROM asset_published
                      WHERE listed AND (crebo_codes && $1::text[] OR elective_codes && $2::text[]))
        RETURNING id`,
      [crebos, electiveCodes, at],
    );
    return rows.length;
  }

  /** The reuse count is kept on the asset for search and sorting; not an edit, so no new ETag. */
  async setReuseCount(manager: EntityManager, id: string, count: number): Promise<void> {
    await manager.query('UPDATE asset SET reuse_count = $2 WHERE id = $1', [id, count]);
  }

  findByDemoKey(demoKey: string): Promise<AssetEntity | null> {
    return this.assets.findOneBy({ demoKey });
  }

  /**
   * The building blocks' change log, newest first: each version as it was last written (by
   * whom: its last editor, or its creator), when published who published it, and who archived
   * a block. Drafts are included (this is for admins).
   */
  /**
   * Newest first, then by block, version and kind of change (a bulk import stamps many at one
   * moment); `before` gives the changes after that one in this order: the next page.
   */
  async recentChanges(limit: number, before?: ChangeLogPosition): Promise<AssetChangeLogEntry[]> {
    return this.assets.manager.query(
      `SELECT *, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "atKey" FROM (
         SELECT v.asset_id AS "assetId", v.title, v.number, 'edited' AS what,
                coalesce(v.updated_by, v.created_by) AS "userId", v.updated_at AS at, NULL AS "changeNote"
           FROM asset_version v
         UNION ALL
         SELECT v.asset_id, v.title, v.number, 'published', v.published_by, v.published_at, v.change_note
           FROM asset_version v WHERE v.published_at IS NOT NULL
         UNION ALL
         SELECT a.id, v.title, a.published_version, 'archived', a.archived_by, a.archived_at, NULL
           FROM asset a JOIN asset_version v ON v.asset_id = a.id AND v.number = a.published_version
           WHERE a.archived_at IS NOT NULL
       ) changes
       WHERE $2::timestamptz IS NULL
          OR (at, "assetId", number, what) < ($2::timestamptz, $3::uuid, $4::int, $5::text)
       ORDER BY at DESC, "assetId" DESC, number DESC, what DESC LIMIT $1`,
      [
        limit,
        before?.at ?? null,
        before?.assetId ?? null,
        before?.number ?? null,
        before?.what ?? null,
      ],
    );
  }
}

/** Where a page of the change log ends: the last entry's sort key. */
export interface ChangeLogPosition {
  at: string;
  assetId: string;
  number: number;
  what: AssetChangeLogEntry['what'];
}

export interface AssetChangeLogEntry {
  assetId: string;
  title: string;
  number: number;
  what: 'edited' | 'published' | 'archived';
  userId: string | null;
  at: Date;
  /** `at` to the microsecond (a Date keeps milliseconds): where the next page starts. */
  atKey: string;
  changeNote: string | null;
}

/** The list's order, for picking a page and for reading it: newest change first, then by id. */
function newestFirst<T extends ObjectLiteral>(query: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  return query.orderBy('a.updatedAt', 'DESC').addOrderBy('a.id', 'ASC');
}
