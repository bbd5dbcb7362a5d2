import { NotFoundError } from '@bouwsteen/common/pure';

/**
 * A read the page can do without when its subject is gone (an organisation removed since): the
 * page shows less. Any other failure — the database, a bug — still fails the page.
 */
export async function unlessNotFound<T>(read: Promise<T>): Promise<T | undefined> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
}
