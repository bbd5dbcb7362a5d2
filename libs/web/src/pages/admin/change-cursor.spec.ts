import { decodeAuditPosition, decodeBlockPosition, encodeBlockPosition } from './change-cursor';

describe('change log positions', () => {
  const position = {
    at: '2026-12-06T13:40:00.123456Z',
    assetId: '0b6f7c2e-1d2a-4c3b-9e8f-123456789abc',
    number: 3,
    what: 'published' as const,
  };

  it('round-trips a block position, microseconds and all', () => {
    expect(decodeBlockPosition(encodeBlockPosition(position))).toEqual(position);
  });

  it.each([
    ['not a token', 'x'],
    ['milliseconds only', encodeBlockPosition({ ...position, at: '2026-12-06T13:40:00.123Z' })],
    ['an impossible date', encodeBlockPosition({ ...position, at: '2026-02-30T13:40:00.123456Z' })],
    ['no uuid', encodeBlockPosition({ ...position, assetId: "1' OR 1=1" })],
    ['version 0', encodeBlockPosition({ ...position, number: 0 })],
    [
      'an unknown kind',
      Buffer.from(`${position.at}|${position.assetId}|3|deleted`).toString('base64url'),
    ],
    [
      'an extra part',
      Buffer.from(`${position.at}|${position.assetId}|3|edited|x`).toString('base64url'),
    ],
    ['a list', ['a', 'b']],
  ])('starts from the newest for %s', (_label, token) => {
    expect(decodeBlockPosition(token)).toBeUndefined();
  });

  it('takes an audit id only as a positive integer', () => {
    expect(decodeAuditPosition('42')).toBe('42');
    for (const token of ['0', '-1', '1e3', '42; DROP', '9'.repeat(19), undefined])
      expect(decodeAuditPosition(token)).toBeUndefined();
  });
});
