import {
  digestDue,
  groupDigest,
  periodStart,
  resolveAll,
  resolveFrequency,
  resolveMode,
  withinDailyBound,
} from './mail-rules';

describe('preference resolution', () => {
  it('gives the digest to every type without a choice, and the choice otherwise', () => {
    const stored = { modes: { 'material-request': 'immediate' as const, review: 'off' as const } };
    expect(resolveMode(stored, 'material-request')).toBe('immediate');
    expect(resolveMode(stored, 'review')).toBe('off');
    expect(resolveMode(stored, 'new-version')).toBe('digest');
    expect(resolveAll(stored)).toEqual([
      { type: 'material-request', mode: 'immediate' },
      { type: 'new-version', mode: 'digest' },
      { type: 'review', mode: 'off' },
      { type: 'saved-search', mode: 'digest' },
    ]);
  });

  it('sends the digest daily unless weekly was chosen', () => {
    expect(resolveFrequency({ modes: {} })).toBe('daily');
    expect(resolveFrequency({ frequency: null, modes: {} })).toBe('daily');
    expect(resolveFrequency({ frequency: 'weekly', modes: {} })).toBe('weekly');
  });
});

describe('digest periods (Dutch clock)', () => {
  it('starts a daily period at the digest hour, local time, in winter and summer', () => {
    // 8 January 2027, 10:00 in Amsterdam (UTC+1): the period began at 07:00 local = 06:00 UTC.
    expect(periodStart('daily', new Date('2027-01-08T09:00:00Z'), 7).toISOString()).toBe(
      '2027-01-08T06:00:00.000Z',
    );
    // Before 07:00 local: yesterday's.
    expect(periodStart('daily', new Date('2027-01-08T05:30:00Z'), 7).toISOString()).toBe(
      '2027-01-07T06:00:00.000Z',
    );
    // Summer (UTC+2).
    expect(periodStart('daily', new Date('2027-07-08T09:00:00Z'), 7).toISOString()).toBe(
      '2027-07-08T05:00:00.000Z',
    );
  });

  it('starts a weekly period on the last Monday at the digest hour', () => {
    // Wednesday 13 January 2027 → Monday 11 January, 07:00 local.
    expect(periodStart('weekly', new Date('2027-01-13T12:00:00Z'), 7).toISOString()).toBe(
      '2027-01-11T06:00:00.000Z',
    );
    // Monday before the hour → the Monday before.
    expect(periodStart('weekly', new Date('2027-01-11T05:00:00Z'), 7).toISOString()).toBe(
      '2027-01-04T06:00:00.000Z',
    );
    // Monday after the hour → that Monday.
    expect(periodStart('weekly', new Date('2027-01-11T07:00:00Z'), 7).toISOString()).toBe(
      '2027-01-11T06:00:00.000Z',
    );
  });

  it('is due when something waits from before the period and no digest went out in it', () => {
    const start = new Date('2027-01-08T06:00:00Z');
    const before = new Date('2027-01-07T20:00:00Z');
    const after = new Date('2027-01-08T08:00:00Z');
    expect(digestDue({ oldestPendingAt: before, lastDigestAt: null }, start)).toBe(true);
    expect(digestDue({ oldestPendingAt: before, lastDigestAt: before }, start)).toBe(true);
    expect(digestDue({ oldestPendingAt: before, lastDigestAt: after }, start)).toBe(false);
    expect(digestDue({ oldestPendingAt: after, lastDigestAt: null }, start)).toBe(false);
    expect(digestDue({ oldestPendingAt: null, lastDigestAt: null }, start)).toBe(false);
  });
});

describe('the daily bound and digest grouping', () => {
  it('allows mail until the bound is reached', () => {
    expect(withinDailyBound(0, 20)).toBe(true);
    expect(withinDailyBound(19, 20)).toBe(true);
    expect(withinDailyBound(20, 20)).toBe(false);
  });

  it('groups entries under their headings in the order they first appear', () => {
    const groups = groupDigest([
      { heading: 'Nieuwe versies', id: 1 },
      { heading: 'Verzoeken om materiaal', id: 2 },
      { heading: 'Nieuwe versies', id: 3 },
    ]);
    expect(groups.map((group) => [group.heading, group.items.map((item) => item.id)])).toEqual([
      ['Nieuwe versies', [1, 3]],
      ['Verzoeken om materiaal', [2]],
    ]);
  });
});
