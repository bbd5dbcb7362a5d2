import Html from '@kitajs/html';
import { ASSET_FIELDS } from '@bouwsteen/assets';

/** Fields a form carries for itself, and secrets: never shown back. */
const NOT_SHOWN = /^(_|revisie$|origineel$|concept$|soort$|pps$)|wachtwoord|password|token|geheim/i;
const MOST_TEXTS = 60;

/** Names of the other forms' own fields (the building-block form's come from its catalogue). */
const OTHER_LABELS: Record<string, string> = {
  goals: 'Doelen',
  audience: 'Doelgroep',
  employerName: 'Naam van de werkgever',
  extrasDescription: 'Extra’s',
  context: 'Waar gebruikt u het',
  email: 'E-mailadres',
  name: 'Naam',
};

export interface TypedText {
  /** The field's name as the form showed it, when known. */
  label?: string;
  text: string;
}

/**
 * The texts a refused form post carried, in the order posted: what a person typed is given back
 * to copy even when the form itself cannot be taken (the session ended, the page was too old),
 * each under its field's name. Choices from a list (a language, a licence) are not texts typed.
 */
export function typedTexts(body: unknown): TypedText[] {
  const texts: TypedText[] = [];
  const walk = (value: unknown, path: string, key: string): void => {
    if (texts.length >= MOST_TEXTS || NOT_SHOWN.test(key)) return;
    const field = path ? ASSET_FIELDS.get(path) : undefined;
    if (field?.vocabulary || field?.options) return;
    if (typeof value === 'string') {
      const label = field ? ASSET_FIELDS.label(path) : OTHER_LABELS[path];
      if (value.trim().length >= 2) texts.push({ label: label || undefined, text: value });
    } else if (Array.isArray(value))
      value.forEach((entry, index) => walk(entry, path ? `${path}.${index}` : '', ''));
    else if (value !== null && typeof value === 'object')
      for (const [name, entry] of Object.entries(value))
        walk(entry, path ? `${path}.${name}` : name, name);
  };
  walk(body, '', '');
  return texts;
}

/** "Wat u had ingevuld": each text in a read-only box, to copy into the form when it works again. */
export function TypedTexts({ texts }: { texts: TypedText[] }): JSX.Element {
  if (texts.length === 0) return '';
  return (
    <section aria-labelledby="ingevuld-titel">
      <h2 class="utrecht-heading-2" id="ingevuld-titel">
        Wat u had ingevuld
      </h2>
      <p class="utrecht-paragraph">
        Er is niets opgeslagen. Kopieer wat u wilt houden, meld u zo nodig opnieuw aan, open het
        formulier opnieuw en plak het terug.
      </p>
      {texts.map(({ label, text }, index) => (
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for={`ingevuld-${index}`}>
            {Html.escapeHtml(label ?? `Tekst ${index + 1}`)}
          </label>
          <textarea
            class="utrecht-textarea utrecht-textarea--html-textarea"
            id={`ingevuld-${index}`}
            rows={String(Math.min(8, Math.max(2, text.split('\n').length)))}
            readonly
            safe
          >
            {text}
          </textarea>
        </div>
      ))}
    </section>
  );
}
