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

  it('lets anyone signed in report a review, except a member of the block’s own PPS', () => {
    expect(ReviewPolicy.mayReport(person('llo-office'), 'a')).toBe(true);
    expect(ReviewPolicy.mayReport(person('pps-editor', ['b']), 'a')).toBe(true);
    expect(ReviewPolicy.mayReport(person('admin'), 'a')).toBe(true);
    expect(ReviewPolicy.mayReport(undefined, 'a')).toBe(false);
    // The PPS that hides reported reviews does not report them: it could silence any review.
    expect(ReviewPolicy.reportRefusal(person('pps-editor', ['b', 'a']), 'a')).toBe(
      ReviewError.ReportOwnPps,
    );
    expect(ReviewPolicy.reportRefusal(person('teacher', ['a']), 'a')).toBe(
      ReviewError.ReportOwnPps,
    );
    expect(ReviewPolicy.reportRefusal(person('teacher', ['b']), 'a')).toBeUndefined();
  });

  it('lets a PPS hide a review only on a report by someone else, outside the PPS', () => {
    const lead = { ...person('pps-editor', ['a']), userId: 'lead' };
    const counts = (userId: string, ppsIds: string[], hider = lead) =>
      ReviewPolicy.reportCountsForHiding({ userId, ppsIds }, hider, 'a');
    expect(counts('reader', [])).toBe(true);
    expect(counts('other-pps', ['b'])).toBe(true);
    expect(counts('colleague', ['b', 'a'])).toBe(false);
    expect(counts('lead', [])).toBe(false);
    const admin = { ...person('admin'), userId: 'admin' };
    expect(counts('admin', [], admin)).toBe(false);
    expect(counts('reader', [], admin)).toBe(true);
  });
});
