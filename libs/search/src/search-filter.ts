/**
 * Builds Meilisearch filter expressions from validated values. Every string is quoted and
 * escaped here, so no user input ever becomes filter syntax, whatever it contains.
 */
export function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function anyOf(attribute: string, values: readonly string[]): string {
  return `${attribute} IN [${values.map(quote).join(', ')}]`;
}

export function atLeast(attribute: string, value: number): string {
  return `${attribute} >= ${finite(value)}`;
}

export function atMost(attribute: string, value: number): string {
  return `${attribute} <= ${finite(value)}`;
}

export function isTrue(attribute: string, value: boolean): string {
  return `${attribute} = ${value ? 'true' : 'false'}`;
}

export function withinRadius(lat: number, lng: number, meters: number): string {
  return `_geoRadius(${finite(lat)}, ${finite(lng)}, ${Math.round(finite(meters))})`;
}

/** Documents that have a place at all (only they can be drawn on a map). */
export function hasLocation(): string {
  return '_geoBoundingBox([90, 180], [-90, -180])';
}

function finite(value: number): number {
  if (!Number.isFinite(value)) throw new Error(`Not a finite number: ${value}`);
  return value;
}

export const MARK_OPEN = '\u0001';
export const MARK_CLOSE = '\u0002';
export const HIGHLIGHT_TAGS = { highlightPreTag: MARK_OPEN, highlightPostTag: MARK_CLOSE };

/** Escapes stored text for HTML, then turns Meilisearch's markers into <mark> elements. */
export function safeHighlight(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replaceAll(MARK_OPEN, '<mark>')
    .replaceAll(MARK_CLOSE, '</mark>');
}

export function withoutMarks(text: string): string {
  return text.replaceAll(MARK_OPEN, '').replaceAll(MARK_CLOSE, '');
}
