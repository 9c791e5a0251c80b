/**
 * The dataset's record collections, in a module of their own so code that needs the list (the
 * store, the sidebar) does not pull in zod.
 */
export const COLLECTIONS = [
  'sources',
  'actors',
  'stories',
  'families',
  'people',
  'relationships',
  'claims',
  'responses',
  'findings',
  'conduct',
  'events',
  'media',
] as const;
export type CollectionName = (typeof COLLECTIONS)[number];
