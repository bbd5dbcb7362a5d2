import { KeptAnswers } from './kept-answers';

describe('KeptAnswers', () => {
  const question = { title: 'Veilig werken met cobots', summary: 'Risicoanalyse' };

  it('computes a question once per scope and gives every asker the same frozen answer', async () => {
    const kept = new KeptAnswers<{ id: string }>(10_000);
    const compute = jest.fn(async () => [{ id: 'a' }]);
    const first = await kept.answer('1', question, compute);
    const again = await kept.answer('1', { ...question }, compute);
    expect(again).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(compute).toHaveBeenCalledTimes(1);
    // Another scope (the index changed) or another question is computed anew.
    await kept.answer('2', question, compute);
    await kept.answer('1', { ...question, summary: 'Anders' }, compute);
    expect(compute).toHaveBeenCalledTimes(3);
  });

  it('shares one computation between concurrent askers', async () => {
    const kept = new KeptAnswers<string>(10_000);
    let finish: (value: string[]) => void = () => undefined;
    const compute = jest.fn(() => new Promise<string[]>((resolve) => (finish = resolve)));
    const asks = [kept.answer('1', question, compute), kept.answer('1', question, compute)];
    finish(['x']);
    expect(await Promise.all(asks)).toEqual([['x'], ['x']]);
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it('keeps no failure: the next ask computes again', async () => {
    const kept = new KeptAnswers<string>(10_000);
    const failing = jest.fn(async (): Promise<string[]> => {
      throw new Error('search unavailable');
    });
    await expect(kept.answer('1', question, failing)).rejects.toThrow('search unavailable');
    expect(kept.usage.answers).toBe(0);
    expect(await kept.answer('1', question, async () => ['y'])).toEqual(['y']);
  });

  it('keeps answers within its byte budget, dropping the least recently asked', async () => {
    // Each answer [1111111111] is 12 bytes of JSON: three fit in 40, not four.
    const kept = new KeptAnswers<number>(40);
    const compute = jest.fn(async () => [1111111111]);
    await kept.answer('1', { n: 1 }, compute);
    await kept.answer('1', { n: 2 }, compute);
    await kept.answer('1', { n: 3 }, compute);
    await kept.answer('1', { n: 1 }, compute); // asked again: now the most recent
    await kept.answer('1', { n: 4 }, compute); // drops { n: 2 }
    expect(kept.usage).toEqual({ answers: 3, bytes: 36 });
    await kept.answer('1', { n: 1 }, compute);
    expect(compute).toHaveBeenCalledTimes(4);
    await kept.answer('1', { n: 2 }, compute);
    expect(compute).toHaveBeenCalledTimes(5);
  });

  it('keeps no answer larger than the whole budget, and still gives it', async () => {
    const kept = new KeptAnswers<string>(8);
    expect(await kept.answer('1', question, async () => ['far too long'])).toEqual([
      'far too long',
    ]);
    expect(kept.usage.answers).toBe(0);
  });
});
