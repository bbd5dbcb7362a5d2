import type { Principal } from '@bouwsteen/auth/pure';
import { AssetPolicy } from './asset.policy';

const make = (role: Principal['role'], ppsIds: string[] = []): Principal => ({
  userId: 'u',
  email: 'e',
  role,
  ppsIds,
  organisationId: null,
  via: 'jwt',
});

describe('AssetPolicy', () => {
  it('shows drafts to their editors, admins and LLO offices only', () => {
    expect(AssetPolicy.canReadDrafts(make('llo-office'), 'a')).toBe(true);
    expect(AssetPolicy.canReadDrafts(make('admin'), 'a')).toBe(true);
    expect(AssetPolicy.canReadDrafts(make('pps-editor', ['a']), 'a')).toBe(true);
    expect(AssetPolicy.canReadDrafts(make('pps-editor', ['b']), 'a')).toBe(false);
    expect(AssetPolicy.canReadDrafts(make('teacher'), 'a')).toBe(false);
    expect(AssetPolicy.canReadDrafts(undefined, 'a')).toBe(false);
  });

  it('lets everyone read what was published or archived', () => {
    for (const status of ['published', 'archived'])
      expect(AssetPolicy.canRead(undefined, { status, ppsId: 'a' })).toBe(true);
    expect(AssetPolicy.canRead(undefined, { status: 'draft', ppsId: 'a' })).toBe(false);
  });

  it('gives the same answer as a scope for queries', () => {
    const cases: [Principal | undefined, string][] = [
      [undefined, 'a'],
      [make('teacher'), 'a'],
      [make('pps-editor', ['a']), 'a'],
      [make('pps-editor', ['a']), 'b'],
      [make('llo-office'), 'b'],
      [make('admin'), 'b'],
    ];
    for (const [principal, ppsId] of cases) {
      const scope = AssetPolicy.readerScope(principal);
      expect(scope.allDrafts || scope.ppsIds.includes(ppsId)).toBe(
        AssetPolicy.canReadDrafts(principal, ppsId),
      );
    }
  });

  it('lets only the PPS editors and admins edit', () => {
    expect(AssetPolicy.canEdit(make('pps-editor', ['a']), 'a')).toBe(true);
    expect(AssetPolicy.canEdit(make('llo-office'), 'a')).toBe(false);
    expect(AssetPolicy.canEdit(make('admin'), 'a')).toBe(true);
  });
});
