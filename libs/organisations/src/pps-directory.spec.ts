import { Clock } from '@bouwsteen/common';
import { PpsEntity } from './entities/pps.entity';
import { PpsRepository } from './pps.repository';
import { PpsService } from './pps.service';

/** The directory the pages read: kept 30 s, sorted by Dutch name, never keeping a failure. */
describe('PpsService.directory', () => {
  const row = (name: string) =>
    ({
      id: name,
      name,
      provinces: [],
      leadOrganisation: { id: 'o', name: 'ROC' },
      updatedAt: new Date(0),
    }) as unknown as PpsEntity;
  let now = 0;
  let answers: (() => Promise<[PpsEntity[], number]>)[];
  let reads = 0;
  const repository = {
    list: () => {
      reads++;
      return answers.shift()!();
    },
  } as unknown as PpsRepository;
  const clock = { now: () => new Date(now) } as Clock;
  const service = () =>
    new PpsService(
      repository,
      undefined as never,
      undefined as never,
      undefined as never,
      undefined as never,
      clock,
      undefined as never,
    );

  beforeEach(() => {
    now = 0;
    reads = 0;
  });

  it('reads once per 30 seconds and sorts by name as Dutch does', async () => {
    answers = [
      () => Promise.resolve([[row('Zorg'), row('ÉénPPS'), row('Aviation')], 3]),
      () => Promise.resolve([[row('Nieuw')], 1]),
    ];
    const pps = service();
    expect((await pps.directory()).map((item) => item.name)).toEqual([
      'Aviation',
      'ÉénPPS',
      'Zorg',
    ]);
    now = 29_999;
    await pps.directory();
    expect(reads).toBe(1);
    now = 30_000;
    expect((await pps.directory()).map((item) => item.name)).toEqual(['Nieuw']);
    expect(reads).toBe(2);
  });

  it('passes a failed read to the caller and tries again on the next call', async () => {
    answers = [
      () => Promise.reject(new Error('connection lost')),
      () => Promise.resolve([[row('Techport')], 1]),
    ];
    const pps = service();
    await expect(pps.directory()).rejects.toThrow('connection lost');
    expect((await pps.directory()).map((item) => item.name)).toEqual(['Techport']);
    expect(reads).toBe(2);
  });
});
