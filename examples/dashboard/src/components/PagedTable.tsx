import type { ReactNode } from 'react';
import type { CombinedError } from 'urql';
import type { VisiblePage } from '../paging';
import type { PageCursor } from '../route';
import { Pager } from './Pager';
import { RequestErrorNotice } from './Notices';

interface PagedTableProps<E> {
  /** What the list holds, for the loading line ("payouts"). */
  noun: string;
  /** The page shown (null until the first answer). */
  page: VisiblePage<E> | null;
  fetching: boolean;
  error?: CombinedError;
  /** Column headings; a heading starting with `#` is right-aligned (amounts), without the `#`. */
  columns: readonly string[];
  /** One `<tr>` per edge (with `data-id`, which the browser test reads). */
  row: (edge: E) => ReactNode;
  onPage: (cursor: PageCursor) => void;
}

/** A list page's table and pager: the same for payouts and refunds, only the columns differ. */
export function PagedTable<E>({ noun, page, fetching, error, columns, row, onPage }: PagedTableProps<E>) {
  return (
    <>
      {error && <RequestErrorNotice error={error} />}
      {page && (
        <>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  {columns.map((c) => (c.startsWith('#') ? <th key={c} className="num">{c.slice(1)}</th> : <th key={c}>{c}</th>))}
                </tr>
              </thead>
              <tbody>{page.edges.map(row)}</tbody>
            </table>
          </div>
          <Pager newer={page.newer} older={page.older} fetching={fetching} onPage={onPage} />
        </>
      )}
      {!page && fetching && <p className="muted">Loading {noun}…</p>}
    </>
  );
}
