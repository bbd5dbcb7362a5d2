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

/** How a block was reused (reuse.mode), as a phrase after the block's name. */
export const REUSE_MODE_LABELS: Record<string, string> = {
  'as-is': 'zoals het is',
  adapted: 'aangepast',
  inspired: 'als inspiratie',
};
