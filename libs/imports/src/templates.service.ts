import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { TaxonomyService } from '@bouwsteen/taxonomy';
import { FileScope } from './headers';
import { templateCsv, templateWorkbook } from './template';
import { VocabularyLookup } from './vocabulary-lookup';
import { EXPORT_TYPES } from './export.service';

export const TEMPLATE_FORMATS = ['xlsx', 'csv'] as const;
export type TemplateFormat = (typeof TEMPLATE_FORMATS)[number];

@Injectable()
export class TemplatesService {
  constructor(private readonly taxonomy: TaxonomyService) {}

  async send(scope: FileScope, format: TemplateFormat, response: Response): Promise<void> {
    const body =
      format === 'csv'
        ? templateCsv(scope)
        : await templateWorkbook(scope, new VocabularyLookup(await this.taxonomy.vocabularies()));
    const name = scope === 'all' ? 'alle-soorten' : scope;
    response
      .status(200)
      .type(EXPORT_TYPES[format])
      .setHeader(
        'Content-Disposition',
        `attachment; filename="bouwsteen-sjabloon-${name}.${format}"`,
      )
      .send(body);
  }
}
