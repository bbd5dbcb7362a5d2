import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { NotFoundError, PreconditionFailedError, toEtag } from '@bouwsteen/common';

/**
 * Applies `changes` only if the row still has the revision the client saw. The check and the
 * write are one UPDATE, so two concurrent editors can never both succeed.
 */
export async function updateAtRevision<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  /** The not-found code of the owning library, e.g. AssetError.NotFound. */
  notFoundCode: string,
  id: string,
  expectedRevision: number,
  changes: QueryDeepPartialEntity<T>,
): Promise<void> {
  const result = await manager
    .createQueryBuilder()
    .update(target)
    .set(changes)
    .where('id = :id AND row_version = :expectedRevision', { id, expectedRevision })
    .execute();
  if (result.affected === 1) return;
  const rows: { row_version: number }[] = await manager.query(
    `SELECT row_version FROM ${manager.getRepository(target).metadata.tableName} WHERE id = $1`,
    [id],
  );
  if (rows.length === 0)
    throw new NotFoundError(notFoundCode, manager.getRepository(target).metadata.tableName, id);
  throw new PreconditionFailedError(toEtag(rows[0].row_version));
}
