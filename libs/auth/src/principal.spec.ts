import { Principal, canEditPps, canReadDrafts } from './principal';

const make = (role: Principal['role'], ppsIds: string[] = []): Principal => ({
  userId: 'u',
  email: 'e',
  role,
  ppsIds,
  organisationId: null,
  via: 'jwt',
});

describe('object-level rules', () => {
  it('lets an editor edit only the PPS they belong to', () => {
    expect(canEditPps(make('pps-editor', ['a']), 'a')).toBe(true);
    expect(canEditPps(make('pps-editor', ['a']), 'b')).toBe(false);
  });

  it('gives admins every PPS and teachers or LLO offices none', () => {
    expect(canEditPps(make('admin'), 'b')).toBe(true);
    expect(canEditPps(make('teacher', ['a']), 'a')).toBe(false);
    expect(canEditPps(make('llo-office'), 'a')).toBe(false);
    expect(canEditPps(undefined, 'a')).toBe(false);
  });

  it('shows drafts to their editors, admins and LLO offices only', () => {
    expect(canReadDrafts(make('llo-office'), 'a')).toBe(true);
    expect(canReadDrafts(make('pps-editor', ['a']), 'a')).toBe(true);
    expect(canReadDrafts(make('pps-editor', ['b']), 'a')).toBe(false);
    expect(canReadDrafts(make('teacher'), 'a')).toBe(false);
    expect(canReadDrafts(undefined, 'a')).toBe(false);
  });
});
