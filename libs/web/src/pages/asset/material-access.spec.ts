import type { LinkDto } from '@bouwsteen/assets';
import { materialGroups, whyAsk } from './material-access';

const link = (type: LinkDto['type'], url = `https://example.org/${type}`): LinkDto => ({
  title: `Titel ${type}`,
  url,
  type,
});

describe('how a teacher gets the material', () => {
  it('groups the links by route, downloads first, each with its type as the form names it', () => {
    const groups = materialGroups([
      link('website'),
      link('video'),
      link('document'),
      link('elearning'),
      link('repository'),
      link('other'),
    ]);
    expect(groups.map((group) => [group.route, group.links.map((l) => l.typeLabel)])).toEqual([
      ['download', ['Document', 'Opslagplaats']],
      ['elearning', ['Video', 'E-learning']],
      ['website', ['Website', 'Anders']],
    ]);
  });

  it('leaves out links that cannot be followed safely', () => {
    expect(materialGroups([link('document', 'javascript:alert(1)')])).toEqual([]);
    expect(materialGroups(undefined)).toEqual([]);
  });

  it('asks for a request when there is no link or the licence needs permission', () => {
    const open = materialGroups([link('document')]);
    expect(whyAsk(open, 'CC-BY-SA-4.0')).toBeUndefined();
    expect(whyAsk([], 'CC-BY-4.0')).toBe('no-link');
    expect(whyAsk(open, 'all-rights-reserved')).toBe('permission');
    expect(whyAsk(open, undefined)).toBe('permission');
  });
});
