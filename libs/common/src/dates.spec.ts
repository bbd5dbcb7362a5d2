import { dutchToday, isCalendarDate } from './dates';

describe('isCalendarDate', () => {
  it.each(['2026-09-01', '2024-02-29', '1900-01-01', '2199-12-31'])('accepts %s', (text) => {
    expect(isCalendarDate(text)).toBe(true);
  });

  it.each([
    '2027-02-30',
    '2023-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-04-31',
    '2026-9-1',
    '26-09-01',
    '2026-09-01T00:00:00Z',
    '1899-12-31',
    '2200-01-01',
    '',
  ])('refuses %s', (text) => {
    expect(isCalendarDate(text)).toBe(false);
  });

  it('refuses what is not text', () => {
    expect(isCalendarDate(20260901)).toBe(false);
    expect(isCalendarDate(null)).toBe(false);
  });
});

describe('dutchToday', () => {
  it('is the date in Amsterdam, which is a day ahead of UTC just before midnight UTC', () => {
    expect(dutchToday(new Date('2026-11-28T23:30:00Z'))).toBe('2026-11-29');
    expect(dutchToday(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
    expect(dutchToday(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
  });
});
