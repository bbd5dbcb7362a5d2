import { PpsDirectory } from './pps-directory';

/** The directory the pages read: kept 30 s, sorted by Dutch name, never keeping a failure. */
describe('PpsDirectory', () => {
  const row = (name: string) => ({ id: name, name });
  let now = 0;
  let answers: (() => Promise<{ id: string; name: string }[]>)[];
  let reads = 0;
  const directory = () =>
    new PpsDirectory(
      () => {
        reads++;
        return answers.shift()!();
      },
      () => now,
    );

  beforeEach(() => {
    now = 0;
    reads = 0;
  });

  it('reads once per 30 seconds and sorts by name as Dutch does', async () => {
    answers = [
      () => Promise.resolve([row('Zorg'), row('ÉénPPS'), row('Aviation')]),
      () => Promise.resolve([row('Nieuw')]),
    ];
    const pps = directory();
    expect((await pps.items()).map((item) => item.name)).toEqual(['Aviation', 'ÉénPPS', 'Zorg']);
    now = 29_999;
    await pps.items();
    expect(reads).toBe(1);
    now = 30_000;
    expect((await pps.items()).map((item) => item.name)).toEqual(['Nieuw']);
    expect(reads).toBe(2);
  });

  it('reads again at once after a write made it forget', async () => {
    answers = [() => Promise.resolve([row('Oud')]), () => Promise.resolve([row('Nieuw')])];
    const pps = directory();
    await pps.items();
    pps.forget();
    expect((await pps.items()).map((item) => item.name)).toEqual(['Nieuw']);
    expect(reads).toBe(2);
  });

  it('passes a failed read to the caller and tries again on the next call', async () => {
    answers = [
      () => Promise.reject(new Error('connection lost')),
      () => Promise.resolve([row('Techport')]),
    ];
    const pps = directory();
    await expect(pps.items()).rejects.toThrow('connection lost');
    expect((await pps.items()).map((item) => item.name)).toEqual(['Techport']);
    expect(reads).toBe(2);
  });
});
