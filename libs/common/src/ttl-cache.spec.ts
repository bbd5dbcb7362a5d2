import { TtlCache } from './ttl-cache';

describe('TtlCache', () => {
  let now = 0;
  const cache = () => new TtlCache<number>(1000, 2, () => now);

  beforeEach(() => (now = 0));

  it('computes once per key within the time to live, also for concurrent callers', async () => {
    const subject = cache();
    const compute = jest.fn(async () => 42);
    const [a, b] = await Promise.all([subject.get('x', compute), subject.get('x', compute)]);
    expect([a, b]).toEqual([42, 42]);
    now = 999;
    await subject.get('x', compute);
    expect(compute).toHaveBeenCalledTimes(1);
    now = 1000;
    await subject.get('x', compute);
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('keeps at most maxEntries, dropping the oldest', async () => {
    const subject = cache();
    const compute = jest.fn(async () => 1);
    for (const key of ['a', 'b', 'c']) await subject.get(key, compute);
    await subject.get('a', compute);
    expect(compute).toHaveBeenCalledTimes(4);
  });

  it('does not keep a failure', async () => {
    const subject = cache();
    await expect(subject.get('x', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    await expect(subject.get('x', async () => 7)).resolves.toBe(7);
  });
});
