import { NotFoundError } from '@bouwsteen/common/pure';
import { unlessNotFound } from './unless-not-found';

describe('unlessNotFound', () => {
  it('answers undefined when the subject is gone', async () => {
    await expect(
      unlessNotFound(
        Promise.reject(new NotFoundError('organisation-not-found', 'organisation', 'x')),
      ),
    ).resolves.toBeUndefined();
  });

  it('lets every other failure fail the page', async () => {
    await expect(unlessNotFound(Promise.reject(new Error('connection lost')))).rejects.toThrow(
      'connection lost',
    );
  });

  it('passes a value through', async () => {
    await expect(unlessNotFound(Promise.resolve(42))).resolves.toBe(42);
  });
});
