import Html from '@kitajs/html';

/** Page numbers to show: the first, the last, and two either side of the current one. */
export function pageWindow(current: number, total: number): (number | 'gap')[] {
  const pages = new Set([1, total]);
  for (let page = current - 2; page <= current + 2; page++)
    if (page >= 1 && page <= total) pages.add(page);
  const sorted = [...pages].filter((page) => page >= 1).sort((a, b) => a - b);
  const result: (number | 'gap')[] = [];
  sorted.forEach((page, index) => {
    if (index > 0 && page - sorted[index - 1] > 1) result.push('gap');
    result.push(page);
  });
  return result;
}

/** Links to pages of a list; plain links, so paging works without JavaScript. */
export function Pagination(props: {
  current: number;
  total: number;
  href: (page: number) => string;
  label?: string;
  /** Extra attributes for htmx (the search page swaps only its results). */
  attributes?: Record<string, string>;
}): JSX.Element {
  const { current, total, href } = props;
  if (total <= 1) return '';
  return (
    <nav
      class="utrecht-pagination"
      aria-label={props.label ?? 'Paginering'}
      {...(props.attributes ?? {})}
    >
      <ul class="pagination-list">
        {current > 1 ? (
          <li>
            <a
              class="utrecht-pagination__relative-link utrecht-pagination__relative-link--prev"
              rel="prev"
              href={href(current - 1)}
            >
              Vorige<span class="visually-hidden"> pagina</span>
            </a>
          </li>
        ) : (
          ''
        )}
        {pageWindow(current, total).map((page) =>
          page === 'gap' ? (
            <li aria-hidden="true">…</li>
          ) : page === current ? (
            <li>
              <a
                class="utrecht-pagination__page-link utrecht-pagination__page-link--current"
                href={href(page)}
                aria-current="page"
                aria-label={`Pagina ${page}`}
              >
                {Html.escapeHtml(String(page))}
              </a>
            </li>
          ) : (
            <li>
              <a
                class="utrecht-pagination__page-link"
                href={href(page)}
                aria-label={`Pagina ${page}`}
              >
                {Html.escapeHtml(String(page))}
              </a>
            </li>
          ),
        )}
        {current < total ? (
          <li>
            <a
              class="utrecht-pagination__relative-link utrecht-pagination__relative-link--next"
              rel="next"
              href={href(current + 1)}
            >
              Volgende<span class="visually-hidden"> pagina</span>
            </a>
          </li>
        ) : (
          ''
        )}
      </ul>
    </nav>
  );
}
