import type { Option } from '../fields';
import { PLACES } from '../../places/places';

/** The towns the place picker knows, offered while a town is typed. */
export const PLACE_NAMES = PLACES.map((place) => place.name);

/** The countries a location is offered first in, by the codes the API stores. */
const COUNTRIES = ['NL', 'BE', 'DE', 'LU', 'FR', 'GB', 'DK'];

const NAMES = new Intl.DisplayNames(['nl'], { type: 'region', fallback: 'none' });

/** "Nederland" for NL; a code no country has is named as unknown, never shown bare. */
export function countryName(code: string): string {
  try {
    return NAMES.of(code.toUpperCase()) ?? 'Onbekend land';
  } catch {
    return 'Onbekend land';
  }
}

/** The country choice: the usual ones, and the one stored if it is another. */
export function countryOptions(current: string | undefined): Option[] {
  const codes = current && !COUNTRIES.includes(current) ? [...COUNTRIES, current] : COUNTRIES;
  return codes.map((code) => ({ value: code, label: countryName(code) }));
}

/**
 * Fields folded away under a summary (the coordinates under "Coördinaten zelf invullen"):
 * open when one of them holds a mistake, so the error summary's link lands on a visible field.
 */
export function Tucked(props: {
  summary: string;
  open: boolean;
  children: JSX.Element | JSX.Element[];
}): JSX.Element {
  // Children are markup the caller's components rendered and escaped: `safe` tells the XSS scan.
  const safeChildren = props.children;
  return (
    <details class="site-form__tucked" open={props.open}>
      <summary safe>{props.summary}</summary>
      <p class="utrecht-form-field-description">
        Alleen nodig als de plaats niet in de lijst staat, of als de plek preciezer moet.
      </p>
      {safeChildren}
    </details>
  );
}
