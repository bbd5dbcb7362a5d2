import { CodeChecker } from '@bouwsteen/taxonomy';
import { AssetVersionEntity, VersionContent } from '../entities/asset-version.entity';
import { AssetKind } from '../asset-codes';

/** A reference from one version to other assets, checked to exist and to be of an allowed kind. */
export interface AssetReference {
  field: string;
  id: string;
  kinds: AssetKind[];
}

export type KindColumns = Partial<VersionContent>;

/** Everything that differs between the four kinds, so the workflow code is written once. */
export interface AssetKindHandler<Input, View> {
  kind: AssetKind;
  /** Codes the taxonomy must know; `field` is the dotted path used in error messages. */
  checkCodes(checker: CheckerLike, input: Input, field: string): void;
  references(input: Input, field: string): AssetReference[];
  toColumns(input: Input): KindColumns;
  toView(version: AssetVersionEntity): View;
  /** The input that reproduces a stored version, used when a new draft copies the published one. */
  toInput(version: AssetVersionEntity): Input;
}

export type CheckerLike = Pick<CodeChecker, 'code' | 'codes' | 'add'>;

/** Columns the other kinds use, reset so a version never carries a stale value from another kind. */
export const EMPTY_KIND_COLUMNS: KindColumns = {
  creboCodes: [],
  learningPaths: [],
  electiveCodes: [],
  componentIds: [],
  moduleType: null,
  studyLoadValue: null,
  studyLoadUnit: null,
  audiences: [],
  learningMode: null,
  deliveryModes: [],
  certification: null,
  stackable: null,
  priceCents: null,
  prerequisiteIds: [],
  infrastructureModel: null,
  infrastructureNatures: [],
  infrastructureSoftware: [],
  infrastructureUses: [],
  usedByIds: [],
  buildingBlocks: [],
  configurations: [],
  periodStart: null,
  periodEnd: null,
  details: {},
};

export function studyLoadView(version: AssetVersionEntity) {
  if (version.studyLoadValue === null || version.studyLoadUnit === null) return undefined;
  return {
    value: version.studyLoadValue,
    unit: version.studyLoadUnit,
    hours: version.studyLoadHours ?? version.studyLoadValue,
  };
}

/** Drops undefined members so JSONB stays compact and responses carry no empty keys. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, member]) => member !== undefined),
  ) as T;
}
