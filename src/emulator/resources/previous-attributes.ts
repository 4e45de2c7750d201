/**
 * Stripe's `previous_attributes` for *.updated events: the old values of the
 * top-level fields that changed; for `metadata`, only the keys that changed
 * (null for keys that did not exist before). Empty when nothing changed, so
 * callers can skip the event.
 */
export function previousAttributes(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  fields: readonly string[],
): Record<string, unknown> {
  const previous: Record<string, unknown> = {};
  for (const field of fields) {
    if (field === 'metadata') {
      const changed = metadataChanges(before.metadata, after.metadata);
      if (changed) previous.metadata = changed;
    } else if (JSON.stringify(before[field]) !== JSON.stringify(after[field])) {
      previous[field] = before[field] ?? null;
    }
  }
  return previous;
}

function metadataChanges(before: unknown, after: unknown): Record<string, string | null> | null {
  const old = (before ?? {}) as Record<string, string>;
  const now = (after ?? {}) as Record<string, string>;
  const changes: Record<string, string | null> = {};
  for (const key of new Set([...Object.keys(old), ...Object.keys(now)])) {
    if (old[key] !== now[key]) changes[key] = old[key] ?? null;
  }
  return Object.keys(changes).length ? changes : null;
}
