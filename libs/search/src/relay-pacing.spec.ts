import {
  AHEAD_FROM,
  AHEAD_MARGIN_MS,
  GATHER_FROM,
  GATHER_MAX_MS,
  QUIET_MS,
  roundReady,
  sendAheadAt,
} from './relay-pacing';

const BATCH = 5000;
const filling = { due: 1200, oldestAgeMs: 800, newestAgeMs: 20 };

describe('relay pacing', () => {
  it('sends a single write at once, however fresh', () => {
    expect(roundReady({ due: 1, oldestAgeMs: 0, newestAgeMs: 0 }, BATCH, false)).toBe(true);
    expect(roundReady({ due: GATHER_FROM - 1, oldestAgeMs: 5, newestAgeMs: 0 }, BATCH, false)).toBe(
      true,
    );
  });

  it('lets an outbox that is filling fast gather a larger round', () => {
    expect(roundReady(filling, BATCH, false)).toBe(false);
    expect(roundReady({ ...filling, due: GATHER_FROM }, BATCH, false)).toBe(false);
  });

  it('sends once the batch is full, the outbox went quiet, or the oldest entry waited long enough', () => {
    expect(roundReady({ ...filling, due: BATCH }, BATCH, false)).toBe(true);
    expect(roundReady({ ...filling, newestAgeMs: QUIET_MS }, BATCH, false)).toBe(true);
    expect(roundReady({ ...filling, oldestAgeMs: GATHER_MAX_MS }, BATCH, false)).toBe(true);
  });

  it('sends only full batches after batches still being indexed', () => {
    expect(roundReady({ due: 1, oldestAgeMs: 60_000, newestAgeMs: 60_000 }, BATCH, true)).toBe(
      false,
    );
    expect(roundReady({ ...filling, due: BATCH }, BATCH, true)).toBe(true);
  });

  it('treats a batch size below the gathering threshold as always full enough', () => {
    expect(roundReady({ due: 10, oldestAgeMs: 0, newestAgeMs: 0 }, 10, false)).toBe(true);
  });
});

describe('sending the next round ahead', () => {
  const history = { msPerDocument: 0.3, sendMs: 500 };

  it('claims the next round as long before the expected end as a send takes, and a margin', () => {
    expect(sendAheadAt({ startedAtMs: 10_000, documents: 10_000 }, history)).toBe(
      10_000 + 3_000 - 500 - AHEAD_MARGIN_MS,
    );
  });

  it('does not guess without an earlier round, or for a small one', () => {
    expect(sendAheadAt({ startedAtMs: 0, documents: 10_000 })).toBeUndefined();
    expect(sendAheadAt({ startedAtMs: 0, documents: AHEAD_FROM - 1 }, history)).toBeUndefined();
  });

  it('waits for a round hardly longer than a send, so that rounds do not shrink', () => {
    // 1,500 documents at 0.3 ms = 450 ms, against a lead of 650 ms: claimed at once, it would
    // leave the next round only what came in meanwhile.
    expect(sendAheadAt({ startedAtMs: 0, documents: 1_500 }, history)).toBeUndefined();
    expect(sendAheadAt({ startedAtMs: 0, documents: 4_400 }, history)).toBe(1_320 - 650);
  });
});
