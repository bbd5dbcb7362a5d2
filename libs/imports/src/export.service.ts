import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify';
import { once } from 'node:events';
import { Writable } from 'node:stream';
import { AssetKind, AssetsService, ExportedAsset } from '@bouwsteen/assets';
import { Principal } from '@bouwsteen/auth';
import { defuseFormula } from '@bouwsteen/common';
import { TaxonomyService } from '@bouwsteen/taxonomy';
import { Column } from './columns';
import { headerLabel, scopeColumns } from './headers';
import { ExportFormat, ExportQueryDto } from './dto/import.dto';
import { encodeRow } from './row-codec';
import { EURO_FORMAT, sheetName } from './template';
import { VocabularyLookup } from './vocabulary-lookup';

const PAGE = 500;

/**
 * The kinds in the order an export writes them: what others refer to first (modules, then the
 * curricula built of them, then what names both), so the file imported again with publish=true
 * publishes a module before the curriculum that needs it published.
 */
const EXPORT_ORDER: readonly AssetKind[] = ['module', 'curriculum', 'infrastructure', 'practice'];

export const EXPORT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  jsonl: 'application/x-ndjson; charset=utf-8',
};

/**
 * A PPS's (or the registry's) building blocks in the import's own formats, so export → edit →
 * import changes nothing that was not edited. Streamed page by page (keyset on id): memory
 * stays flat whatever the size. Each block as this reader may see it (drafts for its editors).
 */
@Injectable()
export class ExportService {
  constructor(
    private readonly assets: AssetsService,
    private readonly taxonomy: TaxonomyService,
  ) {}

  async write(
    principal: Principal | undefined,
    query: ExportQueryDto,
    out: Writable,
  ): Promise<void> {
    const lookup = new VocabularyLookup(await this.taxonomy.vocabularies());
    if (query.format === 'jsonl') return this.jsonl(principal, query, out);
    if (query.format === 'csv') return this.csv(principal, query, out, lookup);
    return this.xlsx(principal, query, out, lookup);
  }

  /** Every block asked for, kind by kind in EXPORT_ORDER. */
  private async *pages(
    principal: Principal | undefined,
    filter: { ppsId?: string; kind?: AssetKind },
  ): AsyncGenerator<ExportedAsset> {
    for (const kind of filter.kind ? [filter.kind] : EXPORT_ORDER) {
      let after: string | null = null;
      for (;;) {
        const page = await this.assets.exportPage(principal, { ...filter, kind }, after, PAGE);
        yield* page;
        if (page.length < PAGE) break;
        after = page[page.length - 1].id;
      }
    }
  }

  private async jsonl(
    principal: Principal | undefined,
    query: ExportQueryDto,
    out: Writable,
  ): Promise<void> {
    for await (const asset of this.pages(principal, query)) {
      const line = JSON.stringify({
        id: asset.id,
        sourceId: asset.sourceId ?? undefined,
        kind: asset.kind,
        ...asset.content,
      });
      if (!out.write(`${line}\n`)) await once(out, 'drain');
    }
    out.end();
  }

  private async csv(
    principal: Principal | undefined,
    query: ExportQueryDto,
    out: Writable,
    lookup: VocabularyLookup,
  ): Promise<void> {
    const scope = query.kind ?? 'all';
    const columns = scopeColumns(scope, { kind: true });
    const csv = stringify({ bom: true, record_delimiter: 'windows' });
    csv.pipe(out);
    // The Dutch labels for people, then the API's paths: what the import reads (either or both).
    csv.write(columns.map((column) => headerLabel(column, scope)));
    csv.write(columns.map((column) => column.name));
    for await (const asset of this.pages(principal, query)) {
      const row = encodeRow(asset, columns, lookup);
      const cells = columns.map((column) => defuseFormula(String(row[column.name])));
      if (!csv.write(cells)) await once(csv, 'drain');
    }
    csv.end();
    await once(out, 'finish');
  }

  /** One sheet per kind (each with its own columns), named as people call the kinds. */
  private async xlsx(
    principal: Principal | undefined,
    query: ExportQueryDto,
    out: Writable,
    lookup: VocabularyLookup,
  ): Promise<void> {
    // exceljs is loaded when a workbook is first asked for: most processes never need it.
    const { stream: excelStream } = await import('exceljs');
    const workbook = new excelStream.xlsx.WorkbookWriter({
      stream: out,
      useSharedStrings: false,
      useStyles: true,
    });
    let sheets = 0;
    for (const kind of query.kind ? [query.kind] : EXPORT_ORDER) {
      const blocks = this.pages(principal, { ppsId: query.ppsId, kind });
      const first = await blocks.next();
      // A kind without blocks gets no sheet (unless nothing at all is exported).
      if (
        first.done &&
        (sheets > 0 || kind !== (query.kind ?? EXPORT_ORDER[EXPORT_ORDER.length - 1]))
      )
        continue;
      sheets++;
      const columns = scopeColumns(kind, { kind: true });
      const sheet = workbook.addWorksheet(sheetName(kind), {
        views: [{ state: 'frozen', ySplit: 2 }],
      });
      // As the template: the Dutch labels, then the API's paths in a hidden row; amounts in euros.
      sheet.columns = columns.map((column: Column) => ({
        header: [headerLabel(column, kind), column.name],
        key: column.name,
        width: 20,
        ...(column.type === 'euro' && { style: { numFmt: EURO_FORMAT } }),
      }));
      sheet.getRow(1).font = { bold: true };
      sheet.getRow(2).hidden = true;
      if (!first.done) sheet.addRow(encodeRow(first.value, columns, lookup)).commit();
      for await (const asset of blocks) sheet.addRow(encodeRow(asset, columns, lookup)).commit();
      sheet.commit();
    }
    await workbook.commit();
  }
}
