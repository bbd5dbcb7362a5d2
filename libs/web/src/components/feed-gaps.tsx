import { fieldLabel } from '@bouwsteen/assets/pure';

/** Names in a Dutch enumeration: "a", "a en b", "a, b en c". */
function enumeration(words: string[]): string {
  return words.length < 2
    ? (words[0] ?? '')
    : `${words.slice(0, -1).join(', ')} en ${words[words.length - 1]}`;
}

/**
 * What keeps a block out of Edurep, in the field names the form uses: "mist trefwoorden".
 * `missing` is what the feed's rule (assets' completeness.ts) named: field paths.
 */
export function edurepGapText(missing: readonly string[]): string {
  return `mist ${enumeration(missing.map((path) => fieldLabel(path).toLowerCase()))}`;
}

/** The line under a block in "Mijn PPS": why Edurep does not get it. */
export function EdurepGap({ missing }: { missing?: readonly string[] }): JSX.Element {
  if (!missing?.length) return '';
  return (
    <span class="feed-gap" safe>
      {`Niet in Edurep: ${edurepGapText(missing)}`}
    </span>
  );
}
