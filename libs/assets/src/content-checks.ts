import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Principal } from '@bouwsteen/auth';
import { FieldCode, FieldError, unknownOrganisation } from '@bouwsteen/common';
import { OrganisationsRepository } from '@bouwsteen/organisations';
import { CodeChecker, TaxonomyService } from '@bouwsteen/taxonomy';
import { organisationReferences, otherKinds } from './asset-content';
import { AssetPolicy } from './asset.policy';
import { AssetsRepository } from './assets.repository';
import { AssetContentDto } from './dto/asset-content.dto';
import { AssetKind, AssetStatus } from './asset-codes';
import { publishProblems } from './completeness';
import { AssetEntity } from './entities/asset.entity';
import { LicenseProblem, derivativeLicenseProblem } from './license-policy';
import { Licenses } from './licenses';
import { KIND_HANDLERS } from './kinds';

/** What checking many contents needs from the database, read once for all of them. */
export interface CheckContext {
  vocabularies: Awaited<ReturnType<TaxonomyService['vocabularies']>>;
  assets: Map<string, CheckedAsset>;
  organisations: Set<string>;
}

/** What the checks know of a block another refers to. */
export interface CheckedAsset {
  kind: AssetKind;
  status: AssetStatus;
  ppsId: string;
}

export interface ContentToCheck {
  kind: AssetKind;
  content: AssetContentDto;
}

/**
 * The rules a building block's content must meet beyond its shape: codes the taxonomy knows,
 * references to assets of the right kind the editor may read, organisations that exist. One
 * home for the single write (AssetsService) and the bulk write (imports), which reads the
 * context once for a whole batch.
 */
@Injectable()
export class ContentChecks {
  constructor(
    private readonly assets: AssetsRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly taxonomy: TaxonomyService,
    private readonly licenses: Licenses,
  ) {}

  /**
   * What a derivative's licence must keep of its source's (ShareAlike, NonCommercial): the
   * problem with `license` for `asset`, or undefined (also when the asset is no derivative).
   */
  async derivativeLicenseProblem(
    asset: Pick<AssetEntity, 'basedOnAssetId' | 'basedOnVersion'>,
    license: string,
    manager?: EntityManager,
  ): Promise<LicenseProblem | undefined> {
    if (!asset.basedOnAssetId) return undefined;
    const source = await this.assets.findVersion(
      asset.basedOnAssetId,
      asset.basedOnVersion!,
      manager,
    );
    return derivativeLicenseProblem(
      await this.licenses.terms(source!.license ?? '', manager),
      await this.licenses.terms(license, manager),
    );
  }

  /**
   * What checking `items` needs, read once. `provisional` answers for blocks no table holds
   * yet (a dry run's, which the real run writes before these items); they are not looked up.
   */
  async context(
    items: ContentToCheck[],
    manager?: EntityManager,
    provisional?: (id: string) => CheckedAsset | undefined,
  ): Promise<CheckContext> {
    const assetIds = new Set<string>();
    const organisationIds = new Set<string>();
    for (const { kind, content } of items) {
      const details = content[kind] as object | undefined;
      if (details)
        KIND_HANDLERS[kind].references(details, kind).forEach((ref) => assetIds.add(ref.id));
      organisationReferences(kind, content).forEach((ref) => organisationIds.add(ref.id));
    }
    const known = new Map<string, CheckedAsset>();
    for (const id of assetIds) {
      const asset = provisional?.(id);
      if (asset) known.set(id, asset);
    }
    const [vocabularies, assets, organisations] = await Promise.all([
      this.taxonomy.vocabularies(manager),
      this.assets.kindsOf(
        [...assetIds].filter((id) => !known.has(id)),
        manager,
      ),
      this.organisations.findByIds([...organisationIds], manager),
    ]);
    for (const [id, asset] of known) assets.set(id, asset);
    return {
      vocabularies,
      assets,
      organisations: new Set(organisations.map((organisation) => organisation.id)),
    };
  }

