import { invalidRequest } from './errors.js';
import type { AccountStore, ApiBody, ExpandableMap, StripeObject } from './types.js';

const MAX_DEPTH = 4;

interface PathTree {
  [field: string]: PathTree;
}

/**
 * Applies `expand[]` paths to a response body: an id at an expandable field is
 * replaced by the stored object of the same account (null stays null), dots nest
 * up to 4 levels, and list bodies take `data.`-prefixed paths. Works on copies:
 * stored objects are never changed.
 */
export function expandBody(body: ApiBody, paths: string[], store: AccountStore, expandable: ExpandableMap): ApiBody {
  if (!paths.length) return body;
  const tree: PathTree = {};
  for (const path of paths) {
    const parts = path.split('.');
    if (parts.length > MAX_DEPTH) {
      throw invalidRequest(`You cannot expand more than ${MAX_DEPTH} levels of a property. Property: ${path}`, { param: 'expand' });
    }
    let node = tree;
    for (const part of parts) node = node[part] ??= {};
  }
  return expandNode(structuredClone(body), tree, '', store, expandable) as ApiBody;
}

function expandNode(value: unknown, tree: PathTree, prefix: string, store: AccountStore, expandable: ExpandableMap): unknown {
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  const isList = obj.object === 'list' && Array.isArray(obj.data);
  for (const [field, children] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${field}` : field;
    if (isList) {
      if (field !== 'data') throw cannotExpand(path);
      obj.data = (obj.data as unknown[]).map((item) => expandNode(item, children, path, store, expandable));
      continue;
    }
    const type = typeof obj.object === 'string' ? obj.object : '';
    if (!expandable[type]?.[field]) throw cannotExpand(path);
    const current = obj[field];
    const resolved = typeof current === 'string' ? (store.get<StripeObject>(current) ?? current) : current;
    obj[field] = expandNode(resolved, children, path, store, expandable);
  }
  return obj;
}

function cannotExpand(path: string) {
  return invalidRequest(`This property cannot be expanded (${path}).`, { param: 'expand' });
}
