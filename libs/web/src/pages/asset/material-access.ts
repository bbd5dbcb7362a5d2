import { FIELD_TEXTS, isOpenLicense } from '@bouwsteen/assets/pure';
import type { LinkDto } from '@bouwsteen/assets';
import { safeUrl } from '../../components/facts';

/** How a teacher gets at material: files to download, something to learn online, a website. */
export type MaterialRoute = 'download' | 'elearning' | 'website';

/** Each link type of the field catalogue (LINK_TYPES), by the way it gives the material. */
const ROUTE_OF: Record<string, MaterialRoute> = {
  document: 'download',
  repository: 'download',
  elearning: 'elearning',
  video: 'elearning',
  website: 'website',
  other: 'website',
};

const ROUTES: { route: MaterialRoute; heading: string }[] = [
  { route: 'download', heading: 'Downloaden' },
  { route: 'elearning', heading: 'Online leren (e-learning en video)' },
  { route: 'website', heading: 'Op een website' },
];

export interface MaterialLink {
  title: string;
  url: string;
  /** The link's type as the building-block form names it ("Document", "Opslagplaats"). */
  typeLabel: string;
  /** Its position among the block's links (the counted redirect's `…/naar/:n`). */
  index: number;
}

export interface MaterialGroup {
  route: MaterialRoute;
  heading: string;
  links: MaterialLink[];
}

/** The block's links that can be followed, grouped by route, in a fixed order; empty groups left out. */
export function materialGroups(links: readonly LinkDto[] | undefined): MaterialGroup[] {
  const typeLabels = FIELD_TEXTS['links.type']?.options ?? {};
  const usable = (links ?? []).flatMap((link, index) => {
    const url = safeUrl(link.url);
    return url ? [{ ...link, url, index }] : [];
  });
  return ROUTES.flatMap(({ route, heading }) => {
    const inGroup = usable.filter((link) => (ROUTE_OF[link.type] ?? 'website') === route);
    return inGroup.length
      ? [
          {
            route,
            heading,
            links: inGroup.map((link) => ({
              title: link.title,
              url: link.url,
              typeLabel: typeLabels[link.type] ?? 'Link',
              index: link.index,
            })),
          },
        ]
      : [];
  });
}

/**
 * Why the material must be asked for, or undefined when anyone may take it as it is: it has a
 * link to follow and an open (Creative Commons) licence.
 */
export function whyAsk(
  groups: readonly MaterialGroup[],
  license: string | null | undefined,
): 'no-link' | 'permission' | undefined {
  if (!license || !isOpenLicense(license)) return 'permission';
  if (groups.length === 0) return 'no-link';
  return undefined;
}
