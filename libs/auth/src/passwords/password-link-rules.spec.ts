import { linkExpiry, linkVerdict } from './password-link-rules';

const lifetimes = { invitationLinkHours: 72, resetLinkHours: 2 };
const now = new Date('2026-11-28T10:00:00Z');

describe('invitation and reset links', () => {
  it('lets an invitation work for days and a reset for hours, as configured', () => {
    expect(linkExpiry('invitation', now, lifetimes).toISOString()).toBe('2026-12-01T10:00:00.000Z');
    expect(linkExpiry('reset', now, lifetimes).toISOString()).toBe('2026-11-28T12:00:00.000Z');
    expect(linkExpiry('reset', now, { ...lifetimes, resetLinkHours: 1 }).toISOString()).toBe(
      '2026-11-28T11:00:00.000Z',
    );
  });

  it('is live until the moment it expires, and expired from that moment on', () => {
    const link = { expiresAt: linkExpiry('reset', now, lifetimes), usedAt: null, replacedAt: null };
    expect(linkVerdict(link, now)).toBe('live');
    expect(linkVerdict(link, new Date(link.expiresAt.getTime() - 1))).toBe('live');
    expect(linkVerdict(link, link.expiresAt)).toBe('expired');
    expect(linkVerdict(link, new Date('2027-01-01T00:00:00Z'))).toBe('expired');
  });

  it('says a used link was used and a replaced one was replaced, also after its expiry', () => {
    const expiresAt = linkExpiry('invitation', now, lifetimes);
    const later = new Date(expiresAt.getTime() + 1);
    expect(linkVerdict({ expiresAt, usedAt: now, replacedAt: null }, now)).toBe('used');
    expect(linkVerdict({ expiresAt, usedAt: now, replacedAt: null }, later)).toBe('used');
    expect(linkVerdict({ expiresAt, usedAt: null, replacedAt: now }, later)).toBe('replaced');
  });
});
