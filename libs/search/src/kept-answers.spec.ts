import { KeptAnswers } from './kept-answers';

interface Finding {
  id: string;
}

describe('KeptAnswers', () => {
  const question = { title: 'Veilig werken met cobots', summary: 'Risicoanalyse' };
  const found = (id: string) => async (): Promise<Finding[]> => [{ id }];

  it('computes a question once per generation and gives every asker the same frozen answer', async () => {
    const kept = new KeptAnswers<Finding>(100_000);
    const compute = jest.fn(found('a'));
    const first = await kept.answer(1n, question, compute);
    const again = await kept.answer(1n, { ...question }, compute);
    expect(again).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first[0])).toBe(true);
    expect(compute).toHaveBeenCalledTimes(1);
    await kept.answer(1n, { ...question, summary: 'Anders' }, compute);
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('drops every kept answer once a newer generation is asked, and keeps none of an older one', async () => {
    const kept = new KeptAnswers<Finding>(100_000);
    await kept.answer(1n, question, found('a'));
    await kept.answer(1n, { other: true }, found('b'));
    expect(await kept.answer(2n, question, found('c'))).toEqual([{ id: 'c' }]);
    expect(kept.usage.answers).toBe(1);
    // An ask that read the number just before it moved: answered, not kept, nothing dropped.
    expect(await kept.answer(1n, question, found('old'))).toEqual([{ id: 'old' }]);
    expect(await kept.answer(2n, question, found('d'))).toEqual([{ id: 'c' }]);
  });

  it('does not keep an answer whose generation passed while it was computed', async () => {
    const kept = new KeptAnswers<Finding>(100_000);
    let finish: (value: Finding[]) => void = () => undefined;
    const slow = kept.answer(1n, question, () => new Promise((resolve) => (finish = resolve)));
    await kept.answer(2n, { other: true }, found('b'));
    finish([{ id: 'stale' }]);
    expect(await slow).toEqual([{ id: 'stale' }]);
    expect(await kept.answer(2n, question, found('fresh'))).toEqual([{ id: 'fresh' }]);
  });

  it('shares one computation between concurrent askers', async () => {
    const kept = new KeptAnswers<Finding>(100_000);
    let finish: (value: Finding[]) => void = () => undefined;
    const compute = jest.fn(() => new Promise<Finding[]>((resolve) => (finish = resolve)));
    const asks = [kept.answer(1n, question, compute), kept.answer(1n, question, compute)];
    finish([{ id: 'x' }]);
    expect(await Promise.all(asks)).toEqual([[{ id: 'x' }], [{ id: 'x' }]]);
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it('keeps no failure: the next ask computes again', async () => {
    const kept = new KeptAnswers<Finding>(100_000);
    const failing = async (): Promise<Finding[]> => {
      throw new Error('search unavailable');
    };
    await expect(kept.answer(1n, question, failing)).rejects.toThrow('search unavailable');
    expect(kept.usage.answers).toBe(0);
    expect(await kept.answer(1n, question, found('y'))).toEqual([{ id: 'y' }]);
  });

  it('counts each entry with its overhead, so many empty answers stay within the budget', async () => {
    const kept = new KeptAnswers<Finding>(10_000);
    for (let n = 0; n < 1000; n++) await kept.answer(1n, { n }, async () => []);
    // An empty answer counts 300 bytes of overhead, its 43-character key and "[]".
    expect(kept.usage.answers).toBe(Math.floor(10_000 / 345));
    expect(kept.usage.bytes).toBeLessThanOrEqual(10_000);
  });

  it('drops the least recently asked first', async () => {
    const kept = new KeptAnswers<Finding>(3 * 360);
    const compute = jest.fn(found('a'));
    for (const n of [1, 2, 3, 1, 4]) await kept.answer(1n, { n }, compute); // 4 drops 2
    expect(compute).toHaveBeenCalledTimes(4);
    await kept.answer(1n, { n: 1 }, compute);
    expect(compute).toHaveBeenCalledTimes(4);
    await kept.answer(1n, { n: 2 }, compute);
    expect(compute).toHaveBeenCalledTimes(5);
  });
});
