import type { AssetDto } from './dto/asset.dto';

/**
 * A building block as schema.org JSON-LD, for `Accept: application/ld+json`. Assets asks this
 * port; the interoperability library implements it (it also embeds the same in the pages), so
 * assets depends on no mapping code.
 */
export const ASSET_LINKED_DATA = Symbol('ASSET_LINKED_DATA');

export interface AssetLinkedData {
  describe(asset: AssetDto): Promise<object>;
}

/** Whether the client asked for JSON-LD before plain JSON. */
export function prefersJsonLd(accept: string | undefined): boolean {
  if (!accept) return false;
  const ranked = accept
    .split(',')
    .map((part, index) => {
      const [type, ...parameters] = part.trim().toLowerCase().split(';');
      const q = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { type, q: q ? Number(q.slice(2)) || 0 : 1, index };
    })
    .filter((item) => item.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  const json = ranked.findIndex((item) => item.type === 'application/json');
  const jsonLd = ranked.findIndex((item) => item.type === 'application/ld+json');
  return jsonLd >= 0 && (json < 0 || jsonLd < json);
}
