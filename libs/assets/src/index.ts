export * from './pure';
export * from './assets.module';
export * from './assets.service';
export * from './assets.repository';
export * from './entities/asset.entity';
export * from './entities/asset-version.entity';
export * from './dto/asset.dto';
export * from './dto/asset-content.dto';
export * from './dto/derivative.dto';
export * from './asset-events';
export * from './licenses';
export * from './published-relations';
export * from './dto/similar-asset.dto';
export * from './dto/publish-check.dto';
export {
  FEEDS,
  type Feed,
  feedKinds,
  missingForFeed,
  missingToPublish,
  publishProblems,
} from './completeness';
export * from './feed-membership';
export { similarityFeatures, toVersionColumns } from './asset-content';
export * from './asset-bulk-writer';
export { DEFAULT_LANGUAGE } from './asset-content';
export * from './dto/shared.dto';
export { ASSET_FIELDS } from './asset-fields';
