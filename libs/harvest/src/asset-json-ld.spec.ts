import { courseModes, isoHours } from './asset-json-ld';

describe('schema.org values', () => {
  it('writes hours as ISO 8601 durations', () => {
    expect(isoHours(8)).toBe('PT8H');
    expect(isoHours(1.5)).toBe('PT1H30M');
    expect(isoHours(0.25)).toBe('PT15M');
    expect(isoHours(0)).toBe('PT0H');
  });

  it('maps delivery modes to course modes once each', () => {
    expect(courseModes(['on-site', 'workplace', 'online', 'hybrid'])).toEqual([
      'onsite',
      'online',
      'blended',
    ]);
  });
});
