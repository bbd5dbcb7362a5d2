import { EntityManager } from 'typeorm';

/**
 * What harvesters see of a building block includes its PPS and lead institution (publisher,
 * sets). When those change, the blocks' public face changes too: organisations tells this port,
 * in the change's own transaction, and assets stamps the blocks so incremental harvests deliver
 * them again. Organisations never touches the asset tables.
 */
export const PUBLIC_FACE = Symbol('PUBLIC_FACE');

export interface PublicFace {
  ppsChanged(manager: EntityManager, ppsIds: string[]): Promise<void>;
  /**
   * The names of these crebo or keuzedeel codes changed (a qualification file was imported):
   * the feeds carry the names, so the published blocks naming a code get a new datestamp.
   * Returns how many blocks were stamped.
   */
  codesRenamed(manager: EntityManager, crebos: string[], electiveCodes: string[]): Promise<number>;
}
