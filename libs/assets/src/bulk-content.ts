import { ASSET_KINDS, AssetKind } from './asset-codes';
import { AssetContentDto } from './dto/asset-content.dto';
import { VersionContent } from './entities/asset-version.entity';

/**
 * How the bulk writer compares and merges contents: what a version says (not how it was
 * written), and a partial source's fields laid over a stored block.
 */

/** Two versions' contents are the same when every column says the same. */
export function sameContent(a: VersionContent, b: VersionContent): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  return JSON.stringify(meaning(value) ?? null);
}

/**
 * What a value says, not how it was written: no value (null, "", an empty list or object) is
 * a field left out, keys are in one order, and a line break is \n. Those are the differences
 * a spreadsheet cell cannot carry — an export writes every kind of empty as an empty cell, and
 * .xlsx keeps no \r (a browser sends \r\n from every textarea) — so an exported block read back
 * is "unchanged", and an import opens no version that says nothing new.
 */
function meaning(value: unknown): unknown {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value === 'string') return value.replace(/\r\n?/g, '\n');
  if (Array.isArray(value)) {
    const items = value.map(meaning).filter((item) => item !== undefined);
    return items.length > 0 ? items : undefined;
  }
  if (typeof value === 'object') {
    const fields = Object.entries(value as Record<string, unknown>)
      .map(([key, field]) => [key, meaning(field)] as const)
      .filter(([, field]) => field !== undefined)
      .sort(([x], [y]) => x.localeCompare(y));
    return fields.length > 0 ? Object.fromEntries(fields) : undefined;
  }
  return value;
}

/**
 * A block's stored content with what a partial source gave laid over it: each given path takes
 * the source's value (an empty cell clears it), every other field keeps the block's. A path of
 * another kind's section (a column of an all-kinds file) is not this block's and is skipped.
 */
export function keepNotGiven(
  kind: AssetKind,
  stored: AssetContentDto,
  sent: AssetContentDto,
  given: readonly string[],
): AssetContentDto {
  const merged = structuredClone(stored) as unknown as Record<string, unknown>;
  const source = sent as unknown as Record<string, unknown>;
  for (const path of given) {
    const keys = path.split('.');
    if ((ASSET_KINDS as readonly string[]).includes(keys[0]) && keys[0] !== kind) continue;
    let from: unknown = source;
    for (const key of keys) from = (from as Record<string, unknown> | undefined)?.[key];
    let into = merged;
    for (const key of keys.slice(0, -1)) {
      if (typeof into[key] !== 'object' || into[key] === null) into[key] = {};
      into = into[key] as Record<string, unknown>;
    }
    if (from === undefined) delete into[keys[keys.length - 1]];
    else into[keys[keys.length - 1]] = from;
  }
  return merged as unknown as AssetContentDto;
}
