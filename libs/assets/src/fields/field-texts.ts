import { KIND_LABELS } from '@bouwsteen/taxonomy/pure';
import { ASSET_KINDS } from '../asset-codes';
import { KIND_TEXTS } from './kind-texts';
import { FieldText, FieldTexts, placed } from './record-texts';

/**
 * The fields every kind shares, by API path: the one place their Dutch names and help are
 * written (see FieldText). A kind's own fields are in kind-texts.ts.
 */
const SHARED_TEXTS: FieldTexts = {
  kind: {
    label: 'Soort',
    options: Object.fromEntries(ASSET_KINDS.map((kind) => [kind, KIND_LABELS[kind].one])),
  },
  ppsId: { label: 'PPS', help: 'De PPS die de bouwsteen deelt.' },
  title: { label: 'Titel', help: 'Zoals een docent hem zou zoeken: wat leer of doe je ermee?' },
  summary: { label: 'Samenvatting', help: 'Twee of drie zinnen: voor wie, wat, hoe lang.' },
  description: { label: 'Beschrijving' },
  keywords: { label: 'Trefwoorden', help: 'Woorden waarop een docent zoekt.' },
  language: { label: 'Taal', vocabulary: 'languages', help: 'Leeg is Nederlands.' },
  levels: { label: 'Niveau', vocabulary: 'educationLevels' },
  sectors: { label: 'Sector', vocabulary: 'sectors' },
  themes: { label: 'Provinciaal thema', vocabulary: 'provincialThemes' },
  challenges: { label: 'Maatschappelijke opgave', vocabulary: 'societalChallenges' },
  license: {
    label: 'Licentie',
    vocabulary: 'licenses',
    help: 'Onder welke voorwaarden mogen anderen dit hergebruiken? CC BY en CC BY-SA laten het meeste toe.',
  },
  ...placed(
    'contacts',
    { label: 'Contact', entry: 'Contact', help: 'Een rol en een teamadres, geen privégegevens.' },
    {
      role: { label: 'Rol' },
      name: { label: 'Naam (team)' },
      email: { label: 'E-mailadres' },
      phone: { label: 'Telefoon' },
      organisationId: { label: 'Organisatie' },
    },
  ),
  ...placed(
    'links',
    { label: 'Links naar het materiaal', entry: 'Link' },
    {
      title: { label: 'Titel van de link' },
      url: { label: 'Webadres' },
      type: {
        label: 'Soort',
        options: {
          website: 'Website',
          document: 'Document',
          video: 'Video',
          elearning: 'E-learning',
          repository: 'Opslagplaats',
          other: 'Anders',
        },
      },
    },
  ),
};

/** Every field of a building block by its API path (list entries without their index). */
export const FIELD_TEXTS: FieldTexts = { ...SHARED_TEXTS, ...KIND_TEXTS };

/** A path without list indices: `contacts.0.role` → `contacts.role`. */
export function withoutIndices(path: string): string {
  return path
    .split('.')
    .filter((key) => !/^\d+$/.test(key))
    .join('.');
}

/** The text of a field by its path (indices allowed), if the catalogue has it. */
export function fieldText(path: string, texts: FieldTexts = FIELD_TEXTS): FieldText | undefined {
  return texts[withoutIndices(path)];
}

/**
 * A field's name where it stands alone (an error summary, a spreadsheet header, a list of
 * changes): its groups' names before its own ("Periode — Begindatum"), an entry of a list by
 * its number ("Leeruitkomst 2 — ESCO-vaardigheid (adres)"). A kind's section is left out
 * before its fields, which always belong to it. "" when the catalogue knows no part of it.
 */
export function fieldLabel(path: string, texts: FieldTexts = FIELD_TEXTS): string {
  const keys = path.split('.');
  const words: string[] = [];
  let at = '';
  for (const [index, key] of keys.entries()) {
    if (/^\d+$/.test(key)) {
      const list = texts[at];
      // An entry of a list of records is named by its number; a value of a list, by the list.
      if (list?.entry && words.length > 0)
        words[words.length - 1] = `${list.entry} ${Number(key) + 1}`;
      continue;
    }
    at = at ? `${at}.${key}` : key;
    const text = texts[at];
    if (!text) break;
    const section = (ASSET_KINDS as readonly string[]).includes(at);
    if (section && index < keys.length - 1) continue;
    words.push(text.label);
  }
  return words.join(' — ');
}
