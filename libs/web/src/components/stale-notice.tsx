import Html from '@kitajs/html';

/** Someone else saved first: the page shows the newest state; say so where the person looks. */
export function StaleNotice({ what, show }: { what: string; show?: boolean }): JSX.Element {
  if (!show) return '';
  return (
    <div class="utrecht-alert utrecht-alert--warning" role="alert">
      <p class="utrecht-paragraph">
        {Html.escapeHtml(
          `Iemand anders heeft ${what} intussen gewijzigd. Hieronder staat de nieuwste stand; controleer die en probeer het opnieuw.`,
        )}
      </p>
    </div>
  );
}
