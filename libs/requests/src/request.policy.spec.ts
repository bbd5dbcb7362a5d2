import type { Principal } from '@bouwsteen/auth/pure';
import { RequestPolicy } from './request.policy';

const person = (role: Principal['role'], ppsIds: string[] = []): Principal => ({
  userId: 'u',
  email: 'x@example.org',
  role,
  ppsIds,
  organisationId: null,
  via: 'jwt',
});

describe('who reads requests for material', () => {
  it("lets the owning PPS's editors and admins read them", () => {
    expect(RequestPolicy.mayRead(person('pps-editor', ['a']), 'a')).toBe(true);
    expect(RequestPolicy.mayRead(person('admin'), 'a')).toBe(true);
  });

  it("refuses another PPS's editor, teachers, LLO offices and anonymous visitors", () => {
    expect(RequestPolicy.mayRead(person('pps-editor', ['b']), 'a')).toBe(false);
    expect(RequestPolicy.mayRead(person('teacher', ['a']), 'a')).toBe(false);
    expect(RequestPolicy.mayRead(person('llo-office'), 'a')).toBe(false);
    expect(RequestPolicy.mayRead(undefined, 'a')).toBe(false);
  });

  it('says a PPS can receive requests only when an active member may read them', () => {
    expect(RequestPolicy.someoneReads(['pps-editor'], 'a')).toBe(true);
    expect(RequestPolicy.someoneReads(['teacher', 'pps-editor'], 'a')).toBe(true);
    expect(RequestPolicy.someoneReads([], 'a')).toBe(false);
    expect(RequestPolicy.someoneReads(['teacher', 'llo-office'], 'a')).toBe(false);
  });
});
