import { Injectable } from '@nestjs/common';
import { ListsService, SharedListDto } from '@bouwsteen/lists';
import { formatDate } from '../../format/format';
import type { PageContext } from '../../http/page-context';
import { SiteRenderer } from '../../layout/site-renderer';
import { ReadOnlyItems } from './list-views';

/**
 * /lijst/:token: a list someone shared, for anyone with the link (signed in or not), read-only.
 * A revoked or mistyped link is the site's 404 page.
 */
@Injectable()
export class SharedListPage {
  constructor(
    private readonly site: SiteRenderer,
    private readonly lists: ListsService,
  ) {}

  async render(page: PageContext, token: string): Promise<string> {
    const list = await this.lists.shared(token);
    return this.site.page(
      page,
      {
        title: `Lijst: ${list.name}`,
        description: 'Een gedeelde lijst van bouwstenen.',
        canonicalPath: '/lijst/[gedeeld]',
        section: 'lijst',
        noindex: true,
      },
      <>
        <h1 class="utrecht-heading-1" safe>
          {list.name}
        </h1>
        <SharedListBody list={list} />
      </>,
    );
  }
}

/** A list as others read it: its description, its items, when it last changed. */
export function SharedListBody({
  list,
  headingLevel = 3,
}: {
  list: SharedListDto;
  headingLevel?: 3 | 4;
}): JSX.Element {
  return (
    <>
      {list.description ? (
        <p class="utrecht-paragraph site-lines" safe>
          {list.description}
        </p>
      ) : (
        ''
      )}
      <p
        class="utrecht-paragraph site-muted"
        safe
      >{`Bijgewerkt op ${formatDate(list.updatedAt)}`}</p>
      <ReadOnlyItems items={list.items} headingLevel={headingLevel} />
    </>
  );
}
