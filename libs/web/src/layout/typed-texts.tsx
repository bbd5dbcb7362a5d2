import Html from '@kitajs/html';

/** Fields a form carries for itself, and secrets: never shown back. */
const NOT_SHOWN = /^(_|revisie$|origineel$|concept$|soort$|pps$)|wachtwoord|password|token|geheim/i;
const MOST_TEXTS = 60;

/**
 * The texts a refused form post carried, in the order posted: what a person typed is given back
 * to copy even when the form itself cannot be taken (the session ended, the page was too old).
 */
export function typedTexts(body: unknown): string[] {
  const texts: string[] = [];
  const walk = (value: unknown, key: string): void => {
    if (texts.length >= MOST_TEXTS || NOT_SHOWN.test(key)) return;
    if (typeof value === 'string') {
      if (value.trim().length >= 2) texts.push(value);
    } else if (Array.isArray(value)) value.forEach((entry) => walk(entry, ''));
    else if (value !== null && typeof value === 'object')
      for (const [name, entry] of Object.entries(value)) walk(entry, name);
  };
  walk(body, '');
  return texts;
}

/** "Wat u had ingevuld": each text in a read-only box, to copy into the form when it works again. */
export function TypedTexts({ texts }: { texts: string[] }): JSX.Element {
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
      {texts.map((text, index) => (
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for={`ingevuld-${index}`}>
            {Html.escapeHtml(`Tekst ${index + 1}`)}
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
