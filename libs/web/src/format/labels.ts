import { Injectable } from '@nestjs/common';
import { LabelBook, TaxonomyService } from '@bouwsteen/taxonomy';

export { KIND_LABELS, KIND_ORDER, LabelBook } from '@bouwsteen/taxonomy';

@Injectable()
export class Labels {
  constructor(private readonly taxonomy: TaxonomyService) {}

  async book(): Promise<LabelBook> {
    return new LabelBook(await this.taxonomy.vocabularies());
  }
}

export { RECORD_FIELD_LABELS, ROLE_LABELS } from './record-labels';
