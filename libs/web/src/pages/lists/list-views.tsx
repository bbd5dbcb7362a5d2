import Html from '@kitajs/html';
import type { ListDto, ListItemDto } from '@bouwsteen/lists';
import { KIND_LABELS } from '@bouwsteen/taxonomy/pure';
import { assetPath } from '../../components/asset-card';
import { FormTokenField } from '../../forms/form-token';
import { count, formatDate } from '../../format/format';
import type { PageContext } from '../../http/page-context';

/** The page of one of a person's lists. */
export function listPath(id: string, notice?: string): string {
  return `/mijn-lijsten/${id}${notice ? `?melding=${notice}` : ''}`;
}

/** Who sees a list, as its owner reads it. */
export const VISIBILITY_LABELS: Record<ListDto['visibility'], string> = {
  private: 'Alleen ik (en wie de deellink heeft)',
  public: 'Iedereen, op de pagina van mijn organisatie',
};

function kindLabel(kind: string): string {
  return (KIND_LABELS as Record<string, { one: string } | undefined>)[kind]?.one ?? kind;
}

/** An item's block: its title as a link, or marked as no longer available (archived). */
function ItemTitle({ item }: { item: ListItemDto }): JSX.Element {
  return (
    <>
      <a class="utrecht-link" href={assetPath(item.assetId)} safe>
        {item.title}
      </a>
      {item.available ? (
        ''
      ) : (
        <>
          {' '}
          <strong class="list-item__gone">(niet meer beschikbaar: gearchiveerd)</strong>
        </>
      )}
    </>
  );
}

function ItemFacts({ item }: { item: ListItemDto }): JSX.Element {
  return (
    <p class="utrecht-paragraph site-muted" safe>{`${kindLabel(item.kind)} · ${item.ppsName}`}</p>
  );
}

/** The items as others read them (share link, organisation page): no controls. */
export function ReadOnlyItems({
  items,
  headingLevel = 3,
}: {
  items: ListItemDto[];
  headingLevel?: 3 | 4;
}): JSX.Element {
  if (!items.length) return <p class="utrecht-paragraph">Deze lijst is nog leeg.</p>;
  return (
    <ol class="plain-list list-items">
      {items.map((item) => (
        <li class="list-item">
          {headingLevel === 3 ? (
            <h3 class="utrecht-heading-3">
              <ItemTitle item={item} />
            </h3>
          ) : (
            <h4 class="utrecht-heading-4">
              <ItemTitle item={item} />
            </h4>
          )}
          <ItemFacts item={item} />
          {item.note ? (
            <p class="utrecht-paragraph site-lines" safe>
              {item.note}
            </p>
          ) : (
            ''
          )}
        </li>
      ))}
    </ol>
  );
}

/** One button of the list's form: what it does to which item (the form sends every note too). */
function ItemAction(props: {
  item: ListItemDto;
  action: 'omhoog' | 'omlaag' | 'weg';
  label: string;
}): JSX.Element {
  return (
    <button
      type="submit"
      name="actie"
      value={`${props.action}:${props.item.assetId}`}
      class={`utrecht-button ${props.action === 'weg' ? 'utrecht-button--subtle' : 'utrecht-button--secondary-action'}`}
    >
      {Html.escapeHtml(props.label)}
      <span class="visually-hidden" safe>{`: ${props.item.title}`}</span>
    </button>
  );
}

/**
 * The owner's items: move up or down, take off, and a note per item — one form, so whichever
 * button is pressed, every note as typed goes with it and none is lost.
 */
export function EditableItems(props: {
  page: PageContext;
  list: ListDto;
  noteErrors: Map<string, string>;
  /** Notes as typed, when the form came back. */
  noteValues: Map<string, string>;
}): JSX.Element {
  const { list, page } = props;
  if (!list.items.length)
    return (
      <p class="utrecht-paragraph">
        Deze lijst is nog leeg. Zet bouwstenen erop met "Op mijn lijst zetten" op hun pagina (via{' '}
        <a class="utrecht-link" href="/zoeken">
          Zoeken
        </a>
        ).
      </p>
    );
  return (
    <form method="post" action={`/mijn-lijsten/${list.id}/onderdelen`} class="list-items-form">
      <FormTokenField page={page} />
      <ol class="plain-list list-items">
        {list.items.map((item, index) => {
          const noteId = `notitie-${item.assetId}`;
          const error = props.noteErrors.get(item.assetId);
          return (
            <li class="list-item">
              <h3 class="utrecht-heading-3">
                <span class="visually-hidden" safe>{`${index + 1}. `}</span>
                <ItemTitle item={item} />
              </h3>
              <ItemFacts item={item} />
              <div class="list-item__actions">
                {index > 0 ? <ItemAction item={item} action="omhoog" label="Omhoog" /> : ''}
                {index < list.items.length - 1 ? (
                  <ItemAction item={item} action="omlaag" label="Omlaag" />
                ) : (
                  ''
                )}
                <ItemAction item={item} action="weg" label="Van de lijst halen" />
              </div>
              <div class="list-item__note site-form">
                <div
                  class={`utrecht-form-field utrecht-form-field--text${error ? ' utrecht-form-field--invalid' : ''}`}
                >
                  <label class="utrecht-form-label" for={noteId}>
                    Notitie <span class="site-muted">(niet verplicht)</span>
                  </label>
                  {error ? (
                    <p class="utrecht-form-field-error-message" id={`${noteId}-fout`} safe>
                      {error}
                    </p>
                  ) : (
                    ''
                  )}
                  <textarea
                    class="utrecht-textarea utrecht-textarea--html-textarea"
                    id={noteId}
                    name={`notitie[${item.assetId}]`}
                    rows="2"
                    maxlength="500"
                    aria-invalid={error ? 'true' : undefined}
                    aria-describedby={error ? `${noteId}-fout` : undefined}
                    safe
                  >
                    {props.noteValues.get(item.assetId) ?? item.note}
                  </textarea>
                </div>
                <button
                  type="submit"
                  name="actie"
                  value={`notitie:${item.assetId}`}
                  class="utrecht-button utrecht-button--secondary-action"
                >
                  Notitie opslaan<span class="visually-hidden" safe>{`: ${item.title}`}</span>
                </button>
              </div>
            </li>
          );
        })}
      </ol>
    </form>
  );
}

/** The overview of a person's lists. */
export function ListOverview({ lists }: { lists: ListDto[] }): JSX.Element {
  if (!lists.length)
    return (
      <p class="utrecht-paragraph">
        U heeft nog geen lijsten. Maak er hieronder een, of zet een bouwsteen op een nieuwe lijst
        vanaf zijn pagina.
      </p>
    );
  return (
    <ul class="plain-list list-overview">
      {lists.map((list) => (
        <li>
          <h2 class="utrecht-heading-3">
            <a class="utrecht-link" href={listPath(list.id)} safe>
              {list.name}
            </a>
          </h2>
          <p class="utrecht-paragraph site-muted">
            {Html.escapeHtml(
              [
                count(list.itemCount, 'bouwsteen', 'bouwstenen'),
                list.visibility === 'public' ? 'openbaar' : 'privé',
                list.shared ? 'gedeeld met een link' : '',
                `gewijzigd ${formatDate(list.updatedAt)}`,
              ]
                .filter(Boolean)
                .join(' · '),
            )}
          </p>
        </li>
      ))}
    </ul>
  );
}
