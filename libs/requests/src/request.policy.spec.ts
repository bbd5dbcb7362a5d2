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
});
