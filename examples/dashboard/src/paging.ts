import type { PageCursor } from './route';

/** Rows per page of the tables. */
export const PAGE_SIZE = 10;

/** The connection arguments that fetch the page a cursor names: forward with `first`, backward with `last`. */
export function pageVariables(cursor: PageCursor): { first?: number; after?: string; last?: number; before?: string } {
  if (cursor && 'after' in cursor) return { first: PAGE_SIZE, after: cursor.after };
  if (cursor && 'before' in cursor) return { last: PAGE_SIZE, before: cursor.before };
  return { first: PAGE_SIZE };
}

interface Connection<E> {
  edges: readonly E[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean };
}

export interface VisiblePage<E> {
  edges: readonly E[];
  /** Cursor of the page of newer items, if there are any. */
  newer: PageCursor;
  /** Cursor of the page of older items, if there are any. */
  older: PageCursor;
}

/**
 * relayPagination hands back every cached page of the list merged in order; the table shows the
 * PAGE_SIZE edges next to the cursor. A cursor not in the merged list (its page was dropped after
 * a new payout) falls back to the edges that came for this request.
 */
export function visiblePage<E extends { cursor: string }>(connection: Connection<E>, cursor: PageCursor): VisiblePage<E> {
  const { edges, pageInfo } = connection;
  let start = 0;
  let end = Math.min(PAGE_SIZE, edges.length);
  if (cursor && 'after' in cursor) {
    const at = edges.findIndex((e) => e.cursor === cursor.after);
    start = at + 1;
    end = Math.min(start + PAGE_SIZE, edges.length);
  } else if (cursor && 'before' in cursor) {
    const at = edges.findIndex((e) => e.cursor === cursor.before);
    end = at < 0 ? edges.length : at;
    start = Math.max(0, end - PAGE_SIZE);
  }
  const shown = edges.slice(start, end);
  const first = shown[0];
  const last = shown[shown.length - 1];
  const hasNewer = start > 0 || (cursor !== null && pageInfo.hasPreviousPage) || (cursor !== null && 'after' in cursor);
  const hasOlder = end < edges.length || pageInfo.hasNextPage || (cursor !== null && 'before' in cursor);
  return {
    edges: shown,
    newer: hasNewer && first ? { before: first.cursor } : null,
    older: hasOlder && last ? { after: last.cursor } : null,
  };
}
