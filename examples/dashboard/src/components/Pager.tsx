import type { PageCursor } from '../route';

interface PagerProps {
  newer: PageCursor;
  older: PageCursor;
  fetching: boolean;
  onPage: (cursor: PageCursor) => void;
}

/** Previous (newer items, `last`/`before`) and Next (older items, `first`/`after`); lists are newest first. */
export function Pager({ newer, older, fetching, onPage }: PagerProps) {
  return (
    <nav className="pager" aria-label="Pages">
      <button type="button" disabled={!newer} onClick={() => onPage(newer)}>
        ← Previous
      </button>
      {fetching && <span className="muted">loading…</span>}
      <button type="button" disabled={!older} onClick={() => onPage(older)}>
        Next →
      </button>
    </nav>
  );
}
