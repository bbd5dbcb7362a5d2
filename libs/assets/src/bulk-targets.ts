import { FieldCode, FieldError } from '@bouwsteen/common';
import type { BulkItem } from './asset-bulk-writer';
import { AssetEntity } from './entities/asset.entity';

/**
 * The block an item names (by id, else by code), or why it cannot be that block: an id no
 * block of the PPS has, a code of another block, a kind or an archived block that cannot change.
 */
export function identify(
  item: BulkItem,
  byId: Map<string, AssetEntity>,
  bySource: Map<string, AssetEntity>,
): { target?: AssetEntity; error?: FieldError } {
  let target: AssetEntity | undefined;
  if (item.id) {
    target = byId.get(item.id);
    if (!target)
      return {
        error: {
          field: 'id',
          message: 'unknown asset in this PPS',
          code: FieldCode.UnknownAssetInPps,
        },
      };
    const coded = item.sourceId ? bySource.get(item.sourceId) : undefined;
    if (coded && coded.id !== target.id)
      return {
        error: {
          field: 'sourceId',
          message: 'belongs to another building block of this PPS',
          code: FieldCode.SourceIdTaken,
        },
      };
    if (item.sourceId && target.sourceId && target.sourceId !== item.sourceId)
      return {
        error: {
          field: 'sourceId',
          message: `differs from the block's code ${target.sourceId}`,
          code: FieldCode.SourceIdDiffers,
          values: { code: target.sourceId },
        },
      };
  } else if (item.sourceId) target = bySource.get(item.sourceId);
  if (target && target.kind !== item.kind)
    return {
      error: {
        field: 'kind',
        message: `is a ${target.kind}; a block keeps its kind`,
        code: FieldCode.KindKept,
        values: { kind: target.kind },
      },
    };
  if (target?.status === 'archived')
    return {
      error: {
        field: 'id',
        message: 'is archived and can no longer change',
        code: FieldCode.Archived,
      },
    };
  return { target };
}
