import { formatStatus } from '../format';

/**
 * A status pill. `data-status` is the upper-case status whatever the source (a schema enum such as
 * `PAID`, or Stripe's raw `paid`), and the stylesheet colours the badge by it.
 */
export function StatusBadge({ status }: { status: string | null | undefined }) {
  const value = (status ?? 'UNKNOWN').toUpperCase();
  return (
    <span className="badge" data-status={value}>
      {formatStatus(value)}
    </span>
  );
}
