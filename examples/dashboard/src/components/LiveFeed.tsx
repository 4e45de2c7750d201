import { useSubscription } from 'urql';
import { graphql } from '../gql';
import { formatDate } from '../format';
import { hrefFor } from '../route';
import { StatusBadge } from './StatusBadge';

const PayoutEventsSubscription = graphql(`
  subscription PayoutEvents {
    payoutEvents {
      eventId
      type
      occurredAt
      payout {
        ...PayoutRow
      }
    }
  }
`);

const RefundEventsSubscription = graphql(`
  subscription RefundEvents {
    refundEvents {
      eventId
      type
      occurredAt
      refund {
        ...RefundRow
      }
    }
  }
`);

/** How many recent events the feed keeps. */
const FEED_LENGTH = 12;

interface FeedItem {
  eventId: string;
  type: string;
  occurredAt: string;
  href: string;
  objectId: string;
  status: string | null | undefined;
}

/** The feed with `event` about `object` (shown on its `page`) first, once. */
function keepLatest(
  feed: FeedItem[] | undefined,
  event: { eventId: string; type: string; occurredAt: string },
  page: 'payout' | 'refund',
  object: { id: string; status?: string | null },
): FeedItem[] {
  const item: FeedItem = { eventId: event.eventId, type: event.type, occurredAt: event.occurredAt, href: hrefFor({ page, id: object.id }), objectId: object.id, status: object.status };
  return [item, ...(feed ?? []).filter((f) => f.eventId !== item.eventId)].slice(0, FEED_LENGTH);
}

/**
 * Every payout and refund change, over graphql-ws. The objects in these events are normalized into
 * graphcache like any query result, so each status badge on the page changes as they arrive; the
 * list here is only the recent history.
 */
export function LiveFeed() {
  const [payouts] = useSubscription({ query: PayoutEventsSubscription }, (feed: FeedItem[] | undefined, data) =>
    keepLatest(feed, data.payoutEvents, 'payout', data.payoutEvents.payout),
  );
  const [refunds] = useSubscription({ query: RefundEventsSubscription }, (feed: FeedItem[] | undefined, data) =>
    keepLatest(feed, data.refundEvents, 'refund', data.refundEvents.refund),
  );
  const items = [...(payouts.data ?? []), ...(refunds.data ?? [])]
    .sort((a, b) => b.occurredAt.localeCompare(a.occurredAt))
    .slice(0, FEED_LENGTH);
  const error = payouts.error ?? refunds.error;

  return (
    <aside className="feed" aria-label="Live events">
      <h2>
        <span className="live-dot" aria-hidden="true" /> Live events
      </h2>
      {error && <p className="muted">{error.message}</p>}
      {items.length === 0 && !error && <p className="muted">Waiting for payout and refund changes…</p>}
      <ol>
        {items.map((item) => (
          <li key={item.eventId}>
            <div>
              <code>{item.type}</code> <StatusBadge status={item.status} />
            </div>
            <div className="muted">
              <a href={item.href}>{item.objectId}</a> · {formatDate(item.occurredAt)}
            </div>
          </li>
        ))}
      </ol>
    </aside>
  );
}
