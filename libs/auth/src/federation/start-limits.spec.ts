import { judgeStart } from './start-limits';

const LIMITS = { address: 3, total: 10, pendingSeconds: 600 };

describe('judgeStart (bounds on unfinished sign-ins through an institution)', () => {
  it('lets starts through up to each bound, this one counted', () => {
    expect(
      judgeStart(
        { address: 3, total: 10, addressOldestAgeSeconds: 5, totalOldestAgeSeconds: 9 },
        LIMITS,
      ),
    ).toEqual({ refuse: false });
  });

  it("refuses past the address's bound until its oldest start expires", () => {
    expect(
      judgeStart(
        { address: 4, total: 4, addressOldestAgeSeconds: 100.2, totalOldestAgeSeconds: 100.2 },
        LIMITS,
      ),
    ).toEqual({ refuse: true, retryAfterSeconds: 500 });
  });

  it("refuses past the table's bound, whatever the address, until the oldest start expires", () => {
    expect(
      judgeStart(
        { address: 1, total: 11, addressOldestAgeSeconds: 0, totalOldestAgeSeconds: 590 },
        LIMITS,
      ),
    ).toEqual({ refuse: true, retryAfterSeconds: 10 });
  });

  it('never says to wait less than a second', () => {
    expect(
      judgeStart(
        { address: 9, total: 9, addressOldestAgeSeconds: 700, totalOldestAgeSeconds: 700 },
        LIMITS,
      ),
    ).toEqual({ refuse: true, retryAfterSeconds: 1 });
  });
});
