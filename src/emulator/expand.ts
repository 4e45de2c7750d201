import { copyJson } from './copy.js';
import { invalidRequest } from './errors.js';
import type { AccountStore, ApiBody, ExpandableMap, ExpandScope, StripeObject } from './types.js';

const MAX_DEPTH = 4;

interface PathTree {
  [field: string]: PathTree;
}

/** The typed object whose expandable map applies, while the expander walks it and its plain hashes. */
interface Owner {
  type: string;
  /** The object as it was before any of its fields were expanded (lookups read ids from it). */
  original: StripeObject;
  /** The account it lives in. */
  store: AccountStore;
  /** Path from the owner to the hash being walked ('' at the owner itself, 'returned_details' inside that hash). */
  within: string;
}

/**
 * Applies `expand[]` paths to a response body: an id at an expandable path is
 * replaced by the object it names (null stays null), dots nest up to 4 levels
 * through objects and plain hashes, and list bodies take `data.`-prefixed paths.
 * Lookups stay in the owner's account unless its map entry picks another
 * (`connected` reaches a connected account, from the platform only).
 * Works on copies: stored objects are never changed.
 */
export function expandBody(
  body: ApiBody,
  paths: string[],
  store: AccountStore,
  expandable: ExpandableMap,
  connectedAccount: (account: string) => AccountStore,
): ApiBody {
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

  const scope = (owner: AccountStore): ExpandScope => ({
    store: owner,
    connected: (account) => (owner.account === null ? connectedAccount(account) : null),
  });

  function expandValue(value: unknown, tree: PathTree, path: string, store: AccountStore): unknown {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
    const obj = value as Record<string, unknown>;
    const items = obj.data;
    if (obj.object === 'list' && Array.isArray(items)) {
      for (const [field, children] of Object.entries(tree)) {
        if (field !== 'data') throw cannotExpand(join(path, field));
        obj.data = items.map((item: unknown) => expandValue(item, children, join(path, field), store));
      }
      return obj;
    }
    const type = typeof obj.object === 'string' ? obj.object : '';
    return expandFields(obj, tree, path, { type, original: { ...obj } as StripeObject, store, within: '' });
  }

  function expandFields(hash: Record<string, unknown>, tree: PathTree, path: string, owner: Owner): Record<string, unknown> {
    const paths = expandable[owner.type] ?? {};
    for (const [field, children] of Object.entries(tree)) {
      const fullPath = join(path, field);
      const key = join(owner.within, field);
      const target = paths[key];
      const current = hash[field];
      if (target) {
        if (typeof current !== 'string') {
          // Already an object (built by the handler, e.g. an embedded list): only its own levels expand.
          hash[field] = expandValue(current, children, fullPath, owner.store);
          continue;
        }
        const home = target === true ? owner.store : target(owner.original, scope(owner.store));
        const found = home?.get(current);
        if (home && found) hash[field] = expandValue(found, children, fullPath, home);
      } else if (Object.keys(children).length && Object.keys(paths).some((p) => p.startsWith(`${key}.`))) {
        // A plain hash on the way to an expandable id (returned_details → returned_details.transaction).
        if (current !== null && typeof current === 'object' && !Array.isArray(current)) {
          expandFields(current as Record<string, unknown>, children, fullPath, { ...owner, within: key });
        }
      } else {
        throw cannotExpand(fullPath);
      }
    }
    return hash;
  }

  return expandValue(copyJson(body), tree, '', store) as ApiBody;
}

function join(prefix: string, field: string): string {
  return prefix ? `${prefix}.${field}` : field;
}

function cannotExpand(path: string) {
  return invalidRequest(`This property cannot be expanded (${path}).`, { param: 'expand' });
}
