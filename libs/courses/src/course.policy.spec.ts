import type { Principal } from '@bouwsteen/auth/pure';
import { CoursePolicy } from './course.policy';

const make = (role: Principal['role'], organisationId: string | null, userId = 'u'): Principal => ({
  userId,
  email: 'e',
  role,
  ppsIds: [],
  organisationId,
  via: 'jwt',
});

describe('CoursePolicy', () => {
  const ofOffice = { ownerOrganisationId: 'office', ownerUserId: 'someone' };
  const ofUser = { ownerOrganisationId: null, ownerUserId: 'u' };

  it('lets the owning LLO office manage a course, by organisation or else by user', () => {
    expect(CoursePolicy.canManage(make('llo-office', 'office', 'x'), ofOffice)).toBe(true);
    expect(CoursePolicy.canManage(make('llo-office', 'rival'), ofOffice)).toBe(false);
    expect(CoursePolicy.canManage(make('llo-office', null, 'u'), ofUser)).toBe(true);
    expect(CoursePolicy.canManage(make('llo-office', null, 'v'), ofUser)).toBe(false);
  });

  it('lets admins manage every course and nobody else any', () => {
    expect(CoursePolicy.canManage(make('admin', null, 'z'), ofOffice)).toBe(true);
    expect(CoursePolicy.canManage(make('pps-editor', 'office'), ofOffice)).toBe(false);
    expect(CoursePolicy.canManage(make('teacher', null, 'u'), ofUser)).toBe(false);
  });
});
