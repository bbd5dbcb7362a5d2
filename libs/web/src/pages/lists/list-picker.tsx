import Html from '@kitajs/html';
import { LIST_NAME_MAX } from '@bouwsteen/lists/pure';
import { FormTokenField } from '../../forms/form-token';
import type { FieldErrors } from '../../forms/field-errors';
import { TextField } from '../../forms/fields';
import type { PageContext } from '../../http/page-context';

export interface ListChoice {
  id: string;
  name: string;
  holds: boolean;
}

/** The value of the list choice that makes a new list. */
export const NEW_LIST = 'nieuw';

/**
 * "Op mijn lijst zetten" on a block's page: one of the person's lists, or a new one by name.
 * A plain form (works without JavaScript); lists that hold the block already say so.
 */
export function ListPicker(props: {
  page: PageContext;
  assetId: string;
  lists: ListChoice[];
  errors?: FieldErrors;
  values?: { lijst?: string; naam?: string };
}): JSX.Element {
  const { lists } = props;
  const chosen = props.values?.lijst ?? lists.find((list) => !list.holds)?.id ?? NEW_LIST;
  return (
    <form
      method="post"
      action={`/bouwstenen/${props.assetId}/op-lijst`}
      class="list-picker site-form"
      aria-labelledby="op-lijst-titel"
      novalidate
    >
      <h3 class="utrecht-heading-3" id="op-lijst-titel">
        Op mijn lijst zetten
      </h3>
      <FormTokenField page={props.page} />
      {lists.length ? (
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for="veld-lijst">
            Lijst
          </label>
          <select class="utrecht-select utrecht-select--html-select" id="veld-lijst" name="lijst">
            {lists.map((list) => (
              <option value={list.id} selected={list.id === chosen}>
                {Html.escapeHtml(list.holds ? `${list.name} (staat er al op)` : list.name)}
              </option>
            ))}
            <option value={NEW_LIST} selected={chosen === NEW_LIST}>
              Nieuwe lijst (naam hieronder)
            </option>
          </select>
        </div>
      ) : (
        <input type="hidden" name="lijst" value={NEW_LIST} />
      )}
      <TextField
        path="naam"
        label={lists.length ? 'Naam van een nieuwe lijst' : 'Naam van uw eerste lijst'}
        value={props.values?.naam}
        errors={props.errors ?? emptyErrors}
        maxlength={LIST_NAME_MAX}
        plainLabel={!lists.length}
        required={!lists.length}
      />
      <button type="submit" class="utrecht-button utrecht-button--secondary-action">
        Op mijn lijst zetten
      </button>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/mijn-lijsten">
          Mijn lijsten
        </a>
      </p>
    </form>
  );
}

const emptyErrors = { at: () => [] } as unknown as FieldErrors;
