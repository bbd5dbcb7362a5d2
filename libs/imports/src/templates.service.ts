import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { AssetKind } from '@bouwsteen/assets';
import { TaxonomyService } from '@bouwsteen/taxonomy';
import { templateWorkbook } from './template';
import { VocabularyLookup } from './vocabulary-lookup';
import { EXPORT_TYPES } from './export.service';

@Injectable()
export class TemplatesService {
  constructor(private readonly taxonomy: TaxonomyService) {}

  async send(kind: AssetKind, response: Response): Promise<void> {
    const lookup = new VocabularyLookup(await this.taxonomy.vocabularies());
    const body = await templateWorkbook(kind, lookup);
    response
      .status(200)
      .type(EXPORT_TYPES.xlsx)
      .setHeader('Content-Disposition', `attachment; filename="bouwsteen-sjabloon-${kind}.xlsx"`)
      .send(body);
  }
}
