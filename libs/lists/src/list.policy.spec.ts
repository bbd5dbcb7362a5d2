import type { Principal } from '@bouwsteen/auth/pure';
import { ListPolicy } from './list.policy';

const person = (userId: string, role: Principal['role'] = 'teacher'): Principal => ({
  userId,
  email: `${userId}@example.org`,
  role,
  ppsIds: [],
  organisationId: null,
  via: 'jwt',
});

describe('who reads and changes a list', () => {
  const list = { ownerUserId: 'anna', visibility: 'private' as const };

  it('lets its owner read and change it', () => {
    expect(ListPolicy.mayRead(person('anna'), list)).toBe(true);
    expect(ListPolicy.mayEdit(person('anna'), list)).toBe(true);
  });

  it('refuses everyone else by id, admins and a public list included', () => {
    expect(ListPolicy.mayRead(person('bram'), list)).toBe(false);
    expect(ListPolicy.mayRead(person('root', 'admin'), list)).toBe(false);
    expect(ListPolicy.mayRead(undefined, list)).toBe(false);
    expect(ListPolicy.mayRead(person('bram'), { ...list, visibility: 'public' })).toBe(false);
    expect(ListPolicy.mayEdit(person('bram'), list)).toBe(false);
  });

  it('shows only a public list on the organisation page', () => {
    expect(ListPolicy.isPublic(list)).toBe(false);
    expect(ListPolicy.isPublic({ ...list, visibility: 'public' })).toBe(true);
  });

  it('lets only an account with an organisation make a list public (its page shows it)', () => {
    expect(ListPolicy.mayMakePublic(person('anna'))).toBe(false);
    expect(ListPolicy.mayMakePublic({ ...person('anna'), organisationId: 'nova' })).toBe(true);
  });

  it('lets any signed-in person keep lists, and only LLO offices and admins start a course', () => {
    expect(ListPolicy.mayKeep(person('anna'))).toBe(true);
    expect(ListPolicy.mayKeep(undefined)).toBe(false);
    expect(ListPolicy.mayStartCourse(person('anna'))).toBe(false);
    expect(ListPolicy.mayStartCourse(person('lia', 'llo-office'))).toBe(true);
    expect(ListPolicy.mayStartCourse(person('root', 'admin'))).toBe(true);
    expect(ListPolicy.mayStartCourse(person('pim', 'pps-editor'))).toBe(false);
  });
});
