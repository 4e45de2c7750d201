/**
 * What the shaper reports about the requests it sends to Stripe (for metrics and traces). The
 * gateway supplies it; this layer knows nothing of what it does with it.
 */
export interface UpstreamObserver {
  /** One HTTP request is sent to Stripe now: every attempt, the shaper's retries after a 429 included. */
  attempt(call: UpstreamCall): UpstreamAttempt;
  /** The shaper refused a call that would have waited past maxQueueMs: Stripe never saw it. */
  queueFull(call: UpstreamCall): void;
}

export interface UpstreamCall {
  method: string;
  /** The path with its ids and query left out: '/v1/payouts/:id'. */
  route: string;
}

export interface UpstreamAttempt {
  /** Headers to send besides the SDK's own (W3C trace context). */
  readonly headers: Readonly<Record<string, string>>;
  /** Stripe answered with `status` and its `request-id`; `retrying` when the shaper sends it again (a 429). */
  answered(status: number, requestId: string | undefined, retrying: boolean): void;
  /** No answer (network error, timeout). */
  failed(err: unknown): void;
}

/**
 * Words of Stripe's API paths that are not ids, as the gateway calls them. Every other segment
 * is an id (ids come from clients: a label or span name holding them would be unbounded).
 */
const PATH_WORD = new RegExp(`^(?:${[
  'v1',
  'accounts',
  'balance_transactions',
  'cancel',
  'capture',
  'charges',
  'close',
  'events',
  'expire',
  'external_accounts',
  'fail',
  'features',
  'financial_accounts',
  'outbound_payments',
  'payment_intents',
  'payouts',
  'post',
  'received_credits',
  'refunds',
  'return',
  'reverse',
  'reversals',
  'test_helpers',
  'tracking_details',
  'transactions',
  'transfers',
  'treasury',
  'webhook_endpoints',
].join('|')})$`);

/** '/v1/transfers/tr_1/reversals/trr_2?expand[]=x' → '/v1/transfers/:id/reversals/:id'. */
export function routeTemplate(path: string): string {
  const end = path.indexOf('?');
  return (end < 0 ? path : path.slice(0, end))
    .split('/')
    .map((segment, i) => (i === 0 || PATH_WORD.test(segment) ? segment : ':id'))
    .join('/');
}