  /**
   * Everything that stops `content` from being published: what its kind needs and lacks
   * (completeness.ts), and each block it refers to that a reader of the published block could
   * not open — one gone or unknown to this editor, a draft (its id would leak and lead nowhere)
   * or an archived block (which has a successor to choose). The one publish gate of a single
   * write and of an import.
   */
  publishProblems(
    principal: Principal,
    { kind, content }: ContentToCheck,
    context: CheckContext,
  ): FieldError[] {
    const problems = publishProblems(kind, content);
    const details = content[kind] as object | undefined;
    if (!details) return problems;
    for (const reference of KIND_HANDLERS[kind].references(details, kind)) {
      const target = context.assets.get(reference.id);
      const status = target?.status;
      // Gone since the draft was saved (a draft discarded), or one this editor may not read:
      // unknown, as on saving; whether it is another PPS's draft is never told.
      if (!target || !AssetPolicy.canRead(principal, target))
        problems.push({
          field: reference.field,
          message: `unknown asset ${reference.id}`,
          code: FieldCode.UnknownAsset,
          values: { id: reference.id },
        });
      else if (status === 'draft')
        problems.push({
          field: reference.field,
          message: 'is a draft; publish it first or remove it',
          code: FieldCode.ReferenceNotPublished,
        });
      else if (status === 'archived')
        problems.push({
          field: reference.field,
          message: 'is archived; choose its successor or remove it',
          code: FieldCode.ReferenceArchived,
        });
    }
    return problems;
  }

  /** Every problem with one content; empty when it may be written. */
  problems(
    principal: Principal,
    { kind, content }: ContentToCheck,
    selfId: string | undefined,
    context: CheckContext,
  ): FieldError[] {
    const errors: FieldError[] = [];
    // A draft may leave its kind's section out; publishing asks for what it needs (completeness.ts).
    for (const other of otherKinds(kind)) {
      if (content[other] !== undefined)
        errors.push({
          field: other,
          message: `must not be sent for a ${kind}`,
          code: FieldCode.NotForKind,
          values: { kind },
        });
    }
    if (errors.length > 0) return errors;

    const handler = KIND_HANDLERS[kind];
    const details = (content[kind] ?? {}) as object;
    const checker = new CodeChecker(context.vocabularies)
      .code('language', 'languages', content.language)
      .codes('sectors', 'sectors', content.sectors)
      .codes('levels', 'educationLevels', content.levels)
      .codes('themes', 'provincialThemes', content.themes)
      .codes('challenges', 'societalChallenges', content.challenges)
      .code('license', 'licenses', content.license);
    handler.checkCodes(checker, details, kind);

    for (const reference of handler.references(details, kind)) {
      const target = context.assets.get(reference.id);
      // A draft the editor may not read does not exist for them: referring to it would reveal
      // it, and leave a dangling reference when it is discarded.
      const visible = target && AssetPolicy.canRead(principal, target);
      if (reference.id === selfId)
        checker.add({
          field: reference.field,
          message: 'must not refer to the asset itself',
          code: FieldCode.SelfReference,
        });
      else if (!target || !visible)
        checker.add({
          field: reference.field,
          message: `unknown asset ${reference.id}`,
          code: FieldCode.UnknownAsset,
          values: { id: reference.id },
        });
      else if (!reference.kinds.includes(target.kind)) {
        checker.add({
          field: reference.field,
          message: `must be a ${reference.kinds.join(' or ')}, not a ${target.kind}`,
          code: FieldCode.WrongKind,
          values: { expected: reference.kinds.join(', '), kind: target.kind },
        });
      }
    }
    for (const ref of organisationReferences(kind, content)) {
      if (!context.organisations.has(ref.id)) checker.add(unknownOrganisation(ref.field, ref.id));
    }
    return [...checker.problems];
  }
}
