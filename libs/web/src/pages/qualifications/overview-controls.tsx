import { formatNumber } from '../../format/format';

/**
 * The search box and the two tabs (all / the gaps) above the overviews of qualifications and of
 * keuzedelen: a GET form that keeps the other choices as hidden fields, and plain links, so it
 * works without JavaScript.
 */
export function OverviewControls(props: {
  action: string;
  /** The choices the form keeps while the words change (name → value). */
  hidden: Record<string, string>;
  inputId: string;
  label: string;
  placeholder: string;
  text: string;
  maxLength: number;
  tabsLabel: string;
  all: { href: string; count: number };
  gaps: { href: string; count: number; label: string };
  gapsOnly: boolean;
}): JSX.Element {
  return (
    <>
      <form method="get" action={props.action} class="site-search" role="search">
        {Object.entries(props.hidden).map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        <label class="utrecht-form-label site-search__label" for={props.inputId} safe>
          {props.label}
        </label>
        <div class="site-search__row">
          <input
            class="utrecht-textbox utrecht-textbox--html-input site-search__input"
            type="search"
            id={props.inputId}
            name="q"
            value={props.text}
            maxlength={String(props.maxLength)}
            placeholder={props.placeholder}
          />
          <button type="submit" class="utrecht-button utrecht-button--primary-action">
            Zoeken
          </button>
        </div>
      </form>
      <nav aria-label={props.tabsLabel}>
        <ul class="search-tabs">
          <li>
            <a href={props.all.href} aria-current={props.gapsOnly ? undefined : 'page'} safe>
              {`Alle (${formatNumber(props.all.count)})`}
            </a>
          </li>
          <li>
            <a href={props.gaps.href} aria-current={props.gapsOnly ? 'page' : undefined} safe>
              {`${props.gaps.label} (${formatNumber(props.gaps.count)})`}
            </a>
          </li>
        </ul>
      </nav>
    </>
  );
}
