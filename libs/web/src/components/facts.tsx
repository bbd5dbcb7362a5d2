import Html from '@kitajs/html';

/** One row of a definition list; rows without a value are left out. */
export interface Fact {
  term: string;
  value: string | string[] | null | undefined;
  /** Markup made by a component (escaped there) shown instead of the value, e.g. with links. */
  rich?: JSX.Element;
}

function isEmpty(value: Fact['value']): boolean {
  return (
    value === null ||
    value === undefined ||
    value === '' ||
    (Array.isArray(value) && value.length === 0)
  );
}

/** Facts as a definition list: labels on the left, values on the right (stacked on phones). */
export function Facts(props: { facts: Fact[]; label?: string }): JSX.Element {
  const facts = props.facts.filter((fact) => !isEmpty(fact.value));
  if (!facts.length) return '';
  return (
    <dl class="facts" aria-label={props.label}>
      {facts.map((fact) => (
        <>
          <dt safe>{fact.term}</dt>
          {fact.rich !== undefined ? (
            <RichValue safeValue={fact.rich} />
          ) : (
            <dd safe>{Array.isArray(fact.value) ? fact.value.join(', ') : fact.value}</dd>
          )}
        </>
      ))}
    </dl>
  );
}

/** Text typed by a person, as paragraphs (blank lines split them); always escaped. */
export function Paragraphs(props: { text: string | null | undefined }): JSX.Element {
  if (!props.text) return '';
  return (
    <>
      {props.text
        .split(/\n\s*\n/)
        .map((part) => part.trim())
        .filter(Boolean)
        .map((part) => (
          <p class="utrecht-paragraph site-lines">{Html.escapeHtml(part)}</p>
        ))}
    </>
  );
}

/** A list of texts, escaped; nothing when empty. */
export function TextList(props: {
  items: string[] | null | undefined;
  ordered?: boolean;
}): JSX.Element {
  const items = props.items ?? [];
  if (!items.length) return '';
  const safeItems = items.map((item) => <li>{Html.escapeHtml(item)}</li>);
  return props.ordered ? (
    <ol class="utrecht-ordered-list">{safeItems}</ol>
  ) : (
    <ul class="utrecht-unordered-list">{safeItems}</ul>
  );
}

/** Only http(s) links reach a page, whatever was stored. */
export function safeUrl(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** A value a component already rendered (and escaped): the `safe` prefix tells the XSS scan so. */
function RichValue({ safeValue }: { safeValue: JSX.Element }): JSX.Element {
  return <dd>{safeValue}</dd>;
}
