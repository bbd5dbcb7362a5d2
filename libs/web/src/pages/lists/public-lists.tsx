import type { SharedListDto } from '@bouwsteen/lists';
import { SharedListBody } from './shared-list.page';

/**
 * An organisation's page (/rapportages/instellingen/:id): the lists its people made public,
 * each with its blocks and notes. Nothing when there are none.
 */
export function PublicLists(props: { lists: SharedListDto[]; organisation: string }): JSX.Element {
  if (!props.lists.length) return '';
  return (
    <section aria-labelledby="openbare-lijsten-titel" class="list-section">
      <h2 class="utrecht-heading-2" id="openbare-lijsten-titel" safe>
        {`Openbare lijsten van mensen van ${props.organisation}`}
      </h2>
      {props.lists.map((list) => (
        <section aria-labelledby={`lijst-${list.id}`}>
          <h3 class="utrecht-heading-3" id={`lijst-${list.id}`} safe>
            {list.name}
          </h3>
          <SharedListBody list={list} headingLevel={4} />
        </section>
      ))}
    </section>
  );
}
