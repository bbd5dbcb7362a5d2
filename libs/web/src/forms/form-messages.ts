import type { FieldError } from '@bouwsteen/common';
import { dutchMessage } from './dutch-messages';

type Values = Record<string, string | number>;

/**
 * The pages' own messages, by code: what went wrong and what to do, in Dutch. A field error that
 * carries a code is worded here; one without (the API validators' English) still goes through
 * dutchMessage until the validators raise codes too (issue 24, item 2).
 */
export const FORM_MESSAGES: Record<string, (values: Values) => string> = {
  'form-too-large': (v) =>
    `Deze tekst is te lang om in één keer te versturen: een formulier mag hoogstens ${v.limit} bevatten. Maak de tekst korter, of plak hem in delen, en verstuur opnieuw.`,
  'text-control': (v) =>
    `Deze tekst bevat ${Number(v.count) === 1 ? 'een teken' : 'tekens'} dat niet kan worden opgeslagen, hier zichtbaar gemaakt als ${v.chars}. Haal ${Number(v.count) === 1 ? 'het' : 'ze'} weg en verstuur opnieuw.`,
  'text-surrogate': () =>
    'Deze tekst bevat een half teken (bijvoorbeeld van een emoji) dat niet kan worden opgeslagen. Typ het laatste stuk opnieuw.',
  'reuse-exists': () =>
    'Uw PPS heeft hergebruik van deze versie al vastgelegd (ook in een ander venster). U ziet het bij de bouwsteen onder "Wie dit hergebruikt".',
  'own-asset': () =>
    'Deze bouwsteen is van deze PPS zelf. Hergebruik vastleggen kan alleen voor werk van een andere PPS: kies een andere PPS.',
  // A rule of the assets (completeness.ts): what publishing needs and the draft lacks.
  neededToPublish: () => 'Nodig om te publiceren: vul dit in, of bewaar het als concept.',
  'email-taken': () =>
    'Er is al een account met dit e-mailadres (hoofdletters tellen niet mee). Vul een ander e-mailadres in, of zoek het account in de lijst hierboven.',
};

/** One field error in Dutch: by its code when it has one, else by the validators' English. */
export function formMessage(error: FieldError): string {
  const say = error.code ? FORM_MESSAGES[error.code] : undefined;
  return say ? say(error.values ?? {}) : dutchMessage(error.message);
}
