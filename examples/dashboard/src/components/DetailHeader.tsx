import { formatMoney } from '../format';
import { hrefFor } from '../route';
import { StatusBadge } from './StatusBadge';

/** A detail page's heading: the way back to its list, the amount with its status, the id. */
export function DetailHeader({
  list,
  object,
}: {
  list: { page: 'payouts' | 'refunds'; label: string };
  object: { id: string; amount: number; currency: string; status: string | null | undefined };
}) {
  return (
    <>
      <p>
        <a href={hrefFor({ page: list.page, cursor: null })}>← {list.label}</a>
      </p>
      <header className="section-header">
        <h1>
          {formatMoney(object.amount, object.currency)} <StatusBadge status={object.status} />
        </h1>
        <code className="muted">{object.id}</code>
      </header>
    </>
  );
}
