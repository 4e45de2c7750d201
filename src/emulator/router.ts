import type { Route } from './types.js';

export interface RouteMatch {
  route: Route;
  /** 'METHOD /pattern', the request log's and fault rules' name for the route. */
  key: string;
  path: Record<string, string>;
}

interface CompiledRoute {
  route: Route;
  key: string;
  pattern: RegExp;
  names: string[];
  literals: number;
}

export interface Router {
  match(method: string, pathname: string): RouteMatch | undefined;
}

/** Method + path matching over ':name' patterns; literal segments win over parameters (e.g. '/v1/x/search' before '/v1/x/:id'). */
export function createRouter(routes: readonly Route[]): Router {
  const compiled: CompiledRoute[] = routes.map((route) => {
    const names: string[] = [];
    const segments = route.path.split('/').filter(Boolean);
    const source = segments
      .map((seg) => {
        if (seg.startsWith(':')) {
          names.push(seg.slice(1));
          return '/([^/]+)';
        }
        return `/${seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`;
      })
      .join('');
    return {
      route,
      key: `${route.method} ${route.path}`,
      pattern: new RegExp(`^${source}/?$`),
      names,
      literals: segments.length - names.length,
    };
  });
  compiled.sort((a, b) => b.literals - a.literals);

  return {
    match(method, pathname) {
      for (const c of compiled) {
        if (c.route.method !== method) continue;
        const m = c.pattern.exec(pathname);
        if (!m) continue;
        const path: Record<string, string> = {};
        try {
          c.names.forEach((name, i) => (path[name] = decodeURIComponent(m[i + 1])));
        } catch {
          continue;
        }
        return { route: c.route, key: c.key, path };
      }
      return undefined;
    },
  };
}
