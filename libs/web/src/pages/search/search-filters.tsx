import Html from '@kitajs/html';
import { formatNumber } from '../../format/format';
import { FACET_DEFINITIONS, FacetDefinition } from './search-facets';
import { SearchState } from './search-state';
import type { SearchView } from './search-view';

/** Options of a facet shown before "meer tonen". */
const VISIBLE_OPTIONS = 8;

/** How many filters the person chose (each value, the certificate and the hours range count once). */
export function chosenFilters(state: SearchState): number {
  return (
    Object.values(state.values).reduce((sum, values) => sum + values.length, 0) +
    (state.certifiable !== undefined ? 1 : 0) +
    (state.hoursMin !== undefined || state.hoursMax !== undefined ? 1 : 0)
  );
}

/**
 * The filters behind "Filters (n)": closed on a phone, so the results come first; a side column
 * on a wide screen (site.css shows the content there, site.js opens it). A native <details>, so
 * it opens without JavaScript and by keyboard. It ends with "Toon n resultaten", which applies
 * the filters without JavaScript and, with it, closes the panel (htmx already updated the list).
 * site.js keeps it open across htmx updates by the `<details id="filters"` it looks for.
 */
export function FiltersPanel(props: SearchView): JSX.Element {
  const { state, result } = props;
  const chosen = chosenFilters(state);
  const total = result.totalHits;
  return (
    <details id="filters" class="filters">
      <summary class="filters__toggle">
        {Html.escapeHtml(`Filters (${formatNumber(chosen)}`)}
        <span class="visually-hidden"> gekozen</span>)
      </summary>
      <div class="facets" role="group" aria-labelledby="filters-titel">
        <h2 class="utrecht-heading-2 filters__title" id="filters-titel">
          Filters
        </h2>
        {FACET_DEFINITIONS.filter((definition) => !(state.llo && definition.fixedByLlo)).map(
          (definition) => (
            <FacetGroup {...props} definition={definition} />
          ),
        )}
        {state.llo || (state.values.soort?.length === 1 && state.values.soort[0] === 'module') ? (
          <CertificateFacet state={state} counts={result.facets.certifiable ?? {}} />
        ) : (
          ''
        )}
        <HoursFacet state={state} />
        <button
          class="utrecht-button utrecht-button--primary-action filters__show"
          type="submit"
          data-close-filters=""
        >
          {Html.escapeHtml(
            `Toon ${formatNumber(total)} ${total === 1 ? 'resultaat' : 'resultaten'}`,
          )}
        </button>
      </div>
    </details>
  );
}

function FacetGroup(props: SearchView & { definition: FacetDefinition }): JSX.Element {
  const { definition, state, result } = props;
  const counts = result.facets[definition.facet] ?? {};
  const selected = state.values[definition.param] ?? [];
  const values = props
    .options(definition)
    .filter((value) => (counts[value] ?? 0) > 0 || selected.includes(value));
  if (values.length === 0) return '';
  const option = (value: string) => {
    const id = `f-${definition.param}-${value}`.replace(/[^a-zA-Z0-9_-]/g, '-');
    return (
      <li>
        <input
          class="utrecht-checkbox utrecht-checkbox--html-input"
          type="checkbox"
          id={id}
          name={definition.param}
          value={value}
          checked={selected.includes(value)}
        />
        <label for={id}>
          {Html.escapeHtml(props.label(definition, value))}{' '}
          <span class="facet__count" safe>{`(${formatNumber(counts[value] ?? 0)})`}</span>
        </label>
      </li>
    );
  };
  const visible = values.slice(0, VISIBLE_OPTIONS);
  const more = values.slice(VISIBLE_OPTIONS);
  const openMore = more.some((value) => selected.includes(value));
  return (
    <fieldset class="facet">
      <legend safe>{definition.legend}</legend>
      <ul>{visible.map(option)}</ul>
      {more.length ? (
        <details open={openMore}>
          <summary safe>{`Meer tonen (${more.length})`}</summary>
          <ul>{more.map(option)}</ul>
        </details>
      ) : (
        ''
      )}
    </fieldset>
  );
}

function CertificateFacet(props: {
  state: SearchState;
  counts: Record<string, number>;
}): JSX.Element {
  const { state, counts } = props;
  const choices: { value: string; label: string; checked: boolean; count?: number }[] = [
    { value: '', label: 'Maakt niet uit', checked: state.certifiable === undefined },
    { value: 'ja', label: 'Ja', checked: state.certifiable === true, count: counts.true ?? 0 },
    { value: 'nee', label: 'Nee', checked: state.certifiable === false, count: counts.false ?? 0 },
  ];
  return (
    <fieldset class="facet">
      <legend>Leidt tot een certificaat</legend>
      <ul>
        {choices.map((choice) => (
          <li>
            <input
              class="utrecht-radio-button utrecht-radio-button--html-input"
              type="radio"
              id={`f-certificaat-${choice.value || 'alle'}`}
              name="certificaat"
              value={choice.value}
              checked={choice.checked}
            />
            <label for={`f-certificaat-${choice.value || 'alle'}`}>
              {Html.escapeHtml(choice.label)}
              {choice.count !== undefined ? (
                <>
                  {' '}
                  <span class="facet__count" safe>{`(${formatNumber(choice.count)})`}</span>
                </>
              ) : (
                ''
              )}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

function HoursFacet(props: { state: SearchState }): JSX.Element {
  const { state } = props;
  const field = (id: string, name: string, label: string, value: number | undefined) => (
    <div>
      <label class="utrecht-form-label" for={id} safe>
        {label}
      </label>
      <input
        class="utrecht-textbox utrecht-textbox--html-input utrecht-textbox--numeric"
        type="number"
        inputmode="numeric"
        min="0"
        step="any"
        id={id}
        name={name}
        value={value === undefined ? '' : String(value)}
      />
    </div>
  );
  return (
    <fieldset class="facet">
      <legend>Studiebelasting in uren</legend>
      <div class="facet__range">
        {field('f-uren-min', 'uren-min', 'Van', state.hoursMin)}
        {field('f-uren-max', 'uren-max', 'Tot en met', state.hoursMax)}
      </div>
    </fieldset>
  );
}
