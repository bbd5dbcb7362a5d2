import type { FieldError } from '@bouwsteen/common';
import { ASSET_KINDS, AssetKind } from './asset-codes';
import { AssetContentDto } from './dto/asset-content.dto';
import { CurriculumDetailsDto } from './dto/curriculum.dto';
import { InfrastructureDetailsDto } from './dto/infrastructure.dto';
import { ModuleDetailsDto } from './dto/module.dto';
import { PracticeDetailsDto } from './dto/practice.dto';
import { publishNeedsOf } from './publish-needs';

/** The code of a field error for an answer a block needs before it is published. */
export const NEEDED_TO_PUBLISH = 'neededToPublish';

/** Each kind's own fields, as the DTO of its section declares them. */
const SECTIONS: Record<AssetKind, object> = {
  module: ModuleDetailsDto,
  curriculum: CurriculumDetailsDto,
  infrastructure: InfrastructureDetailsDto,
  practice: PracticeDetailsDto,
};

/**
 * The paths of what a block of `kind` needs to be published and `content` lacks, in the order
 * the DTOs declare them (so also the order of the form). A kind's section that is missing
 * counts as each of its needed fields missing, so every answer names a real field.
 */
export function missingToPublish(kind: AssetKind, content: Partial<AssetContentDto>): string[] {
  const missing: string[] = [];
  const shared = content as Record<string, unknown>;
  for (const property of publishNeedsOf(AssetContentDto, kind)) {
    if ((ASSET_KINDS as readonly string[]).includes(property)) continue;
    if (!filled(shared[property])) missing.push(property);
  }
  const section = (shared[kind] ?? {}) as Record<string, unknown>;
  for (const property of publishNeedsOf(SECTIONS[kind], kind))
    if (!filled(section[property])) missing.push(`${kind}.${property}`);
  return missing;
}

/** The same, as the field errors a refused publish answers with. */
export function publishProblems(kind: AssetKind, content: Partial<AssetContentDto>): FieldError[] {
  return missingToPublish(kind, content).map((field) => ({
    field,
    message: 'is needed to publish',
    code: NEEDED_TO_PUBLISH,
  }));
}

function filled(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim().length > 0;
  if (Array.isArray(value)) return value.length > 0;
  return true;
}
