import Html from '@kitajs/html';
import { AssetDto, AssetListQueryDto, AssetsService } from '@bouwsteen/assets';
import type { Principal } from '@bouwsteen/auth';
import type { Page } from '@bouwsteen/common';
import { ListSearchForm } from '../../components/list-search-form';
import {
  ListSearch,
  listNarrowing,
  listSearchParams,
  readListSearch,
} from '../../components/list-search';
import { Pagination } from '../../components/pagination';
import type { Option } from '../../forms/fields';
import { count } from '../../format/format';

const PAGE_SIZE = 50;

export interface SuccessorChoices {
  search: ListSearch;
  found: Page<{ id: string; title: string }>;
  /** How many match, the block itself not counted. */
  others: number;
  options: Option[];
}

/**
 * The published blocks of the same kind and PPS that may succeed `asset`: A to Z, narrowed by
 * words in the title, a page at a time (a PPS can have hundreds). The one already chosen stays
 * a choice when the page or search no longer holds it, so a failed form keeps it.
 */
export async function successorChoices(
  assets: AssetsService,
  principal: Principal,
  asset: AssetDto,
  query: Record<string, unknown>,
  chosen?: { id: string; title: string },
): Promise<SuccessorChoices> {
  const search = readListSearch(query, 'titel', 100);
  const found = await assets.list(
    principal,
    Object.assign(new AssetListQueryDto(), {
      ppsId: asset.pps.id,
      kind: [asset.kind],
      status: ['published'],
      pageSize: PAGE_SIZE,
      pageNumber: search.pageNumber,
    }),
    listNarrowing(search),
  );
  const options = found.items
    .filter((candidate) => candidate.id !== asset.id)
    .map((candidate) => ({ value: candidate.id, label: candidate.title }));
  if (chosen && !options.some((option) => option.value === chosen.id))
    options.unshift({ value: chosen.id, label: chosen.title });
  // The block itself is a published one of its kind (when it is published), but no choice.
  const title = asset.title.toLowerCase();
  const self =
    asset.status === 'published' &&
    search.titleWords.every((word) => title.includes(word.toLowerCase()));
  return { search, found, others: Math.max(found.totalItems - (self ? 1 : 0), 0), options };
}

/** The search above the successor list, how many match, and the pages of the list. */
export function SuccessorSearch(props: { path: string; choices: SuccessorChoices }): JSX.Element {
  const { search, found, others } = props.choices;
  const params = listSearchParams(search, 'titel').toString();
  return (
    <>
      <ListSearchForm
        action={props.path}
        search={search}
        keep={{}}
        label="Zoek een opvolger op titel"
      />
      <p class="utrecht-paragraph" id="opvolgers-aantal">
        {Html.escapeHtml(
          `${count(others, 'andere gepubliceerde bouwsteen', 'andere gepubliceerde bouwstenen')} van dezelfde soort${search.words ? ' met deze woorden in de titel' : ''}${found.totalPages > 1 ? `; pagina ${found.pageNumber} van ${found.totalPages}` : ''}.`,
        )}
      </p>
      <Pagination
        current={found.pageNumber}
        total={found.totalPages}
        href={(n) => `${props.path}?${params ? `${params}&` : ''}pagina=${n}`}
        label="Pagina's opvolgers"
      />
    </>
  );
}
