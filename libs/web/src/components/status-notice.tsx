/** What just happened ("Opgeslagen", "Verwijderd"), announced politely; nothing when there is none. */
export function StatusNotice(props: { text?: string | null }): JSX.Element {
  if (!props.text) return '';
  return (
    <div class="utrecht-alert utrecht-alert--ok" role="status">
      <p class="utrecht-paragraph" safe>
        {props.text}
      </p>
    </div>
  );
}

/** What went wrong that belongs to no one field (a refused sign-in, a file that was not read). */
export function ProblemNotice(props: { text?: string | null }): JSX.Element {
  if (!props.text) return '';
  return (
    <div class="utrecht-alert utrecht-alert--error" role="alert">
      <p class="utrecht-paragraph" safe>
        {props.text}
      </p>
    </div>
  );
}
