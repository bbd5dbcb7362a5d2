import type { Principal } from '@bouwsteen/auth/pure';
import { ReviewError } from './review.errors';
import { ReviewPolicy } from './review.policy';

const person = (role: Principal['role'], ppsIds: string[] = []): Principal => ({
  userId: 'u',
  email: 'x@example.org',
  role,
  ppsIds,
  organisationId: null,
  via: 'session',
});

describe('who writes reviews', () => {
  it('lets teachers and editors of another PPS review', () => {
    expect(ReviewPolicy.mayWrite(person('teacher'), 'a')).toBe(true);
    expect(ReviewPolicy.mayWrite(person('teacher', ['a']), 'a')).toBe(true);
    expect(ReviewPolicy.mayWrite(person('pps-editor', ['b']), 'a')).toBe(true);
  });

  it('refuses LLO offices, admins and anonymous visitors by role', () => {
    expect(ReviewPolicy.refusal(person('llo-office'), 'a')).toBe(ReviewError.RoleNotAllowed);
    expect(ReviewPolicy.refusal(person('admin'), 'a')).toBe(ReviewError.RoleNotAllowed);
    expect(ReviewPolicy.refusal(undefined, 'a')).toBe(ReviewError.RoleNotAllowed);
  });

  it("refuses an editor of the block's own PPS", () => {
    expect(ReviewPolicy.refusal(person('pps-editor', ['b', 'a']), 'a')).toBe(ReviewError.OwnPps);
  });
});

describe('who answers and moderates reviews', () => {
  it("is the owning PPS's editors and admins", () => {
    expect(ReviewPolicy.mayAnswer(person('pps-editor', ['a']), 'a')).toBe(true);
    expect(ReviewPolicy.mayAnswer(person('admin'), 'a')).toBe(true);
    expect(ReviewPolicy.mayAnswer(person('pps-editor', ['b']), 'a')).toBe(false);
    expect(ReviewPolicy.mayAnswer(person('teacher', ['a']), 'a')).toBe(false);
    expect(ReviewPolicy.mayAnswer(undefined, 'a')).toBe(false);
  });

  it('lets anyone signed in report a review', () => {
    expect(ReviewPolicy.mayReport(person('llo-office'))).toBe(true);
    expect(ReviewPolicy.mayReport(undefined)).toBe(false);
  });
});
