import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { QualificationsService } from '@bouwsteen/qualifications';
import {
  DocumentRow,
  SearchDocument,
  moduleElectiveCodes,
  toSearchDocument,
} from './search-document';

/**
 * Listed blocks (published, not archived): what the index holds. asset_published is assets'
 * read surface, pps_public the public face of a PPS and its lead (organisations').
 */
const DOCUMENT_SQL = `
  SELECT a.id, a.kind, a.version, a.published_at, a.reuse_count,
         p.id AS pps_id, p.name AS pps_name, p.provinces, p.configurations AS pps_configurations,
         p.building_blocks AS pps_building_blocks, p.lead_organisation_id AS lead_id, p.lead_name,
         a.title, a.summary, a.description, a.keywords, a.language, a.sectors, a.levels, a.themes,
         a.challenges, a.license, a.crebo_codes, a.elective_codes, a.module_type, a.study_load_hours, a.price_cents, a.audiences,
         a.learning_mode, a.delivery_modes, a.certification, a.building_blocks, a.configurations, a.details
  FROM asset_published a
  JOIN pps_public p ON p.id = a.pps_id
  WHERE a.listed`;

/**
 * Reads what the index should hold, always from the current committed rows. The qualifications
 * a module's keuzedeel combines with are asked of the qualification structure once per batch of
 * rows (a relay round, a rebuild's page), never per document.
 */
@Injectable()
export class SearchDocumentsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly qualifications: QualificationsService,
  ) {}

  private async build(rows: DocumentRow[], manager?: EntityManager): Promise<SearchDocument[]> {
    const codes = moduleElectiveCodes(rows);
    const electiveCrebos = codes.length
      ? await this.qualifications.crebosOfElectives(codes, manager)
      : new Map<string, string[]>();
    return rows.map((row) => toSearchDocument(row, electiveCrebos));
  }

  async documents(
    assetIds: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<SearchDocument[]> {
    if (assetIds.length === 0) return [];
    const rows: DocumentRow[] = await manager.query(`${DOCUMENT_SQL} AND a.id = ANY($1::uuid[])`, [
      assetIds,
    ]);
    return this.build(rows, manager);
  }

  /** Pages through every indexable asset in id order (keyset paging, stable under writes). */
  async *allDocuments(batchSize: number): AsyncGenerator<SearchDocument[]> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: DocumentRow[] = await this.dataSource.query(
        `${DOCUMENT_SQL} AND a.id > $1 ORDER BY a.id LIMIT $2`,
        [after, batchSize],
      );
      if (rows.length === 0) return;
      yield await this.build(rows);
      after = rows[rows.length - 1].id;
    }
  }

  /** The assets whose documents embed data of these PPS or organisations. */
  async assetIdsFor(
    ppsIds: string[],
    organisationIds: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string[]> {
    if (ppsIds.length === 0 && organisationIds.length === 0) return [];
    const rows: { id: string }[] = await manager.query(
      `SELECT a.id FROM asset_published a JOIN pps_public p ON p.id = a.pps_id
       WHERE a.pps_id = ANY($1::uuid[]) OR p.lead_organisation_id = ANY($2::uuid[])`,
      [ppsIds, organisationIds],
    );
    return rows.map((row) => row.id);
  }
}
