import { Inject, Injectable } from '@nestjs/common';
import { AssetDto, AssetLinkedData } from '@bouwsteen/assets';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import { LabelBook, TaxonomyService } from '@bouwsteen/taxonomy';
import { assetJsonLd } from './asset-json-ld';
import { publicLinks } from './public-links';

/** The API's `Accept: application/ld+json` answer: the same JSON-LD the public page embeds. */
@Injectable()
export class AssetLinkedDataService implements AssetLinkedData {
  constructor(
    private readonly taxonomy: TaxonomyService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async describe(asset: AssetDto): Promise<object> {
    const labels = new LabelBook(await this.taxonomy.vocabularies());
    return assetJsonLd(asset, labels, publicLinks(this.config).absolute);
  }
}
