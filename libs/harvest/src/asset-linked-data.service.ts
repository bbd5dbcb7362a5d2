import { Inject, Injectable } from '@nestjs/common';
import { AssetDto, AssetLinkedData, PublishedRelationsReader } from '@bouwsteen/assets';
import { APP_CONFIG, AppConfig } from '@bouwsteen/config';
import { QualificationsService } from '@bouwsteen/qualifications';
import { LabelBook, TaxonomyService } from '@bouwsteen/taxonomy';
import { assetJsonLd } from './asset-json-ld';
import { publicLinks } from './public-links';

/** The API's `Accept: application/ld+json` answer: the same JSON-LD the public page embeds. */
@Injectable()
export class AssetLinkedDataService implements AssetLinkedData {
  constructor(
    private readonly taxonomy: TaxonomyService,
    private readonly relations: PublishedRelationsReader,
    private readonly qualifications: QualificationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async describe(asset: AssetDto): Promise<object> {
    const [vocabularies, relations, names] = await Promise.all([
      this.taxonomy.vocabularies(),
      this.relations.one(asset.id),
      this.qualifications.names(asset.curriculum?.creboCodes ?? [], [
        ...(asset.curriculum?.electiveCodes ?? []),
        ...(asset.module?.electiveCode ? [asset.module.electiveCode] : []),
      ]),
    ]);
    return assetJsonLd(
      asset,
      new LabelBook(vocabularies),
      publicLinks(this.config).absolute,
      relations,
      names,
    );
  }
}
