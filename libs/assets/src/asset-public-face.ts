import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '@bouwsteen/common';
import { PublicFace } from '@bouwsteen/database';
import { AssetsRepository } from './assets.repository';
import { wholeSeconds } from './whole-seconds';

/**
 * Stamps the blocks of a changed PPS, or naming renamed qualification codes, so harvesters fetch
 * them again with the new publisher or names.
 */
@Injectable()
export class AssetPublicFace implements PublicFace {
  constructor(
    private readonly assets: AssetsRepository,
    private readonly clock: Clock,
  ) {}

  ppsChanged(manager: EntityManager, ppsIds: string[]): Promise<void> {
    return this.assets.touchPublicFace(manager, ppsIds, wholeSeconds(this.clock.now()));
  }

  codesRenamed(manager: EntityManager, crebos: string[], electiveCodes: string[]): Promise<number> {
    return this.assets.touchPublicFaceOfCodes(
      manager,
      crebos,
      electiveCodes,
      wholeSeconds(this.clock.now()),
    );
  }
}
