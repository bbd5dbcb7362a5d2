import { defineProblems } from '@bouwsteen/common/pure';

export enum ListError {
  NotFound = 'list-not-found',
  SharedNotFound = 'shared-list-not-found',
  ItemNotFound = 'list-item-not-found',
  TooManyLists = 'too-many-lists',
  ListFull = 'list-full',
  AssetNotPublished = 'list-asset-not-published',
  NothingForACourse = 'list-nothing-for-a-course',
  SavedSearchNotFound = 'saved-search-not-found',
  TooManySavedSearches = 'too-many-saved-searches',
}

defineProblems<ListError>('lists', {
  [ListError.NotFound]: {
    status: 404,
    title: 'List not found',
    description: 'No list with this id that is yours.',
  },
  [ListError.SharedNotFound]: {
    status: 404,
    title: 'Shared list not found',
    description:
      'This share link does not (or no longer) work: it was revoked, replaced by a new one, or mistyped.',
  },
  [ListError.ItemNotFound]: {
    status: 404,
    title: 'Not on the list',
    description: 'This building block is not on the list.',
  },
  [ListError.TooManyLists]: {
    status: 409,
    title: 'Too many lists',
    description: 'You keep the most lists one person may; remove one first. Nothing was stored.',
  },
  [ListError.ListFull]: {
    status: 409,
    title: 'List full',
    description: 'The list holds the most building blocks a list may; remove one first.',
  },
  [ListError.AssetNotPublished]: {
    status: 422,
    title: 'Building block not published',
    description:
      'Only published building blocks (not drafts, not archived ones) can be put on a list.',
  },
  [ListError.NothingForACourse]: {
    status: 422,
    title: 'Nothing on the list a course can hold',
    description:
      'A course holds published modules and infrastructure profiles; this list has none. No course was made.',
  },
  [ListError.SavedSearchNotFound]: {
    status: 404,
    title: 'Saved search not found',
    description: 'No saved search with this id that is yours.',
  },
  [ListError.TooManySavedSearches]: {
    status: 409,
    title: 'Too many saved searches',
    description:
      'You keep the most saved searches one person may; delete one first. Nothing was stored.',
  },
});
