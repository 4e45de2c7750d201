import { useSyncExternalStore } from 'react';

/** Where a list page starts: the newest items, after a cursor (older), or before one (newer). */
export type PageCursor = { after: string } | { before: string } | null;

/** The dashboard's pages, kept in the URL hash so reload, back and links work without a router. */
export type Route =
  | { page: 'payouts'; cursor: PageCursor }
  | { page: 'payout'; id: string }
  | { page: 'refunds'; cursor: PageCursor }
  | { page: 'refund'; id: string };

function cursorOf(params: URLSearchParams): PageCursor {
  const after = params.get('after');
  const before = params.get('before');
  return after ? { after } : before ? { before } : null;
}

export function parseRoute(hash: string): Route {
  const [path, query = ''] = hash.replace(/^#/, '').split('?');
  const [, section, id] = path.split('/');
  const params = new URLSearchParams(query);
  if (section === 'refunds') return id ? { page: 'refund', id: decodeURIComponent(id) } : { page: 'refunds', cursor: cursorOf(params) };
  if (section === 'payouts' && id) return { page: 'payout', id: decodeURIComponent(id) };
  return { page: 'payouts', cursor: cursorOf(params) };
}

export function hrefFor(route: Route): string {
  switch (route.page) {
    case 'payout':
      return `#/payouts/${encodeURIComponent(route.id)}`;
    case 'refund':
      return `#/refunds/${encodeURIComponent(route.id)}`;
    default: {
      const params = new URLSearchParams(route.cursor ?? {}).toString();
      return `#/${route.page}${params ? `?${params}` : ''}`;
    }
  }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The current route, re-rendering on every hash change. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}

export function navigate(route: Route): void {
  window.location.hash = hrefFor(route);
}
