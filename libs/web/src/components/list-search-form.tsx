import { KIND_LABELS, KIND_ORDER } from '@bouwsteen/taxonomy/pure';
import { FieldErrors } from '../forms/field-errors';
import { SelectField, TextField } from '../forms/fields';
import { MAX_SEARCH_LENGTH, type ListSearch } from './list-search';

/**
 * A GET form that narrows a list of blocks: words in the title, the kind (when the list has
 * several), the order. Plain GET, so it works without JavaScript and the address keeps it.
 */
export function ListSearchForm(props: {
  action: string;
  search: ListSearch;
  /** Fields the list needs to stay the same list (the PPS, the status tab). */
  keep: Record<string, string>;
  label: string;
  withKind?: boolean;
}): JSX.Element {
  const none = new FieldErrors();
  return (
    <form method="get" action={props.action} class="site-form site-form__row list-search">
      {Object.entries(props.keep).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <TextField
        path="zoek"
        label={props.label}
        type="search"
        value={props.search.words}
        maxlength={MAX_SEARCH_LENGTH}
        errors={none}
        plainLabel
      />
      {props.withKind ? (
        <SelectField
          path="soort"
          label="Soort"
          options={KIND_ORDER.map((kind) => ({ value: kind, label: KIND_LABELS[kind].one }))}
          value={props.search.kind}
          empty="Alle soorten"
          errors={none}
          plainLabel
        />
      ) : (
        ''
      )}
      <SelectField
        path="sorteer"
        label="Volgorde"
        options={[
          { value: 'titel', label: 'Op titel (A–Z)' },
          { value: 'gewijzigd', label: 'Laatst gewijzigd eerst' },
        ]}
        value={props.search.sort}
        errors={none}
        plainLabel
      />
      <button type="submit" class="utrecht-button utrecht-button--secondary-action">
        Toon
      </button>
    </form>
  );
}
