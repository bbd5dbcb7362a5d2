import Html from '@kitajs/html';

/** A plain GET form to /zoeken: works without JavaScript, from any page. */
export function SearchBox(props: { id: string; label: string; value: string }): JSX.Element {
  return (
    <form class="site-search" method="get" action="/zoeken" role="search">
      <label class="utrecht-form-label site-search__label" for={props.id}>
        {Html.escapeHtml(props.label)}
      </label>
      <div class="site-search__row">
        <input
          class="utrecht-textbox utrecht-textbox--html-input site-search__input"
          type="search"
          id={props.id}
          name="q"
          value={props.value}
          maxlength="200"
          placeholder="Bijvoorbeeld: veilig werken met cobots"
        />
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          Zoeken
        </button>
      </div>
    </form>
  );
}
