import { AssetKind } from '../asset-codes';
import { AssetKindHandler } from './asset-kind';
import { curriculumKind } from './curriculum.kind';
import { infrastructureKind } from './infrastructure.kind';
import { moduleKind } from './module.kind';
import { practiceKind } from './practice.kind';

export const KIND_HANDLERS: Record<AssetKind, AssetKindHandler<object, object>> = {
  curriculum: curriculumKind as AssetKindHandler<object, object>,
  module: moduleKind as AssetKindHandler<object, object>,
  infrastructure: infrastructureKind as AssetKindHandler<object, object>,
  practice: practiceKind as AssetKindHandler<object, object>,
};

export * from './asset-kind';
export { nlqfLevel } from './curriculum.kind';
