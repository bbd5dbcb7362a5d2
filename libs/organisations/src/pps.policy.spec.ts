import type { Principal } from '@bouwsteen/auth/pure';
import { PpsPolicy } from './pps.policy';

const make = (role: Principal['role'], ppsIds: string[] = []): Principal => ({
  userId: 'u',
  email: 'e',
  role,
  ppsIds,
  organisationId: null,
  via: 'jwt',
});

describe('PpsPolicy', () => {
  it('lets an editor edit only the PPS they belong to', () => {
    expect(PpsPolicy.canEdit(make('pps-editor', ['a']), 'a')).toBe(true);
    expect(PpsPolicy.canEdit(make('pps-editor', ['a']), 'b')).toBe(false);
  });

  it('gives admins every PPS and teachers or LLO offices none', () => {
    expect(PpsPolicy.canEdit(make('admin'), 'b')).toBe(true);
    expect(PpsPolicy.canEdit(make('teacher', ['a']), 'a')).toBe(false);
    expect(PpsPolicy.canEdit(make('llo-office'), 'a')).toBe(false);
    expect(PpsPolicy.canEdit(undefined, 'a')).toBe(false);
  });

  it('keeps name and lead institution for admins', () => {
    expect(
      PpsPolicy.adminOnlyChanges(make('pps-editor', ['a']), { name: 'X', focus: 'y' }),
    ).toEqual(['name']);
    expect(PpsPolicy.adminOnlyChanges(make('admin'), { name: 'X' })).toEqual([]);
  });
});
